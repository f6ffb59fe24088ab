import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, DueDateAnswer, ProcedureVersion } from '@tinhso/contracts';
import { previewDueDate } from '../../api/calendar.ts';
import {
  asFormSchema,
  getAt,
  orderedProperties,
  type FormSchema,
} from '../../components/schema-form/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { amountDue, type FilingState } from './filing-state.ts';
import { formatVnd } from './portal-format.ts';

/** The filled-in form as label and value pairs, nested groups named before their fields. */
function formLines(
  schema: FormSchema,
  value: unknown,
  path: string[] = [],
  prefix = '',
): { label: string; value: string }[] {
  return orderedProperties(schema).flatMap(([key, child]) => {
    const at = [...path, key];
    const label = prefix ? `${prefix} – ${child.title ?? key}` : (child.title ?? key);
    if (child.properties) return formLines(child, value, at, child.title ?? key);
    const found = getAt(value, at);
    if (found === undefined || found === '') return [];
    if (typeof found === 'boolean') return [{ label, value: found ? '✓' : '✗' }];
    if (typeof found === 'string' || typeof found === 'number') return [{ label, value: String(found) }];
    return [{ label, value: JSON.stringify(found) }];
  });
}

/** Step 5: everything at a glance, and the appointment the calendar gives if received today. */
export function ReviewStep({
  procedure,
  state,
  agencies,
}: {
  procedure: ProcedureVersion;
  state: FilingState;
  agencies: readonly Agency[];
}) {
  const { t } = useTranslation();
  const nameOf = (id: string) => agencies.find((agency) => agency.id === id)?.name ?? '—';
  const lines = formLines(asFormSchema(procedure.form), state.formData);
  return (
    <>
      <DuePreview procedure={procedure} />
      <dl className="details">
        <div className="details__row">
          <dt>{t('portal.file.receivingAgency')}</dt>
          <dd>{nameOf(state.receivingAgencyId)}</dd>
        </div>
        {state.competentAgencyId ? (
          <div className="details__row">
            <dt>{t('portal.file.competentAgency')}</dt>
            <dd>{nameOf(state.competentAgencyId)}</dd>
          </div>
        ) : null}
        <div className="details__row">
          <dt>{t('portal.file.applicant')}</dt>
          <dd>
            {state.applicant.fullName}
            {state.applicant.personalId ? ` · ${state.applicant.personalId}` : ''}
            <br />
            {state.applicant.address}
          </dd>
        </div>
        {lines.map((line) => (
          <div className="details__row" key={line.label}>
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
        <div className="details__row">
          <dt>{t('portal.file.components')}</dt>
          <dd>
            <ul>
              {procedure.components.map((component, index) => {
                const files = state.files.filter((file) => file.componentIndex === index);
                return (
                  <li key={`${component.name}-${String(index)}`}>
                    {component.name}:{' '}
                    {files.length > 0 ? files.map((file) => file.name).join(', ') : t('portal.file.noFile')}
                  </li>
                );
              })}
            </ul>
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('portal.procedure.fee')}</dt>
          <dd>{formatVnd(amountDue(procedure, state))}</dd>
        </div>
        <div className="details__row">
          <dt>{t('portal.file.delivery')}</dt>
          <dd>
            {t(`portal.delivery.${state.deliveryMethod}`)}
            {state.deliveryMethod === 'post' ? ` – ${state.deliveryAddress}` : ''}
          </dd>
        </div>
      </dl>
    </>
  );
}

function DuePreview({ procedure }: { procedure: ProcedureVersion }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<DueDateAnswer | null>(null);
  const [hasFailed, setFailed] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    previewDueDate({
      receivedAt: new Date().toISOString(),
      amount: procedure.deadline.value,
      unit: procedure.deadline.unit,
      cutOff: procedure.cutOffTime,
    }).then(
      (result) => {
        if (isCurrent) setAnswer(result);
      },
      () => {
        if (isCurrent) setFailed(true);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [procedure]);
  if (hasFailed) return <p className="field__hint">{t('portal.file.dueUnknown')}</p>;
  if (!answer) return null;
  return (
    <div className="due">
      <p>{t('portal.file.duePreview', { date: formatDate(answer.dueDate, currentLanguage()) })}</p>
      {answer.receiptMoved ? <p>{t(`portal.file.receiptMoved.${answer.receiptMoved}`)}</p> : null}
      <p className="field__hint">{t('portal.file.dueNote')}</p>
    </div>
  );
}
