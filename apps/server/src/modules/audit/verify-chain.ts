import type { ChainReport } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { GENESIS_HASH, hashRecord } from './hash-chain.ts';

const BATCH = 1000;

/**
 * Recomputes every record's hash in order and checks that each one points at the previous record.
 * Names the first record that does not match: an edited, deleted or inserted row breaks the chain there.
 */
export async function verifyChain(
  db: Db,
  onProgress: (checked: number) => void = () => {},
): Promise<ChainReport> {
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const broken = (reason: string): ChainReport => ({
        ok: false,
        checked,
        firstBrokenSeq: row.seq,
        reason,
      });
      if (row.seq !== expectedSeq)
        return { ...broken(`record ${expectedSeq} is missing`), firstBrokenSeq: expectedSeq };
      if (row.prev_hash !== previousHash) return broken('prev_hash does not match the previous record');
      const hash = hashRecord({
        seq: row.seq,
        occurredAt: row.occurred_at.toISOString(),
        type: row.type,
        actorAccountId: row.actor_account_id,
        actorLabel: row.actor_label,
        entityType: row.entity_type,
        entityId: row.entity_id,
        agencyId: row.agency_id,
        data: row.data,
        correlationId: row.correlation_id,
        prevHash: row.prev_hash,
      });
      if (hash !== row.hash) return broken('content does not match its hash');
      previousHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress(checked);
    if (rows.length < BATCH) return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }
}
