import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { buildEdxmlStatus, parseEdxml, parseEdxmlStatus, toVietnamTimestamp } from '../edxml/index.ts';

/**
 * A stand-in for the national document-exchange axis (VPCP), for development, demos and tests: mount
 * it at /simulators/vxp only when simulators are enabled. The real axis is not reachable from here.
 * It speaks axis-client.ts's protocol: SystemId + SecretKey on every call; a list of agencies on the
 * axis (a few simulated ministries, plus the agencies systems registered); packages and status
 * messages kept per destination code until the destination's system acknowledges them with
 * UpdateStatus(done). The simulated ministries answer a package at once with 01 (arrived) and 03
 * (registered), as a receiving system would. Its memory is the process's.
 */
export interface AxisSimulatorOptions {
  systemId: string;
  secretKey: string;
}

/** Ministries "on the axis" in the simulator (illustrative codes, not the real list). */
export const SIMULATED_AXIS_AGENCIES = [
  { code: '000.00.00.G01', name: 'Văn phòng Chính phủ' },
  { code: '000.00.00.G12', name: 'Bộ Tư pháp' },
  { code: '000.00.00.G09', name: 'Bộ Nội vụ' },
];

interface Held {
  docId: string;
  kind: 'edoc' | 'status';
  to: string;
  body: Buffer;
  done: boolean;
}

export const axisSimulator: FastifyPluginAsync<AxisSimulatorOptions> = async (app, options) => {
  const registered = new Map<string, string>(); // code → systemId
  const held: Held[] = [];
  const expected = Buffer.from(`${options.systemId}\n${options.secretKey}`);
  const isAuthorised = (request: FastifyRequest) => {
    const given = Buffer.from(`${String(request.headers.systemid)}\n${String(request.headers.secretkey)}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const config = { access: 'public' as const };
  const schema = { hide: true, tags: ['simulators'] };
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'buffer', bodyLimit: 60 * 1024 * 1024 },
    (_r, body, done) => done(null, body),
  );
  app.addHook('onRequest', async (request, reply) => {
    if (!isAuthorised(request)) await reply.status(401).send({ error: 'SystemId/SecretKey' });
  });

  const hold = (kind: Held['kind'], to: string, body: Buffer) => {
    const docId = randomUUID();
    held.push({ docId, kind, to, body, done: false });
    return docId;
  };

  /** A simulated ministry answers 01 then 03, one second apart. */
  const answer = (from: { code: string; name: string }, to: string, documentId: string) => {
    const now = Date.now();
    for (const [offset, statusCode] of [
      [0, '01'],
      [1000, '03'],
    ] as const) {
      const xml = buildEdxmlStatus({
        responseFor: { organId: to, documentId },
        from: { organId: from.code, organName: from.name },
        statusCode,
        timestamp: toVietnamTimestamp(new Date(now + offset)),
      });
      hold('status', to, Buffer.from(xml));
    }
  };

  app.get('/agencies', { config, schema }, async () => ({
    items: [
      ...SIMULATED_AXIS_AGENCIES,
      ...[...registered.keys()].map((code) => ({ code, name: `Cơ quan ${code}` })),
    ],
  }));

  app.post('/agencies/register', { config, schema }, async (request) => {
    const { codes } = request.body as { codes: string[] };
    for (const code of codes) registered.set(code, String(request.headers.systemid));
    return { registered: codes.length };
  });

  app.post('/edocs', { config, schema }, async (request, reply) => {
    const body = request.body as Buffer;
    const type = (request.query as { type?: string }).type === 'status' ? 'status' : 'edoc';
    if (type === 'status') {
      const parsed = parseEdxmlStatus(body);
      if (!parsed.ok) return reply.status(400).send({ errors: parsed.errors });
      return { docId: hold('status', parsed.status.responseFor.organId, body) };
    }
    const parsed = parseEdxml(body);
    if (!parsed.ok) return reply.status(400).send({ errors: parsed.errors });
    const header = parsed.envelope.messageHeader;
    let docId = '';
    for (const to of header.to) {
      const ministry = SIMULATED_AXIS_AGENCIES.find((agency) => agency.code === to.organId);
      if (ministry) answer(ministry, header.from.organId, header.documentId);
      else docId = hold('edoc', to.organId, body);
    }
    return { docId: docId || randomUUID() };
  });

  app.get('/edocs/received', { config, schema }, async (request) => {
    const system = String(request.headers.systemid);
    return {
      items: held
        .filter((item) => !item.done && registered.get(item.to) === system)
        .map((item) => ({ docId: item.docId, kind: item.kind })),
    };
  });

  app.get('/edocs/:docId', { config, schema }, async (request, reply) => {
    const item = held.find((candidate) => candidate.docId === (request.params as { docId: string }).docId);
    if (!item) return reply.status(404).send({ error: 'not found' });
    return reply.type('application/xml').send(item.body);
  });

  app.post('/edocs/:docId/status', { config, schema }, async (request, reply) => {
    const item = held.find((candidate) => candidate.docId === (request.params as { docId: string }).docId);
    if (!item) return reply.status(404).send({ error: 'not found' });
    item.done = true;
    return { ok: true };
  });
};
