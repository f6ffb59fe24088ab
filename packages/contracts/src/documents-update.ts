import { Type, type Static } from 'typebox';
import { IsoDate, NonEmpty } from './common.ts';
import { DOCUMENT_URGENCIES } from './documents.ts';

/**
 * Update (cập nhật, BussinessDocType 2) of an issued document's metadata across the exchange
 * (issue 4 item 3; R-EDX-2; ADR 0027): the issuer corrects what it told the recipients about the
 * document (trích yếu, độ khẩn, hạn trả lời) and says why. The signed PDF does not change: a change
 * of content is a replacement (thay thế), not an update.
 */
export const UpdateIssuedOutgoingBody = Type.Object(
  {
    reason: NonEmpty(2000, 'Why the metadata is corrected (sent to every recipient as BussinessDocReason)'),
    subject: Type.Optional(NonEmpty(500, 'The corrected trích yếu')),
    urgency: Type.Optional(Type.Enum(DOCUMENT_URGENCIES, { description: 'The corrected độ khẩn' })),
    dueDate: Type.Optional({
      ...IsoDate,
      description: 'Hạn trả lời: the date by which recipients should answer',
    }),
  },
  { additionalProperties: false },
);
export type UpdateIssuedOutgoingBody = Static<typeof UpdateIssuedOutgoingBody>;
