import { Type, type Static } from 'typebox';
import { IsoDateTime, NonEmpty, Uuid } from './common.ts';

/**
 * Recall (thu hồi) and replacement (thay thế) of issued documents across the exchange (issue 4 item 3;
 * vn-norms §2.1 "Recall", R-DOC-11, R-EDX-2/3; ADR 0023).
 */

export const RecallOutgoingBody = Type.Object(
  {
    reason: NonEmpty(
      2000,
      'Why the issued document is recalled (sent to every recipient as BussinessDocReason)',
    ),
  },
  { additionalProperties: false },
);
export type RecallOutgoingBody = Static<typeof RecallOutgoingBody>;

/** The recall of an outgoing document as its issuer keeps it (the document is frozen). */
export const OutgoingRecall = Type.Object({
  at: IsoDateTime,
  reason: Type.String(),
  byName: Type.String({ description: 'Who recalled it' }),
});
export type OutgoingRecall = Static<typeof OutgoingRecall>;

/** What a receiver keeps of a recalled document: when and why (its copy was destroyed then). */
export const IncomingRecall = Type.Object({
  at: IsoDateTime,
  reason: Type.String(),
});
export type IncomingRecall = Static<typeof IncomingRecall>;

/** A received document that the issuer replaced by another. */
export const IncomingReplacement = Type.Object({
  at: IsoDateTime,
  reference: Type.String({ description: 'Số/ký hiệu and DocumentId of the replacing document' }),
  replacedById: Type.Union([Uuid, Type.Null()], {
    description: 'The replacing document in this register, once registered',
  }),
});
export type IncomingReplacement = Static<typeof IncomingReplacement>;

/** Statuses of the recall handshake (vn-norms §2.3): 13 asked, 15 accepted, 16 refused. */
export const RECALL_STATUS_CODES = ['13', '15', '16'] as const;
