import { PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { nameAttribute } from './certificate-checks.ts';
import { signerForAgencySeal } from './key-store.ts';
import { signPdf } from './pades-sign.ts';
import { toVietnamIso } from './pdf-signatures.ts';
import { timestampUrlForSigning } from './timestamp-authority.ts';

const MARGIN = 8 * (72 / 25.4);

/**
 * Seals a PDF an agency issues to a citizen (a one-stop receipt or form, a result) with the agency's
 * seal key, as the văn thư signs an attachment in a separate file (NĐ 30/2020 Phụ lục I, vn-norms
 * §2.1): no image, a text stamp at the top right of the first page giving what it is, the agency and
 * the signing time in ISO 8601 at +07:00, serif 10 pt, black. An agency without a seal key issues the
 * PDF unsigned (`sealed: false`), and so is a file that is not a readable PDF. With a timestamp
 * authority configured the seal is timestamped (B-T), and a TSA that cannot answer fails the seal
 * with 503 naming `timestamp` (ADR 0024): call it outside a transaction.
 */
export async function sealIssuedPdf(
  db: Db | Transaction<DB>,
  options: { pdf: Uint8Array; agencyId: string; label: string; reason: string },
): Promise<{ pdf: Uint8Array; sealed: boolean }> {
  const signer = await signerForAgencySeal(db, options.agencyId);
  if (!signer) return { pdf: options.pdf, sealed: false };
  const agencyName =
    nameAttribute(pkijs.Certificate.fromBER(signer.certificateChain[0]!).subject, 'CN') ?? 'Cơ quan';
  const signingTime = new Date();
  let pages;
  try {
    pages = (await PDFDocument.load(options.pdf, { updateMetadata: false })).getPages();
  } catch {
    // Not a PDF pdf-lib can read (a scan wrapped oddly, a damaged upload): handed out as it is.
    return { pdf: options.pdf, sealed: false };
  }
  // A PDF without a page has nowhere to carry the stamp: handed out as it is too.
  const page = pages[0];
  if (!page) return { pdf: options.pdf, sealed: false };
  const { width, height } = page.getSize();
  const right = width - MARGIN;
  const timestampUrl = await timestampUrlForSigning();
  const pdf = await signPdf(options.pdf, signer, {
    ...(timestampUrl ? { timestampUrl } : {}),
    reason: options.reason,
    location: agencyName,
    name: agencyName,
    signingTime,
    stamps: [
      { pageIndex: 0, x: right, y: height - 12, text: agencyName, align: 'right' },
      {
        pageIndex: 0,
        x: right,
        y: height - 23,
        text: `${options.label} · ký số ${toVietnamIso(signingTime)}`,
        align: 'right',
      },
    ],
  });
  return { pdf, sealed: true };
}
