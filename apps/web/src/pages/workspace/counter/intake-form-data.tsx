import type { ApiError } from '../../../api/client.ts';
import { SchemaForm, asFormSchema } from '../../../components/schema-form/index.ts';

/**
 * The application form of a paper dossier, typed by the desk officer from the paper tờ khai: the
 * procedure's JSON Schema rendered by the shared SchemaForm, the server's issues beside each field.
 */
export function IntakeFormData({
  schema,
  value,
  onChange,
  error,
}: {
  schema: Record<string, unknown>;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  error: ApiError | undefined;
}) {
  return (
    <SchemaForm
      schema={asFormSchema(schema)}
      value={value}
      onChange={onChange}
      issues={error?.issues ?? []}
      idPrefix="intake-form"
    />
  );
}
