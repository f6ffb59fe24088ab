import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, AGENCY_LEVELS, DEADLINE_UNITS, type ProcedureVersion } from '@tinhso/contracts';
import { addProcedureVersion, createProcedure } from '../../../api/procedures-admin.ts';
import { FormAlert } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useSignedInSession } from '../../../session/session-context.tsx';
import { useCommandKey } from './command-key.ts';
import { draftFrom, emptyDraft, toBody, type ProcedureDraft } from './draft.ts';
import { FormSchemaEditor } from './form-schema-editor.tsx';
import { ComponentsEditor, FeesEditor, StepsEditor, TextArea, type PartProps } from './form-lists.tsx';

/** Checkboxes of a few values, in a group with its legend. */
function Checkboxes<T extends string>({
  legend,
  values,
  checked,
  label,
  onChange,
}: {
  legend: string;
  values: readonly T[];
  checked: readonly T[];
  label: (value: T) => string;
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset className="checkboxes">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value} className="catalogue-check">
          <input
            type="checkbox"
            checked={checked.includes(value)}
            onChange={(event) => {
              onChange(
                event.target.checked
                  ? values.filter((v) => v === value || checked.includes(v))
                  : checked.filter((v) => v !== value),
              );
            }}
          />{' '}
          {label(value)}
        </label>
      ))}
    </fieldset>
  );
}

/** The plain text fields of the draft. */
type TextKey =
  'code' | 'name' | 'sectorCode' | 'sectorName' | 'competentAgencyCode' | 'resultTemplate' | 'cutOffTime';

