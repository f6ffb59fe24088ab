import type { ReactNode } from 'react';
import type { Agency } from '@tinhso/contracts';
import type { ApiError } from '../../../api/client.ts';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { OwnerFields } from './owner-fields.tsx';

export interface OwnerUploadFormProps {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  lead: string;
  /** The state of the upload: its error marks the fields, its pending state the button. */
  action: { error: ApiError | undefined; isPending: boolean };
  /** The fields the error summary links to. */
  fields: readonly string[];
  /** Shown once the upload succeeded; null before. */
  success: ReactNode;
  owner: {
    agencies: readonly Agency[];
    agencyId: string;
    onAgency: (id: string) => void;
    withOfficial: boolean;
  };
  file: { accept: string; label: string };
  submit: { label: string; pendingLabel: string };
  /** Fields above the owner's (the kind of key). */
  before?: ReactNode;
  /** Fields below the file (its password). */
  after?: ReactNode;
  /** Called with the form once its default submission is prevented. */
  onSubmit: (form: HTMLFormElement) => void;
}

/**
 * The upload block of the signatures page: a section whose form names the owner (an agency, and one
 * of its officials where asked) and a file. Enrolling a key and the signature image share it and
 * differ only in their texts, their extra fields and what they send.
 */
export function OwnerUploadForm({
  id,
  title,
  lead,
  action,
  fields,
  success,
  owner,
  file,
  submit,
  before,
  after,
  onSubmit,
}: OwnerUploadFormProps) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{lead}</p>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(event.currentTarget);
        }}
      >
        <FormAlert error={action.error} fields={fields} />
        {success ? <SuccessMessage>{success}</SuccessMessage> : null}
        {before}
        <OwnerFields {...owner} error={action.error} />
        <TextField name="file" type="file" accept={file.accept} label={file.label} error={action.error} />
        {after}
        <SubmitButton isPending={action.isPending} pendingLabel={submit.pendingLabel}>
          {submit.label}
        </SubmitButton>
      </form>
    </section>
  );
}
