import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, ProcedureVersion } from '@tinhso/contracts';
import type { ApiError } from '../../api/client.ts';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import { SchemaForm, asFormSchema } from '../../components/schema-form/index.ts';
import { FileUploader, formatSize } from './file-uploader.tsx';
import { amountDue, type FilingState } from './filing-state.ts';
import { formatVnd } from './portal-format.ts';

export interface StepProps {
  procedure: ProcedureVersion;
  state: FilingState;
  onChange: (next: FilingState) => void;
  error: ApiError | undefined;
}

/** Step 1: where to file (and who decides, when the citizen must say), and who files. */
export function PlaceStep({
  procedure,
  state,
  onChange,
  error,
  agencies,
  needsCompetent,
}: StepProps & { agencies: readonly Agency[]; needsCompetent: boolean }) {
  const { t } = useTranslation();
  const receiving = agencies
    .filter((agency) => procedure.receivingAgencyKinds.includes(agency.kind) && agency.effectiveTo === null)
    .sort((a, b) =>
      a.kind === b.kind ? a.name.localeCompare(b.name, 'vi') : a.kind === 'trung_tam_phvhcc' ? -1 : 1,
    );
  const competent = agencies
    .filter((agency) => agency.kind === procedure.competentAgencyKind && agency.effectiveTo === null)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const applicant = (key: keyof FilingState['applicant'], value: string) => {
    onChange({ ...state, applicant: { ...state.applicant, [key]: value } });
  };
  return (
    <>
      <SelectField
        name="receivingAgencyId"
        label={t('portal.file.receivingAgency')}
        hint={t('portal.file.receivingAgencyHint')}
        error={error}
        value={state.receivingAgencyId}
        onChange={(event) => {
          onChange({ ...state, receivingAgencyId: event.target.value });
        }}
      >
        <option value="">{t('portal.schemaForm.choose')}</option>
        {receiving.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </SelectField>
      {needsCompetent ? (
        <SelectField
          name="competentAgencyId"
          label={t('portal.file.competentAgency')}
          hint={t('portal.file.competentAgencyHint')}
          error={error}
          value={state.competentAgencyId}
          onChange={(event) => {
            onChange({ ...state, competentAgencyId: event.target.value });
          }}
        >
          <option value="">{t('portal.schemaForm.choose')}</option>
          {competent.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <fieldset className="portal-choices">
        <legend>{t('portal.file.applicant')}</legend>
        <p className="field__hint">{t('portal.file.applicantHint')}</p>
        <TextField
          name="applicant.fullName"
          label={t('portal.file.fullName')}
          error={error}
          autoComplete="name"
          value={state.applicant.fullName}
          onChange={(event) => {
            applicant('fullName', event.target.value);
          }}
        />
        <TextField
          name="applicant.personalId"
          label={t('portal.file.personalId')}
          hint={t('portal.file.personalIdHint')}
          isOptional
          error={error}
          inputMode="numeric"
          maxLength={12}
          value={state.applicant.personalId}
          onChange={(event) => {
            applicant('personalId', event.target.value);
          }}
        />
        <TextField
          name="applicant.address"
          label={t('portal.file.address')}
          error={error}
          autoComplete="street-address"
          value={state.applicant.address}
          onChange={(event) => {
            applicant('address', event.target.value);
          }}
        />
        <TextField
          name="applicant.phone"
          label={t('portal.file.phone')}
          hint={t('portal.file.phoneHint')}
          isOptional
          error={error}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={state.applicant.phone}
          onChange={(event) => {
            applicant('phone', event.target.value);
          }}
        />
        <TextField
          name="applicant.email"
          label={t('portal.file.email')}
          isOptional
          error={error}
          type="email"
          autoComplete="email"
          value={state.applicant.email}
          onChange={(event) => {
            applicant('email', event.target.value);
          }}
        />
      </fieldset>
    </>
  );
}

/** Step 2: the procedure's own form (tờ khai). */
export function FormStep({ procedure, state, onChange, error }: StepProps) {
  return (
    <SchemaForm
      schema={asFormSchema(procedure.form)}
      value={state.formData}
      onChange={(formData) => {
        onChange({ ...state, formData });
      }}
      issues={error?.issues ?? []}
      idPrefix="tokhai"
    />
  );
}

/** Step 3: a file or more for each component; required ones marked, each file removable. */
export function ComponentsStep({
  procedure,
  state,
  onChange,
  csrfToken,
  missing,
}: StepProps & { csrfToken: string; missing: readonly number[] }) {
  const { t } = useTranslation();
  const [replacing, setReplacing] = useState<string | null>(null);
  return (
    <ol className="procedure-list">
      {procedure.components.map((component, index) => {
        const files = state.files.filter((file) => file.componentIndex === index);
        const isMissing = missing.includes(index);
        const headingId = `component-${String(index)}`;
        return (
          <li key={`${component.name}-${String(index)}`} aria-labelledby={headingId}>
            <h3 id={headingId}>
              {index + 1}. {component.name}
              {component.required ? (
                <span className="field__required" aria-hidden="true">
                  {' '}
                  *
                </span>
              ) : null}
            </h3>
            <ul className="meta">
              <li>{t(`portal.componentKind.${component.kind}`)}</li>
              <li>{t('portal.procedure.copies', { count: component.count })}</li>
              <li>{component.required ? t('portal.procedure.required') : t('portal.procedure.optional')}</li>
            </ul>
            {component.note ? <p className="field__hint">{component.note}</p> : null}
            {isMissing ? (
              <p className="field__error" role="alert">
                {t('portal.file.componentMissing')}
              </p>
            ) : null}
            {component.kind === 'shown' ? (
              <p>{t('portal.file.shownOnly')}</p>
            ) : (
              <>
                {files.length > 0 ? (
                  <ul className="file-list" aria-label={t('portal.file.filesOf', { name: component.name })}>
                    {files.map((file) => (
                      <li key={file.fileId}>
                        <span>
                          {file.name} ({formatSize(file.size)})
                        </span>
                        <button
                          type="button"
                          className="button button--small"
                          aria-expanded={replacing === file.fileId}
                          onClick={() => {
                            setReplacing(replacing === file.fileId ? null : file.fileId);
                          }}
                        >
                          {t('portal.file.replace')}
                          <span className="visually-hidden"> {file.name}</span>
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => {
                            onChange({
                              ...state,
                              files: state.files.filter((f) => f.fileId !== file.fileId),
                            });
                          }}
                        >
                          {t('portal.file.remove')}
                          <span className="visually-hidden"> {file.name}</span>
                        </button>
                        {replacing === file.fileId ? (
                          <FileUploader
                            label={t('portal.file.replaceWith', { name: file.name })}
                            csrfToken={csrfToken}
                            onUploaded={(uploaded) => {
                              setReplacing(null);
                              onChange({
                                ...state,
                                files: state.files.map((f) =>
                                  f.fileId === file.fileId
                                    ? {
                                        componentIndex: index,
                                        fileId: uploaded.id,
                                        name: uploaded.name,
                                        size: uploaded.size,
                                      }
                                    : f,
                                ),
                              });
                            }}
                          />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <FileUploader
                  label={
                    files.length > 0
                      ? t('portal.file.addFile', { name: component.name })
                      : t('portal.file.chooseFile', { name: component.name })
                  }
                  isRequired={component.required && files.length === 0}
                  csrfToken={csrfToken}
                  onUploaded={(uploaded) => {
                    onChange({
                      ...state,
                      files: [
                        ...state.files,
                        {
                          componentIndex: index,
                          fileId: uploaded.id,
                          name: uploaded.name,
                          size: uploaded.size,
                        },
                      ],
                    });
                  }}
                />
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Step 4: the fee case or exemption (with the amount), and how the result comes back. */
export function FeesStep({ procedure, state, onChange, error }: StepProps) {
  const { t } = useTranslation();
  const { fees } = procedure;
  const due = amountDue(procedure, state);
  return (
    <>
      {fees.byCase.length > 0 ? (
        <fieldset className="portal-choices">
          <legend>{t('portal.file.feeCase')}</legend>
          {fees.byCase.map((fee, index) => (
            <label key={fee.label} className="portal-choice">
              <input
                type="radio"
                name="feeCase"
                checked={state.feeCase === index}
                onChange={() => {
                  onChange({ ...state, feeCase: index });
                }}
              />
              <span>
                {fee.label}: <strong>{formatVnd(fee.amount)}</strong>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {fees.exemptions.length > 0 ? (
        <fieldset className="portal-choices">
          <legend>{t('portal.file.exemption')}</legend>
          <label className="portal-choice">
            <input
              type="radio"
              name="exemption"
              checked={state.exemption === null}
              onChange={() => {
                onChange({ ...state, exemption: null });
              }}
            />
            <span>{t('portal.file.noExemption')}</span>
          </label>
          {fees.exemptions.map((exemption, index) => (
            <label key={exemption} className="portal-choice">
              <input
                type="radio"
                name="exemption"
                checked={state.exemption === index}
                onChange={() => {
                  onChange({ ...state, exemption: index });
                }}
              />
              <span>{exemption}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="due" role="status">
        {t('portal.file.amountDue', { amount: formatVnd(due) })}
      </p>
      <fieldset className="portal-choices">
        <legend>{t('portal.file.delivery')}</legend>
        {(['online', 'counter', 'post'] as const).map((method) => (
          <label key={method} className="portal-choice">
            <input
              type="radio"
              name="deliveryMethod"
              checked={state.deliveryMethod === method}
              onChange={() => {
                onChange({
                  ...state,
                  deliveryMethod: method,
                  deliveryAddress: state.deliveryAddress || state.applicant.address,
                });
              }}
            />
            <span>{t(`portal.delivery.${method}`)}</span>
          </label>
        ))}
      </fieldset>
      {state.deliveryMethod === 'post' ? (
        <TextField
          name="deliveryAddress"
          label={t('portal.file.deliveryAddress')}
          error={error}
          autoComplete="street-address"
          value={state.deliveryAddress}
          onChange={(event) => {
            onChange({ ...state, deliveryAddress: event.target.value });
          }}
        />
      ) : null}
    </>
  );
}
