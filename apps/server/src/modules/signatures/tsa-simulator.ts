import type { FastifyPluginAsync } from 'fastify';
import type { PdfSigner } from './pdf-signer.ts';
import { answerTimestampRequest } from './tsa-authority.ts';

/**
 * The local timestamp authority over HTTP (RFC 3161 §3.4: POST application/timestamp-query, answer
 * application/timestamp-reply), mounted under a prefix such as /simulators/tsa. `signer` gives the
 * TSA's key (the demo's `tsa` key); without one it answers 503.
 */
export const tsaSimulator: FastifyPluginAsync<{ signer: () => Promise<PdfSigner | null> }> = async (
  app,
  options,
) => {
  app.addContentTypeParser(
    'application/timestamp-query',
    { parseAs: 'buffer', bodyLimit: 16 * 1024 },
    (_request, body, done) => {
      done(null, body);
    },
  );
  app.post('/', { config: { access: 'public' } }, async (request, reply) => {
    const signer = await options.signer();
    if (!signer) return reply.status(503).send();
    const answer = await answerTimestampRequest(new Uint8Array(request.body as Buffer), { signer });
    return reply.header('content-type', 'application/timestamp-reply').send(Buffer.from(answer));
  });
};
