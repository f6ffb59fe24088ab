import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db.ts';
import { readUpload } from '../files/read-upload.ts';
import { signingKeyRoutes } from './routes-keys.ts';
import { VerifyPdfAnswer } from './schemas.ts';
import { MAX_VERIFY_BYTES, verifyUploadedPdf } from './verify-uploaded-pdf.ts';

const tags = ['signatures'];

export const signatureRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  // Registered here, not globally: only this route parses multipart bodies.
  await app.register(multipart, { limits: { files: 1, fields: 0, parts: 1 } });
  await app.register(signingKeyRoutes, { db });

  app.post(
    '/api/public/verify-pdf',
    {
      config: { access: 'public' },
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
