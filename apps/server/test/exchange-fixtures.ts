import { systemActor } from '../src/platform/access.ts';
import type { OutboundDocument, QueueOutboundInput } from '../src/modules/exchange/queue-outbound.ts';
import { AGENCY } from '../src/modules/organisation/demo/agencies.ts';
import { letterOf as letterFromSoTuPhap } from '../src/tools/two-servers.ts';
import type { TestApp } from './harness.ts';

/** A Công văn of Sở Tư pháp, as the outgoing module hands it to the exchange (the two-server helper's). */
export const letterOf = (number: number, overrides: Partial<OutboundDocument> = {}): OutboundDocument => ({
  ...letterFromSoTuPhap(number),
  ...overrides,
});

export async function agencyIdOf(t: TestApp, code: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('agency')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The input of queueOutbound from Sở Tư pháp, with a PDF's bytes as the first file. */
export async function queueInput(
  t: TestApp,
  options: {
    number: number;
    pdf: Uint8Array;
    recipientCodes?: string[];
    document?: Partial<OutboundDocument>;
  },
): Promise<QueueOutboundInput> {
  return {
    agencyId: await agencyIdOf(t, AGENCY.tuPhap),
    recipientCodes: options.recipientCodes ?? [AGENCY.vpUbnd],
    document: letterOf(options.number, options.document),
    files: [{ name: `cong-van-${options.number}.pdf`, mediaType: 'application/pdf', bytes: options.pdf }],
    source: { kind: 'outgoing', id: crypto.randomUUID() },
    actor: systemActor('test'),
  };
}
