import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import { TextAreaField } from '../dossiers/dossier-fields.tsx';

/**
 * The application form of a paper dossier, typed by the desk officer. Until the schema-driven renderer
 * is committed, the content is typed as JSON; the server checks it against the procedure's schema and
 * names the failing fields.
 */
export function IntakeFormData({
  value,
  onChange,
  error,
}: {
  schema: Record<string, unknown>;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  error: ApiError | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [isInvalid, setInvalid] = useState(false);
  return (
    <>
      <p className="field__hint">{t('dossiers.counter.formPending')}</p>
      {isInvalid ? <p className="field__error">{t('dossiers.counter.formJsonInvalid')}</p> : null}
      <TextAreaField
        name="formData"
        label={t('dossiers.counter.formJson')}
        value={text}
        rows={8}
        spellCheck={false}
        error={error}
        onChange={(event) => {
          setText(event.target.value);
          try {
            const parsed: unknown = JSON.parse(event.target.value);
            const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
            setInvalid(!isObject);
            if (isObject) onChange(parsed as Record<string, unknown>);
          } catch {
            setInvalid(true);
          }
        }}
      />
    </>
  );
}
