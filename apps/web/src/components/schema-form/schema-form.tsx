import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldPath, type FieldIssue } from '../../api/client.ts';
import { getAt, kindOf, orderedProperties, setAt, type FormSchema, type FormValue } from './schema.ts';

export interface SchemaFormProps {
  /** The procedure's form, a JSON Schema object. */
  schema: FormSchema;
  value: FormValue;
  onChange: (value: FormValue) => void;
  /** The server's field issues; those under `root` ("formData.nguoiYeuCau.hoTen") show beside their field. */
  issues?: readonly FieldIssue[];
  /** Unique per page: ids are built from it and the field's path. */
  idPrefix: string;
  /** The name of the form in the request body; default formData. */
  root?: string;
}

/** Enumerations this short read better as radio buttons than as a list to open. */
const MAX_RADIOS = 4;

/** The server's message for a field, without the "path:" it may start with. */
function messageFor(issues: readonly FieldIssue[], name: string): string | undefined {
  const issue = issues.find((candidate) => fieldPath(candidate.field) === name);
  if (!issue) return undefined;
  const prefix = [issue.field, fieldPath(issue.field)]
    .map((p) => `${p}:`)
    .find((p) => issue.message.startsWith(p));
  return prefix ? issue.message.slice(prefix.length).trimStart() : issue.message;
}

/** The issues of a submission that no field of this form shows, to list above it. */
export function issuesOutside(issues: readonly FieldIssue[], schema: FormSchema, root = 'formData') {
  const names = new Set<string>();
  const collect = (node: FormSchema, path: string[]) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const at = [...path, key];
      names.add([root, ...at].join('.'));
      if (kindOf(child) === 'object') collect(child, at);
    }
  };
  collect(schema, []);
  return issues.filter((issue) => !names.has(fieldPath(issue.field)));
}

/**
 * Renders a procedure's application form from its JSON Schema: labels from `title`, required marks,
 * enumerations as radios or a list, dates and e-mails as their inputs, nested objects as groups, and
 * the server's message beside each failing field (tied with aria-describedby).
 */
export function SchemaForm({
  schema,
  value,
  onChange,
  issues = [],
  idPrefix,
  root = 'formData',
}: SchemaFormProps) {
  const { t } = useTranslation();
  return (
    <div className="schema-form">
      <p className="field__hint">{t('portal.schemaForm.requiredNote')}</p>
      <Fields
        schema={schema}
        path={[]}
        value={value}
        onChange={onChange}
        issues={issues}
        idPrefix={idPrefix}
        root={root}
      />
    </div>
  );
}

interface FieldsProps {
  schema: FormSchema;
  path: string[];
  value: FormValue;
  onChange: (value: FormValue) => void;
  issues: readonly FieldIssue[];
  idPrefix: string;
  root: string;
}

function Fields({ schema, path, value, onChange, issues, idPrefix, root }: FieldsProps) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      {orderedProperties(schema).map(([key, child]) => (
        <Field
          key={key}
          name={key}
          schema={child}
          path={[...path, key]}
          isRequired={required.has(key)}
          value={value}
          onChange={onChange}
          issues={issues}
          idPrefix={idPrefix}
          root={root}
        />
      ))}
    </>
  );
}

