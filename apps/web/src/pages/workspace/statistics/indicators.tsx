import { useTranslation } from 'react-i18next';
import type { DossierStatistics, Indicator } from '@tinhso/contracts';
import type { Language } from '../../../lib/dates.ts';
import { formatNumber } from './format.ts';

type Figure = DossierStatistics['nd224'][string];

const ND224_KEYS = [
  'toanTrinhRate',
  'onlineDossierRate',
  'automationLevel',
  'processingTime',
  'onTimeRate',
  'satisfaction',
  'likeRate',
] as const;

/** The QĐ 766 indicator whose threshold a NĐ 224 figure shares (the same count under two texts). */
const SAME_AS_QD766: Partial<Record<(typeof ND224_KEYS)[number], string>> = {
  onlineDossierRate: '3.3',
  onTimeRate: '2.1',
  satisfaction: '5.4',
};

function useValueText(language: Language) {
  const { t } = useTranslation();
  return (value: number | null, unit: Figure['unit']) => {
    if (value === null) return t('figures.notApplicableShort');
    const formatted = formatNumber(value, language);
    return unit === 'percent'
      ? t('figures.percentValue', { value: formatted })
      : t('figures.dayValue', { value: formatted });
  };
}

/** The NĐ 224 figures as big tiles: value (N/A when none), its counts, the threshold, how it is computed. */
export function FigureTiles({ data, language }: { data: DossierStatistics; language: Language }) {
  const { t } = useTranslation();
  const valueText = useValueText(language);
  return (
    <section aria-labelledby="figures-nd224">
      <h2 id="figures-nd224">{t('figures.nd224.title')}</h2>
      <ul className="figures-tiles">
        {ND224_KEYS.map((key) => {
          const figure = data.nd224[key];
          if (!figure) return null;
          const threshold = data.qd766.find((indicator) => indicator.id === SAME_AS_QD766[key])?.threshold;
          return (
            <li key={key} className="figures-tile">
              <h3 className="figures-tile__name">{t(`figures.nd224.names.${key}`)}</h3>
              <p className="figures-tile__value">
                {figure.value === null ? (
                  <abbr title={t('figures.notApplicable')}>{t('figures.notApplicableShort')}</abbr>
                ) : (
                  valueText(figure.value, figure.unit)
                )}
              </p>
              {figure.numerator !== undefined && figure.denominator !== undefined ? (
                <p className="figures-tile__small">
                  {t('figures.fraction', {
                    numerator: formatNumber(figure.numerator, language),
                    denominator: formatNumber(figure.denominator, language),
                  })}
                </p>
              ) : null}
              {threshold !== undefined && threshold !== null ? (
                <p className="figures-tile__small">
                  {t('figures.threshold', { value: formatNumber(threshold, language) })}
                </p>
              ) : null}
              <p className="figures-formula">
                {t('figures.howComputed', { formula: t(`figures.nd224.formulas.${key}`) })}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A bar of the rate against the threshold that earns full points (100% when there is none). */
function ThresholdBar({ indicator, language }: { indicator: Indicator; language: Language }) {
  const { t } = useTranslation();
  if (indicator.rate === null || indicator.id === '2.2') return <>{t('figures.notApplicableShort')}</>;
  const threshold = indicator.threshold ?? 100;
  const share = Math.max(0, Math.min(100, (indicator.rate * 100) / threshold));
  const label = t('figures.qd766.progressLabel', {
    rate: t('figures.percentValue', { value: formatNumber(indicator.rate, language) }),
    threshold: t('figures.percentValue', { value: formatNumber(threshold, language) }),
  });
  return (
    <span className="figures-progress">
      <svg
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        className="figures-progress__bar"
        aria-hidden="true"
      >
        <rect width="100" height="8" fill="#ffffff" stroke="#6b6b6b" strokeWidth="0.5" />
        <rect
          width={share}
          height="8"
          fill={share >= 100 ? 'url(#figures-solid-early)' : 'url(#figures-dots-open)'}
        />
      </svg>
      <span>{label}</span>
    </span>
  );
}

/** The QĐ 766 indicators: counts, rate, a bar against the threshold, points. */
export function Qd766Table({
  indicators,
  language,
}: {
  indicators: readonly Indicator[];
  language: Language;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="figures-qd766">
      <h2 id="figures-qd766">{t('figures.qd766.title')}</h2>
      <div className="table-wrap" role="region" aria-label={t('figures.qd766.caption')} tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{t('figures.qd766.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.qd766.id')}</th>
              <th scope="col">{t('figures.qd766.name')}</th>
              <th scope="col">{t('figures.qd766.counts')}</th>
              <th scope="col">{t('figures.qd766.progress')}</th>
              <th scope="col">{t('figures.qd766.score')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator, index) => (
              <tr key={`${indicator.id}-${String(index)}`}>
                <td data-label={t('figures.qd766.id')}>{indicator.id}</td>
                <td data-label={t('figures.qd766.name')}>
                  {language === 'vi' ? indicator.nameVi : indicator.nameEn}
                  {indicator.id === '2.2' && indicator.rate !== null ? (
                    <> — {t('figures.dayValue', { value: formatNumber(indicator.rate, language) })}</>
                  ) : null}
                </td>
                <td data-label={t('figures.qd766.counts')}>
                  {t('figures.fraction', {
                    numerator: formatNumber(indicator.numerator, language),
                    denominator: formatNumber(indicator.denominator, language),
                  })}
                </td>
                <td data-label={t('figures.qd766.progress')}>
                  <ThresholdBar indicator={indicator} language={language} />
                </td>
                <td data-label={t('figures.qd766.score')}>
                  {indicator.score === null
                    ? t('figures.notApplicableShort')
                    : t('figures.qd766.scoreValue', {
                        score: formatNumber(indicator.score, language),
                        max: formatNumber(indicator.maxPoints, language),
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="figures-formula">{t('figures.howComputed', { formula: t('figures.qd766.formula') })}</p>
    </section>
  );
}
