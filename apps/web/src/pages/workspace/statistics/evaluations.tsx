import { useTranslation } from 'react-i18next';
import type { DossierStatistics } from '@tinhso/contracts';
import type { Language } from '../../../lib/dates.ts';
import { formatNumber } from './format.ts';

type Evaluation = DossierStatistics['evaluations'][number];

const INDICES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
const BANDS = ['xuat_sac', 'tot', 'kha', 'trung_binh', 'yeu'] as const;

/** The TT 01/2018 evaluation of each deciding agency: nine indices, total against maximum, band. */
export function Evaluations({
  evaluations,
  language,
}: {
  evaluations: readonly Evaluation[];
  language: Language;
}) {
  const { t } = useTranslation();
  const bandText = (band: string) => {
    const known = BANDS.find((candidate) => candidate === band);
    return known ? t(`figures.tt01.bands.${known}`) : band;
  };
  const indexText = (evaluation: Evaluation, index: number) => {
    const found = evaluation.indices.find((candidate) => candidate.index === index);
    if (!found || found.isExcluded || found.score === null) return t('figures.tt01.excluded');
    return formatNumber(found.score, language, 1);
  };
  return (
    <section className="panel" aria-labelledby="figures-tt01">
      <h2 id="figures-tt01">{t('figures.tt01.title')}</h2>
      {evaluations.length === 0 ? (
        <p className="empty">{t('figures.tt01.empty')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t('figures.tt01.caption')} tabIndex={0}>
          <table className="table figures-tt01">
            <caption className="visually-hidden">{t('figures.tt01.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('figures.tt01.agency')}</th>
                {INDICES.map((index) => (
                  <th scope="col" key={index}>
                    {t('figures.tt01.index', { index })}
                  </th>
                ))}
                <th scope="col">{t('figures.tt01.total')}</th>
                <th scope="col">{t('figures.tt01.band')}</th>
              </tr>
            </thead>
            <tbody>
              {evaluations.map((evaluation) => (
                <tr key={evaluation.agencyId}>
                  <td data-label={t('figures.tt01.agency')}>{evaluation.name}</td>
                  {INDICES.map((index) => (
                    <td key={index} data-label={t('figures.tt01.index', { index })}>
                      {indexText(evaluation, index)}
                    </td>
                  ))}
                  <td data-label={t('figures.tt01.total')}>
                    {t('figures.tt01.totalValue', {
                      total: formatNumber(evaluation.total, language, 1),
                      maximum: formatNumber(evaluation.maximum, language, 1),
                    })}
                  </td>
                  <td data-label={t('figures.tt01.band')}>
                    <strong>{bandText(evaluation.band)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="figures-formula">{t('figures.tt01.indexNames')}</p>
      <p className="figures-formula">{t('figures.howComputed', { formula: t('figures.tt01.formula') })}</p>
    </section>
  );
}