function Field(props: FieldsProps & { name: string; isRequired: boolean }) {
  const { t } = useTranslation();
  const { schema, path, value, onChange, issues, idPrefix, root, name, isRequired } = props;
  const fullName = [root, ...path].join('.');
  const id = `${idPrefix}-${path.join('-')}`;
  const label = schema.title ?? name;
  const issue = messageFor(issues, fullName);
  const errorId = issue ? `${id}-error` : undefined;
  const hintId = schema.description ? `${id}-hint` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const current = getAt(value, path);
  const set = (next: unknown) => {
    onChange(setAt(value, path, next));
  };
  const kind = kindOf(schema);
  const mark = isRequired ? (
    <span className="field__required" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
  const hint = schema.description ? (
    <p className="field__hint" id={hintId}>
      {schema.description}
    </p>
  ) : null;
  const error = issue ? (
    <p className="field__error" id={errorId}>
      {issue}
    </p>
  ) : null;

  if (kind === 'object') {
    return (
      <fieldset
        className={issue ? 'schema-form__group field--invalid' : 'schema-form__group'}
        aria-describedby={describedBy}
      >
        <legend>
          {label}
          {mark}
        </legend>
        {hint}
        {error}
        <Fields {...props} schema={schema} path={path} />
      </fieldset>
    );
  }

  const options = schema.enum?.map(String);
  if (options && options.length <= MAX_RADIOS) {
    return (
      <fieldset
        role="radiogroup"
        className={issue ? 'field field--invalid schema-form__choices' : 'field schema-form__choices'}
        aria-describedby={describedBy}
        aria-required={isRequired || undefined}
      >
        <legend>
          {label}
          {mark}
        </legend>
        {hint}
        {error}
        {options.map((option, index) => (
          <label key={option} className="schema-form__choice" htmlFor={`${id}-${String(index)}`}>
            <input
              id={`${id}-${String(index)}`}
              type="radio"
              name={fullName}
              value={option}
              checked={current === option}
              aria-invalid={issue ? true : undefined}
              onChange={() => {
                set(option);
              }}
            />{' '}
            {option}
          </label>
        ))}
      </fieldset>
    );
  }

  const frame = (control: ReactNode) => (
    <div className={issue ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {mark}
      </label>
      {hint}
      {error}
      {control}
    </div>
  );
  const common = {
    id,
    name: fullName,
    required: isRequired,
    'aria-describedby': describedBy,
    'aria-invalid': issue ? true : undefined,
  };

  if (options) {
    return frame(
      <select
        {...common}
        value={typeof current === 'string' ? current : ''}
        onChange={(event) => {
          set(event.target.value === '' ? undefined : event.target.value);
        }}
      >
        <option value="">{t('portal.schemaForm.choose')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>,
    );
  }
  if (kind === 'boolean') {
    return (
      <div className={issue ? 'field field--invalid' : 'field'}>
        {hint}
        {error}
        <label htmlFor={id} className="schema-form__choice">
          <input
            {...common}
            type="checkbox"
            checked={current === true}
            onChange={(event) => {
              set(event.target.checked);
            }}
          />{' '}
          {label}
          {mark}
        </label>
      </div>
    );
  }
  if (kind === 'integer' || kind === 'number') {
    return frame(
      <input
        {...common}
        type="number"
        inputMode={kind === 'integer' ? 'numeric' : 'decimal'}
        step={kind === 'integer' ? 1 : 'any'}
        min={schema.minimum}
        max={schema.maximum}
        value={typeof current === 'number' ? String(current) : ''}
        onChange={(event) => {
          const text = event.target.value;
          set(text === '' || Number.isNaN(Number(text)) ? undefined : Number(text));
        }}
      />,
    );
  }
  const text = typeof current === 'string' ? current : '';
  const onText = (next: string) => {
    set(next === '' ? undefined : next);
  };
  if ((schema.maxLength ?? 0) > 300) {
    return frame(
      <textarea
        {...common}
        rows={4}
        maxLength={schema.maxLength}
        value={text}
        onChange={(event) => {
          onText(event.target.value);
        }}
      />,
    );
  }
  const type = schema.format === 'date' ? 'date' : schema.format === 'email' ? 'email' : 'text';
  const isDigits = /^\^0?\[0-9\]/.test(schema.pattern ?? '');
  return frame(
    <input
      {...common}
      type={type}
      inputMode={isDigits ? 'numeric' : undefined}
      autoComplete={schema.format === 'email' ? 'email' : undefined}
      maxLength={schema.maxLength}
      value={text}
      onChange={(event) => {
        onText(event.target.value);
      }}
    />,
  );
}
