import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DossierStatistics, STATISTICS_PATH } from '../../../api/statistics.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { SelectField, TextField } from '../../../components/form-fields.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate, todayInProvince } from '../../../lib/dates.ts';
import { formText } from '../../../lib/form-data.ts';
import { AgencyBars } from './agency-bars.tsx';
import { ChartPatterns } from './chart-patterns.tsx';
import { Evaluations } from './evaluations.tsx';
import { formatNumber } from './format.ts';
import { FigureTiles, Qd766Table } from './indicators.tsx';
import { MonthColumns } from './month-columns.tsx';
import { PERIOD_KINDS, periodFromParams, type Period, type PeriodKind } from './periods.ts';
import { ProcedureTable } from './procedure-table.tsx';
import './statistics.css';

/** This month, quarter or year, or dates of one's own; the address keeps the choice. */
function PeriodPicker({ period, onPick }: { period: Period; onPick: (params: URLSearchParams) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PeriodKind>(period.kind);
  return (
    <form
      role="search"
      aria-label={t('figures.periodPicker')}
      className="filters"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const params = new URLSearchParams({ period: kind });
        if (kind === 'custom') {
          params.set('from', formText(form, 'from'));
          params.set('to', formText(form, 'to'));
        }
        onPick(params);
      }}
    >
      <SelectField
        name="period"
        label={t('figures.period')}
        value={kind}
        onChange={(event) => {
          setKind(PERIOD_KINDS.find((candidate) => candidate === event.target.value) ?? 'month');
        }}
      >
        {PERIOD_KINDS.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t(`figures.periods.${candidate}`)}
          </option>
        ))}
      </SelectField>
      {kind === 'custom' ? (
        <>
          <TextField name="from" type="date" label={t('figures.from')} defaultValue={period.from} />
          <TextField name="to" type="date" label={t('figures.to')} defaultValue={period.to} />
        </>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('figures.show')}
        </button>
      </div>
    </form>
  );
}

export function StatisticsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params, todayInProvince());
  useDocumentTitle(t('figures.title'));
  const statistics = useApi(DossierStatistics, STATISTICS_PATH, { from: period.from, to: period.to });

  return (
    <>
      <h1>{t('figures.title')}</h1>
      <p>{t('figures.lead')}</p>
      <PeriodPicker key={`${period.kind}:${period.from}:${period.to}`} period={period} onPick={setParams} />
      <ChartPatterns />
      <AsyncContent state={statistics}>
        {(data) => (
          <div className="figures">
            <p className="figures-period">
              {t('figures.periodTitle', {
                from: formatDate(data.period.from, language),
                to: formatDate(data.period.to, language),
              })}
            </p>
            <p className="figures-received">
              <strong>{t('figures.received', { n: formatNumber(data.received, language) })}</strong>
            </p>
            <FigureTiles data={data} language={language} />
            <AgencyBars rows={data.byAgency} language={language} />
            <MonthColumns rows={data.byMonth} language={language} />
            <Qd766Table indicators={data.qd766} language={language} />
            <Evaluations evaluations={data.evaluations} language={language} />
            <ProcedureTable rows={data.byProcedure} language={language} />
          </div>
        )}
      </AsyncContent>
    </>
  );
}
