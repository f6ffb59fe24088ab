import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '@tinhso/contracts';
import { Type } from 'typebox';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { resolveAgencyScope } from '../../platform/scope.ts';
import { readSigningKeyFile, storeSigningKey } from './enrol-signing-key.ts';
import { resolveKeyOwner } from './key-owner.ts';
import { readFormUpload } from './read-form-upload.ts';
import { listSigningKeys } from './repository.ts';
import { revokeSigningKey } from './revoke-signing-key.ts';
import { MAX_SIGNATURE_IMAGE_BYTES, readSignatureImage, storeSignatureImage } from './signature-image.ts';
import { RevokeKeyBody, SigningKeyList, SigningKeyQuery, SigningKeySchema } from './schemas.ts';

const tags = ['signatures'];
/** A PKCS#12 file holds a key and a few certificates: a few KiB. */
const MAX_PKCS12_BYTES = 256 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function optionalUuid(field: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!UUID.test(value)) throw invalid(field, 'format', { format: 'uuid' });
  return value;
}

/** The signing keys of officials and agencies (signature.manage: the system administrator). */
export const signingKeyRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/signatures/keys',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary:
          'Enrol a PKCS#12 file (multipart: file, password, kind personal|seal, officialId or agencyId); the key is stored encrypted',
        consumes: ['multipart/form-data'],
        response: { 201: SigningKeySchema },
      },
    },
    async (request, reply) => {
      const { bytes, fields } = await readFormUpload(request, {
        maxBytes: MAX_PKCS12_BYTES,
        fields: ['password', 'kind', 'officialId', 'agencyId'] as const,
      });
      if (fields.kind !== 'personal' && fields.kind !== 'seal') {
        throw invalid('kind', 'enum', { allowed: 'personal, seal' });
      }
      if (fields.password === undefined) throw invalid('password', 'required');
      const scope = await resolveAgencyScope(db, principalOf(request), 'signature.manage');
      const owner = await resolveKeyOwner(db, {
        kind: fields.kind,
        officialId: optionalUuid('officialId', fields.officialId),
        agencyId: optionalUuid('agencyId', fields.agencyId),
        scope,
      });
      const material = readSigningKeyFile(bytes, fields.password);
      const key = await runCommand(db, request, (tx) =>
        storeSigningKey(tx, { owner, material, actor: actorOf(request) }),
      );
      return reply.status(201).send(key);
    },
  );

  app.put(
    '/api/signatures/officials/:id/signature-image',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary:
          'Store the official’s signature image (multipart file: a PNG with a transparent background, up to 512 KiB) drawn in their visible signatures',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { bytes } = await readFormUpload(request, { maxBytes: MAX_SIGNATURE_IMAGE_BYTES, fields: [] });
      const scope = await resolveAgencyScope(db, principalOf(request), 'signature.manage');
      await resolveKeyOwner(db, { kind: 'personal', officialId: request.params.id, scope });
      const size = await readSignatureImage(bytes);
      await runCommand(db, request, (tx) =>
        storeSignatureImage(tx, {
          officialId: request.params.id,
          png: bytes,
          ...size,
          actor: actorOf(request),
        }),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/signatures/keys',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary: 'The signing keys in reach, newest first (certificate details only, never a secret)',
        querystring: SigningKeyQuery,
        response: { 200: SigningKeyList },
      },
    },
    async (request) => {
      const scope = await resolveAgencyScope(db, principalOf(request), 'signature.manage');
      return { items: await listSigningKeys(db, { scope, ...request.query }) };
    },
  );

  app.post(
    '/api/signatures/keys/:id/revoke',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary: 'Withdraw a signing key: it signs nothing more (404 out of reach, 409 already revoked)',
        params: IdParams,
        body: RevokeKeyBody,
        response: { 200: SigningKeySchema },
      },
    },
    async (request) => {
      const scope = await resolveAgencyScope(db, principalOf(request), 'signature.manage');
      return runCommand(db, request, (tx) =>
        revokeSigningKey(tx, {
          id: request.params.id,
          reason: request.body.reason,
          scope,
          actor: actorOf(request),
        }),
      );
    },
  );
};
