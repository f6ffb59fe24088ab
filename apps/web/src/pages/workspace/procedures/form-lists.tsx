import { useTranslation } from 'react-i18next';
import { BUDGET_UNITS, COMPONENT_KINDS, STEP_ROLES } from '@tinhso/contracts';
import { issueFor, type ApiError } from '../../../api/client.ts';
import { SelectField, TextField } from '../../../components/form-fields.tsx';
import { emptyComponent, emptyStep, type ProcedureDraft } from './draft.ts';

export interface PartProps {
  draft: ProcedureDraft;
  change: (patch: Partial<ProcedureDraft>) => void;
  error: ApiError | undefined;
}

/** A copy of a list with one item changed. */
function replaced<T>(items: readonly T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, at) => (at === index ? { ...item, ...patch } : item));
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--small" onClick={onClick}>
      {label}
    </button>
  );
}

/** Thành phần hồ sơ: name, kind, count, template, whether required, note; rows added and removed. */
export function ComponentsEditor({ draft, change, error }: PartProps) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<ProcedureDraft['components'][number]>) => {
    change({ components: replaced(draft.components, index, patch) });
  };
  return (
    <fieldset className="catalogue-part">
      <legend>{t('figures.catalogue.components')}</legend>
      {draft.components.map((component, index) => {
        const legend = t('figures.catalogue.componentN', { n: index + 1 });
        return (
          <fieldset key={index} className="catalogue-row">
            <legend>{legend}</legend>
            <TextField
              name={`components.${String(index)}.name`}
              label={t('figures.catalogue.componentName')}
              value={component.name}
              onChange={(event) => {
                set(index, { name: event.target.value });
              }}
              error={error}
            />
            <SelectField
              name={`components.${String(index)}.kind`}
              label={t('figures.catalogue.componentKind')}
              value={component.kind}
              onChange={(event) => {
                set(index, { kind: COMPONENT_KINDS.find((k) => k === event.target.value) ?? 'original' });
              }}
              error={error}
            >
              {COMPONENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`figures.catalogue.componentKinds.${kind}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              name={`components.${String(index)}.count`}
              type="number"
              inputMode="numeric"
              min={1}
              max={20}
              label={t('figures.catalogue.componentCount')}
              value={component.count}
              onChange={(event) => {
                set(index, { count: event.target.value });
              }}
              error={error}
            />
            <TextField
              name={`components.${String(index)}.template`}
              label={t('figures.catalogue.componentTemplate')}
              isOptional
              value={component.template}
              onChange={(event) => {
                set(index, { template: event.target.value });
              }}
              error={error}
            />
            <TextField
              name={`components.${String(index)}.note`}
              label={t('figures.catalogue.componentNote')}
              isOptional
              value={component.note}
              onChange={(event) => {
                set(index, { note: event.target.value });
              }}
              error={error}
            />
            <label className="catalogue-check">
              <input
                type="checkbox"
                checked={component.required}
                onChange={(event) => {
                  set(index, { required: event.target.checked });
                }}
              />{' '}
              {t('figures.catalogue.componentRequired')}
            </label>
            <RemoveButton
              label={t('figures.catalogue.remove', { item: legend })}
              onClick={() => {
                change({ components: draft.components.filter((_, at) => at !== index) });
              }}
            />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => {
          change({ components: [...draft.components, emptyComponent()] });
        }}
      >
        {t('figures.catalogue.addComponent')}
      </button>
    </fieldset>
  );
}

/** Phí, lệ phí: one amount for everyone, amounts by case, who is exempt, the legal basis. */
export function FeesEditor({ draft, change, error }: PartProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="catalogue-part">
      <legend>{t('figures.catalogue.fees')}</legend>
      <TextField
        name="fees.fixed"
        type="number"
        inputMode="numeric"
        min={0}
        label={t('figures.catalogue.feesFixed')}
        hint={t('figures.catalogue.feesFixedHint')}
        isOptional
        value={draft.feesFixed}
        onChange={(event) => {
          change({ feesFixed: event.target.value });
        }}
        error={error}
      />
      {draft.feesByCase.map((item, index) => {
        const legend = t('figures.catalogue.caseN', { n: index + 1 });
        return (
          <fieldset key={index} className="catalogue-row">
            <legend>{legend}</legend>
            <TextField
              name={`fees.byCase.${String(index)}.label`}
              label={t('figures.catalogue.caseLabel')}
              value={item.label}
              onChange={(event) => {
                change({ feesByCase: replaced(draft.feesByCase, index, { label: event.target.value }) });
              }}
              error={error}
            />
            <TextField
              name={`fees.byCase.${String(index)}.amount`}
              type="number"
              inputMode="numeric"
              min={0}
              label={t('figures.catalogue.caseAmount')}
              value={item.amount}
              onChange={(event) => {
                change({ feesByCase: replaced(draft.feesByCase, index, { amount: event.target.value }) });
              }}
              error={error}
            />
            <RemoveButton
              label={t('figures.catalogue.remove', { item: legend })}
              onClick={() => {
                change({ feesByCase: draft.feesByCase.filter((_, at) => at !== index) });
              }}
            />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => {
          change({ feesByCase: [...draft.feesByCase, { label: '', amount: '' }] });
        }}
      >
        {t('figures.catalogue.addCase')}
      </button>
      <TextArea
        name="fees.exemptions"
        label={t('figures.catalogue.exemptions')}
        hint={t('figures.catalogue.onePerLine')}
        value={draft.exemptions}
        onChange={(exemptions) => {
          change({ exemptions });
        }}
        error={error}
      />
      <TextField
        name="fees.basis"
        label={t('figures.catalogue.feesBasis')}
        isOptional
        value={draft.feesBasis}
        onChange={(event) => {
          change({ feesBasis: event.target.value });
        }}
        error={error}
      />
    </fieldset>
  );
}

/** An optional multi-line text with its label, hint and the server's issue. */
export function TextArea({
  name,
  label,
  hint,
  value,
  onChange,
  error,
  rows = 3,
  isOptional = true,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error: ApiError | undefined;
  rows?: number;
  isOptional?: boolean;
}) {
  const { t } = useTranslation();
  const issue = issueFor(error, name);
  const id = `catalogue-${name.replace(/\W/g, '-')}`;
  const describedBy = [issue ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={issue ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {isOptional ? <span className="field__optional"> ({t('form.optional')})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {issue ? (
        <p className="field__error" id={`${id}-error`}>
          {issue}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={!isOptional}
        value={value}
        aria-describedby={describedBy || undefined}
        aria-invalid={issue ? true : undefined}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

/** Quy trình: each step with its role, unit and budget; the server's refusal of the budgets beside them. */
export function StepsEditor({ draft, change, error }: PartProps) {
  const { t } = useTranslation();
  const issue = issueFor(error, 'steps');
  const set = (index: number, patch: Partial<ProcedureDraft['steps'][number]>) => {
    change({ steps: replaced(draft.steps, index, patch) });
  };
  return (
    <fieldset className="catalogue-part" aria-describedby={issue ? 'catalogue-steps-error' : undefined}>
      <legend>{t('figures.catalogue.steps')}</legend>
      <p className="field__hint">{t('figures.catalogue.stepsHint')}</p>
      {issue ? (
        <p className="field__error" id="catalogue-steps-error">
          {issue}
        </p>
      ) : null}
      {draft.steps.map((step, index) => {
        const legend = t('figures.catalogue.stepN', { n: index + 1 });
        const at = `steps.${String(index)}`;
        return (
          <fieldset key={index} className="catalogue-row">
            <legend>{legend}</legend>
            <TextField
              name={`${at}.name`}
              label={t('figures.catalogue.stepName')}
              value={step.name}
              onChange={(event) => {
                set(index, { name: event.target.value });
              }}
              error={error}
            />
            <SelectField
              name={`${at}.role`}
              label={t('figures.catalogue.stepRole')}
              value={step.role}
              onChange={(event) => {
                set(index, { role: STEP_ROLES.find((r) => r === event.target.value) ?? 'chuyen_vien' });
              }}
              error={error}
            >
              {STEP_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`figures.catalogue.roles.${role}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              name={`${at}.unit`}
              label={t('figures.catalogue.stepUnit')}
              value={step.unit}
              onChange={(event) => {
                set(index, { unit: event.target.value });
              }}
              error={error}
            />
            <TextField
              name={`${at}.budget.value`}
              type="number"
              inputMode="decimal"
              min={0.5}
              step={0.5}
              label={t('figures.catalogue.stepBudget')}
              value={step.budgetValue}
              onChange={(event) => {
                set(index, { budgetValue: event.target.value });
              }}
              error={error}
            />
            <SelectField
              name={`${at}.budget.unit`}
              label={t('figures.catalogue.stepBudgetUnit')}
              value={step.budgetUnit}
              onChange={(event) => {
                set(index, {
                  budgetUnit: BUDGET_UNITS.find((u) => u === event.target.value) ?? 'working_day',
                });
              }}
              error={error}
            >
              {BUDGET_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`figures.catalogue.budgetUnits.${unit}`)}
                </option>
              ))}
            </SelectField>
            <RemoveButton
              label={t('figures.catalogue.remove', { item: legend })}
              onClick={() => {
                change({ steps: draft.steps.filter((_, at2) => at2 !== index) });
              }}
            />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => {
          change({ steps: [...draft.steps, emptyStep()] });
        }}
      >
        {t('figures.catalogue.addStep')}
      </button>
    </fieldset>
  );
}
