import { useTranslation } from 'react-i18next';
import type { Position } from '@tinhso/contracts';
import { createPosition } from '../../api/org.ts';
import { PositionItems } from '../../api/schemas.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useApi } from '../../hooks/use-api.ts';
import { usePositionTypes } from '../../hooks/use-options.ts';
import { formText, optionalText } from '../../lib/form-data.ts';
import type { OrgUnitsState } from './agency-units.tsx';

export function usePositions(agencyId: string | null) {
  return useApi(PositionItems, agencyId ? '/api/org/positions' : null, { agencyId: agencyId ?? undefined });
}

export function AgencyPositions({
  agencyId,
  units,
  canManage,
}: {
  agencyId: string;
  units: OrgUnitsState;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const positions = usePositions(agencyId);
  const types = usePositionTypes();
  const create = useAction(createPosition);
  const typeName = (code: string) => types.data?.items.find((type) => type.code === code)?.name ?? code;
  const unitName = (id: string | null) =>
    units.data?.items.find((unit) => unit.id === id)?.name ?? t('agency.wholeAgency');
  const columns: Column<Position>[] = [
    { key: 'title', header: t('agency.positionTitle'), cell: (position) => position.title },
    { key: 'type', header: t('agency.positionType'), cell: (position) => typeName(position.positionType) },
    { key: 'unit', header: t('agency.positionUnit'), cell: (position) => unitName(position.orgUnitId) },
  ];
  return (
    <section className="panel" aria-labelledby="agency-positions">
      <h2 id="agency-positions">{t('agency.positions')}</h2>
      <AsyncContent
        state={positions}
        isEmpty={(data) => data.items.length === 0}
        empty={t('agency.noPositions')}
      >
        {(data) => (
          <DataTable
            caption={t('agency.positions')}
            columns={columns}
            rows={data.items}
            rowKey={(p) => p.id}
          />
        )}
      </AsyncContent>
      {canManage ? (
        <form
          noValidate
          className="form form--inline"
          aria-labelledby="agency-add-position"
          onSubmit={(event) => {
            event.preventDefault();
            const formElement = event.currentTarget;
            const form = new FormData(formElement);
            const body = {
              agencyId,
              orgUnitId: optionalText(form, 'orgUnitId'),
              positionType: formText(form, 'positionType'),
              title: formText(form, 'title'),
            };
            void create.run(body).then((outcome) => {
              if (!outcome.ok) return;
              formElement.reset();
              positions.reload();
            });
          }}
        >
          <h3 id="agency-add-position">{t('agency.addPosition')}</h3>
          <FormAlert error={create.error} fields={['orgUnitId', 'positionType', 'title']} />
          {create.result ? (
            <SuccessMessage>{t('agency.positionAdded', { title: create.result.title })}</SuccessMessage>
          ) : null}
          <TextField name="title" label={t('agency.positionTitle')} error={create.error} />
          <SelectField
            name="positionType"
            label={t('agency.positionType')}
            error={create.error}
            defaultValue=""
          >
            <option value="" disabled>
              {t('agency.chooseType')}
            </option>
            {(types.data?.items ?? []).map((type) => (
              <option key={type.code} value={type.code}>
                {type.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="orgUnitId"
            label={t('agency.positionUnit')}
            isOptional
            error={create.error}
            defaultValue=""
          >
            <option value="">{t('agency.wholeAgency')}</option>
            {(units.data?.items ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </SelectField>
          <SubmitButton isPending={create.isPending} pendingLabel={t('actions.saving')}>
            {t('agency.addPosition')}
          </SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
