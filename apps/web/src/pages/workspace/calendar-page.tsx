import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CalendarYear } from '@tinhso/contracts';
import { previewDueDate } from '../../api/calendar.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { FormAlert } from '../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate, formatDateTime, localDateTimeToIso, todayInProvince } from '../../lib/dates.ts';
import { formText, optionalText } from '../../lib/form-data.ts';
import { hasPermission, useSignedInSession } from '../../session/session-context.tsx';
import { CalendarAdmin } from './calendar-admin-forms.tsx';
import { CalendarLegend, MonthGrid, statusMap } from './month-grid.tsx';

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const UNITS = ['working_day', 'calendar_day', 'hour', 'month'] as const;
const PREVIEW_FIELDS = ['receivedAt', 'amount', 'unit', 'cutOff'];
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

function yearFrom(value: string | null): number {
  const fallback = Number(todayInProvince().slice(0, 4));
  const year = Number(value);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : fallback;
}

function DueDatePreview() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const preview = useAction(previewDueDate);
  const answer = preview.result;
  return (
    <section className="panel" aria-labelledby="calendar-preview">
      <h2 id="calendar-preview">{t('calendar.previewTitle')}</h2>
      <p>{t('calendar.previewLead')}</p>
      <form
        noValidate
        className="form calendar-preview__form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const unit = UNITS.find((candidate) => candidate === formText(form, 'unit')) ?? 'working_day';
          const amountText = formText(form, 'amount');
          void preview.run({
            receivedAt: localDateTimeToIso(formText(form, 'receivedAt')) ?? formText(form, 'receivedAt'),
            amount: amountText === '' ? undefined : Number(amountText),
            unit,
            cutOff: optionalText(form, 'cutOff'),
          });
        }}
      >
        <FormAlert error={preview.error} fields={PREVIEW_FIELDS} />
        <TextField
          name="receivedAt"
          type="datetime-local"
          label={t('calendar.receivedAt')}
          hint={t('calendar.receivedAtHint')}
          error={preview.error}
        />
        <TextField
          name="amount"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          label={t('calendar.amount')}
          error={preview.error}
        />
        <SelectField name="unit" label={t('calendar.unit')} error={preview.error} defaultValue="working_day">
          {UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {t(`calendar.units.${unit}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="cutOff"
          type="time"
          label={t('calendar.cutOff')}
          hint={t('calendar.cutOffHint')}
          isOptional
          error={preview.error}
        />
        <SubmitButton isPending={preview.isPending} pendingLabel={t('calendar.computing')}>
          {t('calendar.compute')}
        </SubmitButton>
      </form>
      <div aria-live="polite" className="calendar-preview__result">
        {answer ? (
          <>
            <p className="calendar-preview__due">
              <strong>{t('calendar.dueDate', { date: formatDate(answer.dueDate, language) })}</strong>
            </p>
            <p>{t('calendar.dueAt', { at: formatDateTime(answer.dueAt, language) })}</p>
            <p>{t('calendar.countsFrom', { date: formatDate(answer.countsFrom, language) })}</p>
            {answer.receiptMoved === 'after_cut_off' ? <p>{t('calendar.movedAfterCutOff')}</p> : null}
            {answer.receiptMoved === 'day_off' ? <p>{t('calendar.movedDayOff')}</p> : null}
            {answer.explanation.yearsWithoutData.length > 0 ? (
              <p className="alert alert--warning">
                {t('calendar.yearsWithoutData', { years: answer.explanation.yearsWithoutData.join(', ') })}
              </p>
            ) : null}
            <h3>{t('calendar.skipped')}</h3>
            {answer.explanation.skipped.length === 0 ? (
              <p>{t('calendar.noSkipped')}</p>
            ) : (
              <ul className="calendar-preview__skipped">
                {answer.explanation.skipped.map((skipped) => (
                  <li key={skipped.day}>
                    <strong>{formatDate(skipped.day, language)}</strong>:{' '}
                    {t(`calendar.kind.${skipped.reason}`)}
                    {' — '}
                    {language === 'vi' ? skipped.labelVi : skipped.labelEn}
                  </li>
                ))}
              </ul>
            )}
            {answer.explanation.makeUpDaysCounted.length > 0 ? (
              <>
                <h3>{t('calendar.makeUpCounted')}</h3>
                <ul>
                  {answer.explanation.makeUpDaysCounted.map((made) => (
                    <li key={made.day}>
                      <strong>{formatDate(made.day, language)}</strong>: {made.note}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params.get('year'));
  useDocumentTitle(t('calendar.title'));
  const calendar = useApi(CalendarYear, `/api/calendar/year/${String(year)}`);
  const showYear = (next: number) => {
    setParams(new URLSearchParams({ year: String(Math.min(MAX_YEAR, Math.max(MIN_YEAR, next))) }));
  };

  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <p>{t('calendar.lead')}</p>
      <form
        key={year}
        role="search"
        aria-label={t('calendar.yearPicker')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          showYear(yearFrom(formText(new FormData(event.currentTarget), 'year')));
        }}
      >
        <TextField
          name="year"
          type="number"
          inputMode="numeric"
          min={MIN_YEAR}
          max={MAX_YEAR}
          label={t('calendar.year')}
          defaultValue={year}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('calendar.show')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              showYear(year - 1);
            }}
          >
            {t('calendar.previousYear')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              showYear(year + 1);
            }}
          >
            {t('calendar.nextYear')}
          </button>
        </div>
      </form>
      <AsyncContent state={calendar}>
        {(data) => {
          const statuses = statusMap(data, language);
          return (
            <>
              <section aria-labelledby="calendar-year">
                <h2 id="calendar-year">{t('calendar.yearTitle', { year: data.year })}</h2>
                <p className="calendar-count">
                  {t('calendar.workingDayCount', { year: data.year, count: data.workingDayCount })}
                </p>
                {data.hasOfficialNotice ? null : (
                  <p className="alert alert--warning">{t('calendar.noNotice', { year: data.year })}</p>
                )}
                <CalendarLegend />
                <div className="calendar-year">
                  {MONTHS.map((month) => (
                    <MonthGrid
                      key={month}
                      year={data.year}
                      month={month}
                      statuses={statuses}
                      language={language}
                    />
                  ))}
                </div>
              </section>
              <DueDatePreview />
              {hasPermission(session, 'calendar.manage') ? (
                <CalendarAdmin data={data} onChanged={calendar.reload} />
              ) : null}
            </>
          );
        }}
      </AsyncContent>
    </>
  );
}
