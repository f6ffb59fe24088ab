import { useTranslation } from 'react-i18next';
import { AssigneeList, assigneesPath } from '../../../api/back-office.ts';
import type { ApiError } from '../../../api/client.ts';
import { SelectField } from '../../../components/form-fields.tsx';
import { useApi } from '../../../hooks/use-api.ts';

/**
 * Who handles the next step: an official of the agency that works it holding the step's role (the
 * server's list, those of the step's unit first), or nobody in particular (the unit assigns it).
 */
export function AssigneeSelect({ dossierId, error }: { dossierId: string; error: ApiError | undefined }) {
  const { t } = useTranslation();
  const candidates = useApi(AssigneeList, assigneesPath(dossierId));
  const step = candidates.data?.step;
  const hint = step
    ? t('dossiers.action.assigneeHint', {
        step: step.name,
        agency: candidates.data?.agency?.name ?? '',
      })
    : candidates.error
      ? candidates.error.message
      : t('states.loading');
  return (
    <SelectField
      name="assigneeId"
      label={t('dossiers.action.assignee')}
      hint={hint}
      isOptional
      error={error}
      defaultValue=""
    >
      <option value="">{t('dossiers.action.assigneeUnit')}</option>
      {(candidates.data?.items ?? []).map((official) => (
        <option key={official.id} value={official.id}>
          {official.unit
            ? t('dossiers.action.assigneeOption', {
                name: official.name,
                title: official.title,
                unit: official.unit,
              })
            : t('dossiers.action.assigneeOptionNoUnit', { name: official.name, title: official.title })}
        </option>
      ))}
    </SelectField>
  );
}
