import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_URGENCIES, type DocumentUrgency, type OutgoingDraft } from '@tinhso/contracts';
import { updateIssuedOutgoing } from '../../../api/documents-recall.ts';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { formText } from '../../../lib/form-data.ts';

const FIELDS = ['subject', 'urgency', 'dueDate'] as const;

/**
 * Cập nhật (ADR 0027) on an issued document's page: the clerk or the signer corrects the trích yếu,
 * the độ khẩn or the hạn trả lời sent with it, with a reason; only what differs is sent.
 */
export function OutgoingUpdateAction({ draft, onChanged }: { draft: OutgoingDraft; onChanged: () => void }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const update = useAction(async (form: FormData) => {
    const subject = formText(form, 'subject');
    const urgency = formText(form, 'urgency') as DocumentUrgency;
    const dueDate = formText(form, 'dueDate');
    const value = await updateIssuedOutgoing(draft.id, {
      reason: formText(form, 'reason'),
      ...(subject !== draft.summary ? { subject } : {}),
      ...(urgency !== draft.urgency ? { urgency } : {}),
      ...(dueDate ? { dueDate } : {}),
    });
    setOpen(false);
    onChanged();
    return value;
  });
  if (!draft.allowedActions.includes('update')) return null;
  return (
    <section className="panel" aria-labelledby="update-action">
      <h2 id="update-action">{t('exchangeUpdate.action')}</h2>
      <p>{t('exchangeUpdate.actionLead')}</p>
      {update.isDone && !isOpen ? <SuccessMessage>{t('exchangeUpdate.done')}</SuccessMessage> : null}
      {!isOpen ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('exchangeUpdate.open')}
        </button>
      ) : (
        <form
          noValidate
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void update.run(new FormData(event.currentTarget));
          }}
        >
          <FormAlert error={update.error} fields={FIELDS} />
          <TextField
            name="subject"
            label={t('exchangeUpdate.subject')}
            defaultValue={draft.summary}
            maxLength={500}
            error={update.error}
          />
          <SelectField
            name="urgency"
            label={t('exchangeUpdate.urgency')}
            defaultValue={draft.urgency}
            error={update.error}
          >
            {DOCUMENT_URGENCIES.map((urgency) => (
              <option key={urgency} value={urgency}>
                {t(`outgoing.urgencies.${urgency}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            name="dueDate"
            type="date"
            label={t('exchangeUpdate.dueDate')}
            hint={t('exchangeUpdate.dueDateHint')}
            isOptional
            error={update.error}
          />
          <div className="field">
            <label htmlFor="update-reason">{t('exchangeUpdate.reason')}</label>
            <textarea id="update-reason" name="reason" rows={3} maxLength={2000} required />
          </div>
          <SubmitButton isPending={update.isPending} pendingLabel={t('exchangeUpdate.saving')}>
            {t('exchangeUpdate.confirm')}
          </SubmitButton>{' '}
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('exchangeUpdate.cancel')}
          </button>
        </form>
      )}
    </section>
  );
}
