import type { Dictionary } from '../dictionary.ts';
import type { recallPages as vi } from '../vi/documents-recall.ts';

/** Recall and replacement of issued documents (Decree 30/2020 Annex VI, ADR 0023). */
export const recallPages: Dictionary<typeof vi> = {
  recall: {
    action: 'Recall the document',
    actionLead:
      'Recall an issued document: the document and its metadata are frozen, and every agency that received it through the exchange is asked to destroy its copy.',
    open: 'Recall…',
    reason: 'Reason for the recall',
    confirm: 'Confirm the recall',
    confirmWarning:
      'This cannot be undone. Each recipient answers with recall accepted (15) or refused (16).',
    cancel: 'Cancel',
    saving: 'Recalling…',
    done: 'The document is recalled and the request sent to its recipients.',
    outgoingBanner: 'This document has been recalled',
    outgoingBannerText: 'Recalled on {{at}} by {{by}}. Reason: {{reason}}',
    outgoingFrozen: 'The document and its metadata are frozen; no further step is possible.',
    incomingBanner: 'This document has been recalled',
    incomingBannerText: 'The issuer recalled this document on {{at}}. Reason: {{reason}}',
    incomingDestroyed:
      'The copy received has been destroyed; only the register entry and the handling history remain. The document is no longer handled.',
    replacedBanner: 'This document has been replaced',
    replacedBannerText: 'The issuer replaced this document by {{reference}} on {{at}}.',
    openReplacement: 'Open the replacing document',
    replacementWaiting: 'The replacing document is waiting to be registered.',
    replaces: 'Replaces the issued document',
    openReplaced: 'Open the replaced document',
  },
  exchangeUpdate: {
    action: 'Correct the details sent with the document',
    actionLead:
      'Correct the summary, the urgency or the answer date sent with the document. Every agency that received it through the exchange is updated; the signed document does not change (a change of content is a replacement).',
    open: 'Correct the details…',
    subject: 'Summary',
    urgency: 'Urgency',
    dueDate: 'Answer by',
    dueDateHint: 'Leave empty to keep it.',
    reason: 'Why it is corrected',
    confirm: 'Send the correction',
    cancel: 'Cancel',
    saving: 'Sending the correction…',
    done: 'The details were corrected and sent to every recipient.',
  },
};
