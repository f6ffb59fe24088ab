import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, ProcedureVersion } from '@tinhso/contracts';
import { ProcedureList, formUrl } from '../../../api/back-office.ts';
import { fieldPath, type ApiError } from '../../../api/client.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import {
  asFormSchema,
  getAt,
  issuesOutside,
  setAt,
  type FormValue,
} from '../../../components/schema-form/index.ts';
import { SelectField, TextField } from '../../../components/form-fields.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { formText } from '../../../lib/form-data.ts';

type Procedure = ProcedureVersion;

/** Moves the focus to an element when it appears, so the desk goes on from the keyboard. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

/** The issues about the tờ khai that SchemaForm shows beside its fields, so the alert does not repeat them. */
export function formFieldsIn(error: ApiError | undefined, procedure: Procedure): string[] {
  if (!error) return [];
  const outside = new Set(issuesOutside(error.issues, asFormSchema(procedure.form)));
  return error.issues.filter((issue) => !outside.has(issue)).map((issue) => fieldPath(issue.field));
}

/** Where each applicant field goes in the tờ khai's người yêu cầu block of the demo procedures. */
const APPLICANT_TO_FORM: Record<string, string> = {
  'applicant.fullName': 'hoTen',
  'applicant.personalId': 'soDinhDanh',
  'applicant.phone': 'soDienThoai',
  'applicant.email': 'email',
  'applicant.address': 'noiCuTru',
};

/**
 * The applicant typed once: a field left is copied into the tờ khai's người yêu cầu when the form
 * has that field and it is still empty, so the desk does not type the same name twice.
 */
export function copiedToForm(
  procedure: Procedure,
  formData: FormValue,
  name: string | undefined,
  value: string | undefined,
): FormValue {
  const key = name === undefined ? undefined : APPLICANT_TO_FORM[name];
  const text = value?.trim() ?? '';
  if (!key || text === '') return formData;
  const person = asFormSchema(procedure.form).properties?.nguoiYeuCau;
  if (!person?.properties?.[key]) return formData;
  const current = getAt(formData, ['nguoiYeuCau', key]);
  if (current !== undefined && current !== '') return formData;
  return setAt(formData, ['nguoiYeuCau', key], text);
}

/** Step 1: find the procedure by name or code (diacritics optional) and pick it. */
export function ProcedurePicker({ onPick }: { onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<string | null>(null);
  const found = useApi(ProcedureList, query === null ? null : '/api/procedures', {
    q: query ?? '',
    limit: 10,
  });
  return (
    <>
      <form
        role="search"
        aria-label={t('dossiers.counter.procedureSearch')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(formText(new FormData(event.currentTarget), 'procedureQuery'));
        }}
      >
        <TextField name="procedureQuery" type="search" label={t('dossiers.counter.procedureSearch')} />
        <button type="submit" className="button button--primary">
          {t('dossiers.counter.procedureFind')}
        </button>
      </form>
      {query === null ? null : (
        <AsyncContent
          state={found}
          isEmpty={(data) => data.items.length === 0}
          empty={t('dossiers.counter.procedureNone')}
        >
          {(data) => (
            <ul className="bo-procedure-results" aria-label={t('dossiers.counter.procedureResults')}>
              {data.items.map((procedure) => (
                <li key={procedure.code}>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      onPick(procedure.code);
                    }}
                  >
                    <span className="visually-hidden">{t('dossiers.counter.procedurePick')}: </span>
                    {procedure.code} {procedure.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </AsyncContent>
      )}
    </>
  );
}

export function IntakeResult({ dossier, onAnother }: { dossier: Dossier; onAnother: () => void }) {
  const { t } = useTranslation();
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div className="alert alert--success" role="status" tabIndex={-1} ref={ref}>
      <h3>{t('dossiers.counter.success')}</h3>
      <p>
        {t('dossiers.counter.successCode')}:{' '}
        <span className="bo-intake-result__code code">{dossier.code}</span>
      </p>
      <ul>
        {dossier.forms
          .filter((form) => ['01', '02', '03'].includes(form))
          .map((form) => (
            <li key={form}>
              <a href={formUrl(dossier.id, form)} target="_blank" rel="noopener">
                {t('dossiers.counter.printForm', { form: t(`dossiers.detail.formName.${form}`) })}{' '}
                <span className="visually-hidden">{t('dossiers.detail.newTab')}</span>
              </a>
            </li>
          ))}
        <li>
          <a href={`/workspace/dossiers/${dossier.id}`}>{t('dossiers.counter.openDossier')}</a>
        </li>
      </ul>
      <button type="button" className="button button--primary" onClick={onAnother}>
        {t('dossiers.counter.another')}
      </button>
    </div>
  );
}

export function FeeFields({ procedure, error }: { procedure: Procedure; error: ApiError | undefined }) {
  const { t } = useTranslation();
  const { fees } = procedure;
  return (
    <>
      {fees.byCase.length > 0 ? (
        <SelectField name="feeCase" label={t('dossiers.counter.feeCase')} error={error}>
          {fees.byCase.map((fee, index) => (
            <option key={fee.label} value={index}>
              {t('dossiers.counter.feeCaseOption', {
                label: fee.label,
                amount: fee.amount.toLocaleString('vi-VN'),
              })}
            </option>
          ))}
        </SelectField>
      ) : fees.fixed !== null ? (
        <p>{t('dossiers.counter.feeFixed', { amount: fees.fixed.toLocaleString('vi-VN') })}</p>
      ) : null}
      {fees.exemptions.length > 0 ? (
        <SelectField
          name="exemption"
          label={t('dossiers.counter.exemption')}
          isOptional
          error={error}
          defaultValue=""
        >
          <option value="">{t('dossiers.counter.noExemption')}</option>
          {fees.exemptions.map((exemption, index) => (
            <option key={exemption} value={index}>
              {exemption}
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  );
}
