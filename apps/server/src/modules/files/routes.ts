import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { deleteOwnFile } from './delete-file.ts';
import { attachmentDisposition } from './file-name.ts';
import { getOwnUnattachedFile } from './get-own-file.ts';
import { readUpload } from './read-upload.ts';
import { getMaxUploadBytes } from './repository.ts';
import type { Scanner } from './scanner.ts';
import { FileIdParams, UploadedFile } from './schemas.ts';
import { uploadFile } from './upload-file.ts';

const tags = ['files'];

export const fileRoutes: FastifyPluginAsyncTypebox<{ db: Db; scanner: Scanner }> = async (
  app,
  { db, scanner },
) => {
  // Registered here, not globally: only these routes parse multipart bodies. Limits are set per request.
  await app.register(multipart, { limits: { files: 1, fields: 0, parts: 1 } });

  app.post(
    '/api/files',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Upload one file (multipart field "file"): PDF, JPEG, PNG, DOCX or XLSX up to files.maxBytes, virus-scanned before it is stored; 413 too large, 415 refused type, 422 infected, 503 scanner unavailable',
        consumes: ['multipart/form-data'],
        response: { 201: UploadedFile },
      },
    },
    async (request, reply) => {
      const maxBytes = await getMaxUploadBytes(db);
      const upload = await readUpload(request, maxBytes);
      const principal = principalOf(request);
      const file = await uploadFile(db, {
        upload,
        ownerAccountId: principal.accountId,
        actor: actorOf(request),
        scanner,
        maxBytes,
      });
      if (file.scanner === 'builtin')
        request.log.warn({ fileId: file.id }, 'scanned by the built-in matcher only');
      return reply.status(201).send({
        id: file.id,
        name: file.name,
        mediaType: file.mediaType,
        size: file.size,
        sha256: file.sha256,
      });
    },
  );

  app.get(
    '/api/files/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Download one of your own files not yet attached to a dossier (attached files are served by the dossier)',
        params: FileIdParams,
        response: {
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'The bytes, as uploaded',
          }),
        },
      },
    },
    async (request, reply) => {
      const file = await getOwnUnattachedFile(db, {
        id: request.params.id,
        accountId: principalOf(request).accountId,
      });
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.delete(
    '/api/files/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Delete one of your own files not yet attached to a dossier',
        params: FileIdParams,
        response: { 204: Type.Null({ description: 'Deleted' }) },
      },
    },
    async (request, reply) => {
      await deleteOwnFile(db, { id: request.params.id, accountId: principalOf(request).accountId });
      return reply.status(204).send(null);
    },
  );
};
