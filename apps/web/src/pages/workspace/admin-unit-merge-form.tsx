import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUnit, MergeAdminUnits } from '@tinhso/contracts';
import { ApiError, issueFor } from '../../api/client.ts';
import { mergeAdminUnits } from '../../api/org.ts';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { formText } from '../../lib/form-data.ts';

const FIELDS = ['sourceIds', 'successor.code', 'successor.name', 'effectiveDate'];

/** Records that two or more units became one from a date (Resolution 202/2025/QH15 and the like). */
export function AdminUnitMergeForm({
  units,
  asOf,
  onMerged,
}: {
  units: readonly AdminUnit[];
  asOf: string;
  onMerged: () => void;
}) {
  const { t } = useTranslation();
  const merge = useAction(mergeAdminUnits);
  const [localError, setLocalError] = useState<ApiError>();
  const errorId = useId();
  const error = localError ?? merge.error;
  const sourcesIssue = issueFor(error, 'sourceIds');

  return (
    <section className="panel" aria-labelledby="merge-title">
      <h2 id="merge-title">{t('adminUnits.mergeTitle')}</h2>
      <p>{t('adminUnits.mergeLead')}</p>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          const sourceIds = form.getAll('sourceIds').filter((value) => typeof value === 'string');
          if (sourceIds.length < 2) {
            const message = t('adminUnits.chooseTwo');
            setLocalError(
              new ApiError({
                status: 0,
                code: 'validation',
                message,
                issues: [{ field: 'sourceIds', message }],
              }),
            );
            return;
          }
          setLocalError(undefined);
          const body: MergeAdminUnits = {
            sourceIds,
            successor: { code: formText(form, 'successor.code'), name: formText(form, 'successor.name') },
            effectiveDate: formText(form, 'effectiveDate'),
          };
          void merge.run(body).then((outcome) => {
            if (!outcome.ok) return;
            formElement.reset();
            onMerged();
          });
        }}
      >
        <FormAlert error={error} fields={FIELDS} />
        {merge.result ? (
          <SuccessMessage>
            {t('adminUnits.merged', {
              name: merge.result.successor.name,
              count: merge.result.successor.predecessorIds.length,
              moved: merge.result.movedAgencyIds.length,
            })}
          </SuccessMessage>
        ) : null}
        <fieldset
          className={sourcesIssue ? 'checkboxes field--invalid' : 'checkboxes'}
          aria-describedby={sourcesIssue ? errorId : undefined}
        >
          <legend>{t('adminUnits.sources')}</legend>
          {sourcesIssue ? (
            <p className="field__error" id={errorId}>
              {sourcesIssue}
            </p>
          ) : null}
          <ul>
            {units.map((unit) => (
              <li key={unit.id}>
                <label>
                  <input type="checkbox" name="sourceIds" value={unit.id} /> {unit.name}{' '}
                  <span className="code">({unit.code})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <TextField
          name="successor.code"
          label={t('adminUnits.successorCode')}
          error={error}
          autoComplete="off"
        />
        <TextField
          name="successor.name"
          label={t('adminUnits.successorName')}
          error={error}
          autoComplete="off"
        />
        <TextField
          name="effectiveDate"
          type="date"
          label={t('adminUnits.effectiveDate')}
          error={error}
          defaultValue={asOf}
        />
        <SubmitButton isPending={merge.isPending} pendingLabel={t('actions.saving')}>
          {t('adminUnits.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
