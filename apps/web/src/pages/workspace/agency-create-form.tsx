import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGENCY_KINDS, AGENCY_LEVELS, type AgencyKind, type CreateAgency } from '@tinhso/contracts';
import { createAgency } from '../../api/org.ts';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useAdminUnitOptions, useAgencyOptions } from '../../hooks/use-options.ts';
import { formText, optionalText } from '../../lib/form-data.ts';

const FIELDS = ['code', 'name', 'shortName', 'kind', 'level', 'parentId', 'adminUnitId', 'effectiveFrom'];
type Level = (typeof AGENCY_LEVELS)[number];

function levelOf(kind: AgencyKind): Level {
  return kind === 'ubnd_xa' ? 'commune' : 'province';
}

export function AgencyCreateForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const create = useAction(createAgency);
  const parents = useAgencyOptions();
  const adminUnits = useAdminUnitOptions();
  const [kind, setKind] = useState<AgencyKind>('so');
  const [level, setLevel] = useState<Level>('province');

  return (
    <section className="panel" aria-labelledby="agency-create">
      <h2 id="agency-create">{t('agencies.createTitle')}</h2>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          const body: CreateAgency = {
            code: formText(form, 'code'),
            name: formText(form, 'name'),
            shortName: optionalText(form, 'shortName'),
            kind,
            level,
            parentId: optionalText(form, 'parentId'),
            adminUnitId: optionalText(form, 'adminUnitId'),
            effectiveFrom: optionalText(form, 'effectiveFrom'),
          };
          void create.run(body).then((outcome) => {
            if (!outcome.ok) return;
            formElement.reset();
            onCreated();
            parents.reload();
          });
        }}
      >
        <FormAlert error={create.error} fields={FIELDS} />
        {create.result ? (
          <SuccessMessage>
            <Link to={`/workspace/agencies/${create.result.id}`}>
              {t('agencies.created', { name: create.result.name })}
            </Link>
          </SuccessMessage>
        ) : null}
        <TextField
          name="code"
          label={t('agencies.code')}
          hint={t('agencies.codeHint')}
          error={create.error}
          autoComplete="off"
          maxLength={13}
        />
        <TextField name="name" label={t('agencies.name')} error={create.error} autoComplete="off" />
        <TextField
          name="shortName"
          label={t('agencies.shortName')}
          isOptional
          error={create.error}
          maxLength={60}
        />
        <SelectField
          name="kind"
          label={t('agencies.kind')}
          error={create.error}
          value={kind}
          onChange={(event) => {
            const value = AGENCY_KINDS.find((candidate) => candidate === event.target.value) ?? 'khac';
            setKind(value);
            setLevel(levelOf(value));
          }}
        >
          {AGENCY_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`agencyKind.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="level"
          label={t('agencies.level')}
          error={create.error}
          value={level}
          onChange={(event) => {
            setLevel(event.target.value === 'commune' ? 'commune' : 'province');
          }}
        >
          {AGENCY_LEVELS.map((value) => (
            <option key={value} value={value}>
              {t(`agencyLevel.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="parentId"
          label={t('agencies.parent')}
          isOptional
          error={create.error}
          defaultValue=""
        >
          <option value="">{t('agencies.none')}</option>
          {(parents.data?.items ?? []).map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="adminUnitId"
          label={t('agencies.adminUnit')}
          isOptional
          error={create.error}
          defaultValue=""
        >
          <option value="">{t('agencies.none')}</option>
          {(adminUnits.data?.items ?? []).map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="effectiveFrom"
          type="date"
          label={t('agencies.effectiveFrom')}
          isOptional
          error={create.error}
        />
        <SubmitButton isPending={create.isPending} pendingLabel={t('actions.saving')}>
          {t('agencies.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
