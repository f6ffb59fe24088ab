import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SchemaForm, asFormSchema, type FormValue } from '../../../components/schema-form/index.ts';
import { parseForm } from './draft.ts';
import { TextArea, type PartProps } from './form-lists.tsx';

/**
 * Tờ khai: the form's JSON Schema as text, and beside it the form as a citizen will see it, drawn by
 * the portal's own renderer while the officer types. Text that is not JSON is named at once.
 */
export function FormSchemaEditor({ draft, change, error }: PartProps) {
  const { t } = useTranslation();
  const [sample, setSample] = useState<FormValue>({});
  const parsed = parseForm(draft.formJson);
  const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  return (
    <fieldset className="catalogue-part">
      <legend>{t('figures.catalogue.form')}</legend>
      <div className="catalogue-schema">
        <div>
          <TextArea
            name="form"
            label={t('figures.catalogue.formJson')}
            hint={t('figures.catalogue.formJsonHint')}
            rows={14}
            isOptional={false}
            value={draft.formJson}
            onChange={(formJson) => {
              change({ formJson });
            }}
            error={error}
          />
          {isObject ? null : (
            <p className="field__error" role="status">
              {t('figures.catalogue.formNotJson')}
            </p>
          )}
        </div>
        <section className="catalogue-preview" aria-labelledby="catalogue-preview-title">
          <h3 id="catalogue-preview-title">{t('figures.catalogue.preview')}</h3>
          {isObject ? (
            <SchemaForm
              schema={asFormSchema(parsed)}
              value={sample}
              onChange={setSample}
              idPrefix="catalogue-preview"
              root="preview"
            />
          ) : (
            <p className="empty">{t('figures.catalogue.previewNone')}</p>
          )}
        </section>
      </div>
    </fieldset>
  );
}
