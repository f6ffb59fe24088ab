import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IncomingHandling, OutgoingDraft } from '@tinhso/contracts';
import { recallOutgoing } from '../../../api/documents-recall.ts';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { formText } from '../../../lib/form-data.ts';

/** Thu hồi (ADR 0023) on the issued document's page: a reason, then an explicit confirmation. */
export function OutgoingRecallAction({ draft, onChanged }: { draft: OutgoingDraft; onChanged: () => void }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const recall = useAction(async (reason: string) => {
    const value = await recallOutgoing(draft.id, { reason });
    onChanged();
    return value;
  });
  if (!draft.allowedActions.includes('recall') && !recall.isDone) return null;
  return (
    <section className="panel" aria-labelledby="recall-action">
      <h2 id="recall-action">{t('recall.action')}</h2>
      <p>{t('recall.actionLead')}</p>
      <FormAlert error={recall.error} fields={[]} />
      {recall.isDone ? <SuccessMessage>{t('recall.done')}</SuccessMessage> : null}
      {!isOpen && !recall.isDone ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('recall.open')}
        </button>
      ) : null}
      {isOpen && !recall.isDone ? (
        <form
          noValidate
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void recall.run(formText(new FormData(event.currentTarget), 'reason'));
          }}
        >
          <div className="field">
            <label htmlFor="recall-reason">{t('recall.reason')}</label>
            <textarea id="recall-reason" name="reason" rows={3} maxLength={2000} required />
          </div>
          <p className="field__hint">{t('recall.confirmWarning')}</p>
          <SubmitButton isPending={recall.isPending} pendingLabel={t('recall.saving')}>
            {t('recall.confirm')}
          </SubmitButton>{' '}
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('recall.cancel')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** The issuer's page of a recalled document: when, by whom, why; nothing can be done any more. */
export function OutgoingRecallBanner({ draft }: { draft: OutgoingDraft }) {
  const { t } = useTranslation();
  if (draft.replacesDraftId && !draft.recall)
    return (
      <p>
        {t('recall.replaces')}:{' '}
        <Link to={`/workspace/documents/outgoing/${draft.replacesDraftId}`}>{t('recall.openReplaced')}</Link>
      </p>
    );
  if (!draft.recall) return null;
  return (
    <div className="alert alert--error" role="note" aria-labelledby="recall-banner">
      <h2 id="recall-banner">{t('recall.outgoingBanner')}</h2>
      <p>
        {t('recall.outgoingBannerText', {
          at: formatDateTime(draft.recall.at, currentLanguage()),
          by: draft.recall.byName,
          reason: draft.recall.reason,
        })}
      </p>
      <p>{t('recall.outgoingFrozen')}</p>
    </div>
  );
}

/** The receiver's page of a recalled or replaced document. */
export function IncomingRecallBanner({ handling }: { handling: IncomingHandling }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      {handling.recall ? (
        <div className="alert alert--error" role="note" aria-labelledby="recall-banner">
          <h2 id="recall-banner">{t('recall.incomingBanner')}</h2>
          <p>
            {t('recall.incomingBannerText', {
              at: formatDateTime(handling.recall.at, language),
              reason: handling.recall.reason,
            })}
          </p>
          <p>{t('recall.incomingDestroyed')}</p>
        </div>
      ) : null}
      {handling.replacement ? (
        <div className="alert alert--info" role="note" aria-labelledby="replaced-banner">
          <h2 id="replaced-banner">{t('recall.replacedBanner')}</h2>
          <p>
            {t('recall.replacedBannerText', {
              reference: handling.replacement.reference,
              at: formatDateTime(handling.replacement.at, language),
            })}
          </p>
          <p>
            {handling.replacement.replacedById ? (
              <Link to={`/workspace/documents/incoming/${handling.replacement.replacedById}`}>
                {t('recall.openReplacement')}
              </Link>
            ) : (
              t('recall.replacementWaiting')
            )}
          </p>
        </div>
      ) : null}
    </>
  );
}
