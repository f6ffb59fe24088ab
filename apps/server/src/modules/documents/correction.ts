import type { DocumentUrgency } from '@tinhso/contracts';

/** Độ khẩn as a history line says it (NĐ 30/2020 Art 15 §3). */
export const URGENCY_LABELS: Record<DocumentUrgency, string> = {
  thuong: 'thường',
  khan: 'khẩn',
  thuong_khan: 'thượng khẩn',
  hoa_toc: 'hỏa tốc',
};

/** What an update may correct in the metadata sent with a document (ADR 0027). */
export interface MetadataCorrection {
  subject?: string;
  urgency?: DocumentUrgency;
  dueDate?: string;
}

/**
 * One line per corrected field, the same on the issuer's and on each receiver's history:
 * "Trích yếu: «…» → «…»", "Độ khẩn: thường → khẩn", "Hạn trả lời: — → 2026-12-10".
 */
export function describeCorrection(
  before: { subject: string; urgency: DocumentUrgency | null; dueDate: string | null },
  after: MetadataCorrection,
): string[] {
  const lines: string[] = [];
  if (after.subject !== undefined) lines.push(`Trích yếu: «${before.subject}» → «${after.subject}»`);
  if (after.urgency !== undefined)
    lines.push(
      `Độ khẩn: ${before.urgency ? URGENCY_LABELS[before.urgency] : '—'} → ${URGENCY_LABELS[after.urgency]}`,
    );
  if (after.dueDate !== undefined) lines.push(`Hạn trả lời: ${before.dueDate ?? '—'} → ${after.dueDate}`);
  return lines;
}
