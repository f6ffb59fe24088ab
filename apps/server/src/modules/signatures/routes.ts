import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db.ts';
import { readUpload } from '../files/read-upload.ts';
import rateLimit from '@fastify/rate-limit';
import { signingKeyRoutes } from './routes-keys.ts';
import { trustListRoutes } from './routes-trust.ts';
import { VerifyPdfAnswer } from './schemas.ts';
import { MAX_VERIFY_BYTES, verifyUploadedPdf } from './verify-uploaded-pdf.ts';

const tags = ['signatures'];

export const signatureRoutes: FastifyPluginAsyncTypebox<{ db: Db; verificationsPerMinute?: number }> = async (
  app,
  { db, verificationsPerMinute },
) => {
  // Registered here, not globally: only this route parses multipart bodies.
  await app.register(multipart, { limits: { files: 1, fields: 0, parts: 1 } });
  await app.register(rateLimit, { global: false });
  await app.register(signingKeyRoutes, { db });
  await app.register(trustListRoutes, { db });

  app.post(
    '/api/public/verify-pdf',
    {
      // Verification costs CPU (tens of ms a signature): limited per client address.
      config: { access: 'public', rateLimit: { max: verificationsPerMinute ?? 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Verify the digital signatures of a PDF (multipart field "file", up to 20 MB) against the trust list: one report per signature; 413 too large, 415 not a PDF, 400 unreadable, 422 no signature',
        consumes: ['multipart/form-data'],
        response: { 200: VerifyPdfAnswer },
      },
    },
    async (request) => {
      const upload = await readUpload(request, MAX_VERIFY_BYTES);
      return { signatures: await verifyUploadedPdf(db, upload.bytes) };
    },
  );
};
