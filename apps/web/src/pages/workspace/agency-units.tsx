import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@tinhso/contracts';
import { createOrgUnit } from '../../api/org.ts';
import { OrgUnitItems } from '../../api/schemas.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useApi } from '../../hooks/use-api.ts';
import { formText, optionalText } from '../../lib/form-data.ts';

export function useOrgUnits(agencyId: string) {
  return useApi(OrgUnitItems, `/api/org/agencies/${encodeURIComponent(agencyId)}/units`);
}

export type OrgUnitsState = ReturnType<typeof useOrgUnits>;

export function AgencyUnits({
  agencyId,
  units,
  canManage,
}: {
  agencyId: string;
  units: OrgUnitsState;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const create = useAction((name: string, parentId: string | undefined) =>
    createOrgUnit(agencyId, { name, parentId }),
  );
  const all = units.data?.items ?? [];
  const nameOf = (id: string | null) => all.find((unit) => unit.id === id)?.name ?? '';
  const columns: Column<OrgUnit>[] = [
    { key: 'name', header: t('agency.unitName'), cell: (unit) => unit.name },
    { key: 'parent', header: t('agency.unitParent'), cell: (unit) => nameOf(unit.parentId) },
  ];
  return (
    <section className="panel" aria-labelledby="agency-units">
      <h2 id="agency-units">{t('agency.units')}</h2>
      <AsyncContent state={units} isEmpty={(data) => data.items.length === 0} empty={t('agency.noUnits')}>
        {(data) => (
          <DataTable caption={t('agency.units')} columns={columns} rows={data.items} rowKey={(u) => u.id} />
        )}
      </AsyncContent>
      {canManage ? (
        <form
          noValidate
          className="form form--inline"
          aria-labelledby="agency-add-unit"
          onSubmit={(event) => {
            event.preventDefault();
            const formElement = event.currentTarget;
            const form = new FormData(formElement);
            void create.run(formText(form, 'name'), optionalText(form, 'parentId')).then((outcome) => {
              if (!outcome.ok) return;
              formElement.reset();
              units.reload();
            });
          }}
        >
          <h3 id="agency-add-unit">{t('agency.addUnit')}</h3>
          <FormAlert error={create.error} fields={['name', 'parentId']} />
          {create.result ? (
            <SuccessMessage>{t('agency.unitAdded', { name: create.result.name })}</SuccessMessage>
          ) : null}
          <TextField name="name" label={t('agency.unitName')} error={create.error} />
          <SelectField
            name="parentId"
            label={t('agency.unitParent')}
            isOptional
            error={create.error}
            defaultValue=""
          >
            <option value="">{t('agencies.none')}</option>
            {all.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </SelectField>
          <SubmitButton isPending={create.isPending} pendingLabel={t('actions.saving')}>
            {t('agency.addUnit')}
          </SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
