import type { Db } from '../../platform/db.ts';
import type { OutboxHandler } from '../../platform/outbox.ts';
import type { PdfSigner } from '../signatures/pdf-signer.ts';
import { findRoute } from './directory.ts';
import { buildEdxml } from './edxml/index.ts';
import { outboundEnvelope } from './outbound-envelope.ts';
import type { OutboundDocument } from './queue-outbound.ts';
import './tables.ts';
import type { Transports } from './transports.ts';
import { signPackage } from './xml-dsig/package-signature.ts';

export type SealSigners = (db: Db, agencyId: string) => Promise<PdfSigner | null>;

/**
 * The outbox handler of `exchange.send`: builds and seals the package once (kept, so every retry and
 * every recipient gets the same bytes), delivers it by the recipient's route and marks the row sent.
 * A retry after a delivery that the receiver stored is harmless: the receiver deduplicates by
 * DocumentId, sender and business type.
 */
export function createDeliverHandler(options: {
  db: Db;
  transports: Transports;
  sealSigner: SealSigners;
}): OutboxHandler {
  const { db, transports } = options;
  return async (payload) => {
    const { outboundId } = payload as { outboundId: string };
    const outbound = await db
      .selectFrom('exchange_outbound')
      .select(['id', 'package_id', 'recipient_code', 'sent_at'])
      .where('id', '=', outboundId)
      .executeTakeFirst();
    if (!outbound || outbound.sent_at !== null) return;
    const route = await findRoute(db, outbound.recipient_code);
    if (!route) throw new Error(`no route to ${outbound.recipient_code} in the agency-code directory`);
    const body = await signedPackage(options, outbound.package_id);
    await transports.deliver(route, body, 'package');
    await db
      .updateTable('exchange_outbound')
      .set({ sent_at: new Date(), transport: route.transport })
      .where('id', '=', outbound.id)
      .execute();
  };
}

async function signedPackage(
  options: { db: Db; sealSigner: SealSigners },
  packageId: string,
): Promise<Uint8Array> {
  const { db } = options;
  const stored = await db
    .selectFrom('exchange_package as p')
    .innerJoin('agency as a', 'a.id', 'p.agency_id')
    .select([
      'p.id',
      'p.agency_id',
      'p.document_id',
      'p.document',
      'p.signed_xml',
      'p.created_at',
      'a.code',
      'a.name',
    ])
    .where('p.id', '=', packageId)
    .executeTakeFirstOrThrow();
  if (stored.signed_xml) return new Uint8Array(stored.signed_xml);
  const document = stored.document as OutboundDocument;
  const [files, recipients, type] = await Promise.all([
    db
      .selectFrom('exchange_package_file')
      .select(['name', 'media_type', 'content'])
      .where('package_id', '=', packageId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('exchange_outbound')
      .select(['recipient_code', 'recipient_name'])
      .where('package_id', '=', packageId)
      .orderBy('created_at')
      .orderBy('recipient_code')
      .execute(),
    db
      .selectFrom('document_type')
      .select(['sort_order', 'name_vi'])
      .where('code', '=', document.typeCode)
      .executeTakeFirstOrThrow(),
  ]);
  const signer = await options.sealSigner(db, stored.agency_id);
  if (!signer) throw new Error(`agency ${stored.code} has no active seal key: the package cannot be signed`);
  const xml = buildEdxml(
    outboundEnvelope({
      document,
      documentId: stored.document_id,
      from: { organId: stored.code, organName: stored.name },
      to: recipients.map((row) => ({ organId: row.recipient_code, organName: row.recipient_name })),
      type: { order: type.sort_order, name: type.name_vi },
      files: files.map((file) => ({ name: file.name, mediaType: file.media_type, bytes: file.content })),
      at: stored.created_at,
    }),
  );
  const signed = new TextEncoder().encode(await signPackage(xml, signer));
  // The first signed copy wins: two workers racing keep one version of the package. The winner
  // knows its bytes; only a loser reads the kept copy back.
  const won = await db
    .updateTable('exchange_package')
    .set({ signed_xml: signed })
    .where('id', '=', packageId)
    .where('signed_xml', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (won) return signed;
  const kept = await db
    .selectFrom('exchange_package')
    .select('signed_xml')
    .where('id', '=', packageId)
    .executeTakeFirstOrThrow();
  return new Uint8Array(kept.signed_xml ?? signed);
}