/** Name, sector, levels and agencies: what identifies the procedure and who handles it. */
function GeneralPart({ draft, change, error, isNew }: PartProps & { isNew: boolean }) {
  const { t } = useTranslation();
  const text = (name: TextKey, label: string, isOptional = false, hint?: string) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      isOptional={isOptional}
      value={draft[name]}
      onChange={(event) => {
        change({ [name]: event.target.value });
      }}
      error={error}
    />
  );
  return (
    <fieldset className="catalogue-part">
      <legend>{t('figures.catalogue.general')}</legend>
      {isNew ? text('code', t('figures.catalogue.code'), false, t('figures.catalogue.codeHint')) : null}
      <TextField
        name="effectiveFrom"
        type="date"
        label={t('figures.catalogue.effectiveFrom')}
        hint={t('figures.catalogue.effectiveFromHint')}
        value={draft.effectiveFrom}
        onChange={(event) => {
          change({ effectiveFrom: event.target.value });
        }}
        error={error}
      />
      {text('name', t('figures.catalogue.name'))}
      {text('sectorCode', t('figures.catalogue.sectorCode'))}
      {text('sectorName', t('figures.catalogue.sectorName'))}
      <Checkboxes
        legend={t('figures.catalogue.levels')}
        values={AGENCY_LEVELS}
        checked={draft.levels}
        label={(level) => t(`figures.catalogue.levelNames.${level}`)}
        onChange={(levels) => {
          change({ levels });
        }}
      />
      <SelectField
        name="competentAgencyKind"
        label={t('figures.catalogue.competentAgencyKind')}
        value={draft.competentAgencyKind}
        onChange={(event) => {
          change({ competentAgencyKind: AGENCY_KINDS.find((k) => k === event.target.value) ?? 'so' });
        }}
        error={error}
      >
        {AGENCY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`figures.catalogue.agencyKinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      {text('competentAgencyCode', t('figures.catalogue.competentAgencyCode'), true)}
      <Checkboxes
        legend={t('figures.catalogue.receivingAgencyKinds')}
        values={AGENCY_KINDS}
        checked={draft.receivingAgencyKinds}
        label={(kind) => t(`figures.catalogue.agencyKinds.${kind}`)}
        onChange={(receivingAgencyKinds) => {
          change({ receivingAgencyKinds });
        }}
      />
      {text('resultTemplate', t('figures.catalogue.resultTemplate'))}
      {text('cutOffTime', t('figures.catalogue.cutOffTime'), true, t('figures.catalogue.cutOffTimeHint'))}
      <TextArea
        name="legalBasis"
        label={t('figures.catalogue.legalBasis')}
        hint={t('figures.catalogue.onePerLine')}
        value={draft.legalBasis}
        onChange={(legalBasis) => {
          change({ legalBasis });
        }}
        error={error}
      />
      <TextArea
        name="note"
        label={t('figures.catalogue.note')}
        value={draft.note}
        onChange={(note) => {
          change({ note });
        }}
        error={error}
      />
    </fieldset>
  );
}

/** Thời hạn giải quyết and mức độ trực tuyến (một phần needs its reason). */
function DeadlinePart({ draft, change, error }: PartProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="catalogue-part">
      <legend>{t('figures.catalogue.deadlineAndOnline')}</legend>
      <TextField
        name="deadline.value"
        type="number"
        inputMode="decimal"
        min={0.5}
        step={0.5}
        label={t('figures.catalogue.deadlineValue')}
        value={draft.deadlineValue}
        onChange={(event) => {
          change({ deadlineValue: event.target.value });
        }}
        error={error}
      />
      <SelectField
        name="deadline.unit"
        label={t('figures.catalogue.deadlineUnit')}
        value={draft.deadlineUnit}
        onChange={(event) => {
          change({ deadlineUnit: DEADLINE_UNITS.find((u) => u === event.target.value) ?? 'working_day' });
        }}
        error={error}
      >
        {DEADLINE_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {t(`figures.catalogue.deadlineUnits.${unit}`)}
          </option>
        ))}
      </SelectField>
      <fieldset className="checkboxes">
        <legend>{t('figures.catalogue.onlineLevel')}</legend>
        {(['toan_trinh', 'mot_phan'] as const).map((level) => (
          <label key={level} className="catalogue-check">
            <input
              type="radio"
              name="onlineLevel"
              value={level}
              checked={draft.onlineLevel === level}
              onChange={() => {
                change({ onlineLevel: level });
              }}
            />{' '}
            {t(`figures.catalogue.onlineLevels.${level}`)}
          </label>
        ))}
      </fieldset>
      {draft.onlineLevel === 'mot_phan' ? (
        <TextArea
          name="motPhanJustification"
          label={t('figures.catalogue.motPhanJustification')}
          hint={t('figures.catalogue.motPhanJustificationHint')}
          isOptional={false}
          value={draft.motPhanJustification}
          onChange={(motPhanJustification) => {
            change({ motPhanJustification });
          }}
          error={error}
        />
      ) : null}
    </fieldset>
  );
}

export type FormMode = { kind: 'create' } | { kind: 'version'; latest: ProcedureVersion };

/** Creates a procedure with its first version, or adds a version; either is saved as a draft. */
export function ProcedureForm({
  mode,
  onSaved,
  onCancel,
}: {
  mode: FormMode;
  onSaved: (version: ProcedureVersion) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProcedureDraft>(() =>
    mode.kind === 'create' ? emptyDraft() : draftFrom(mode.latest),
  );
  const change = (patch: Partial<ProcedureDraft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
  };
  const session = useSignedInSession();
  const command = useCommandKey();
  const save = useAction((body: Record<string, unknown>) =>
    mode.kind === 'create'
      ? createProcedure(session, body, command.key)
      : addProcedureVersion(session, mode.latest.code, body, command.key),
  );
  const parts = { draft, change, error: save.error };
  const title =
    mode.kind === 'create'
      ? t('figures.catalogue.createTitle')
      : t('figures.catalogue.versionTitle', { code: mode.latest.code });
  return (
    <section className="panel" aria-labelledby="catalogue-form-title">
      <h2 id="catalogue-form-title">{title}</h2>
      <form
        noValidate
        className="form catalogue-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save.run(toBody(draft, { withCode: mode.kind === 'create' })).then((outcome) => {
            if (!outcome.ok) return;
            command.renew();
            onSaved(outcome.value);
          });
        }}
      >
        <FormAlert error={save.error} />
        <GeneralPart {...parts} isNew={mode.kind === 'create'} />
        <ComponentsEditor {...parts} />
        <FeesEditor {...parts} />
        <DeadlinePart {...parts} />
        <StepsEditor {...parts} />
        <FormSchemaEditor {...parts} />
        <div className="actions">
          <SubmitButton isPending={save.isPending} pendingLabel={t('figures.catalogue.saving')}>
            {t('figures.catalogue.saveDraft')}
          </SubmitButton>
          <button type="button" className="button" onClick={onCancel}>
            {t('figures.catalogue.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
