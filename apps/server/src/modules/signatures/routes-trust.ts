import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { IdParams } from '@tinhso/contracts';
import { Type } from 'typebox';
import type { Db } from '../../platform/db.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { resolveAgencyScope } from '../../platform/scope.ts';
import { readFormUpload } from './read-form-upload.ts';
import { TrustAnchorList, TrustAnchorOcspBody, TrustAnchorSchema, TrustCrlSchema } from './schemas.ts';
import {
  addCrl,
  addTrustAnchor,
  derFromUpload,
  removeTrustAnchor,
  setTrustAnchorOcsp,
  toTrustAnchorView,
} from './trust-list.ts';

const tags = ['signatures'];
/** Roots and CRLs: a root is a few KiB; a national CA's CRL can reach a few MiB. */
const MAX_TRUST_BYTES = 8 * 1024 * 1024;

/** The trust list is the province's: only a province-wide signature.manage changes it. */
async function assertProvinceWide(db: Db, request: FastifyRequest): Promise<void> {
  const scope = await resolveAgencyScope(db, principalOf(request), 'signature.manage');
  if (!scope.all) throw new AppError('forbidden');
}

/** The trust list: roots signatures must chain to, and CRLs (signature.manage, province-wide). */
export const trustListRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/signatures/trust-anchors',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary: 'The trusted roots, those removed included (removedAt)',
        response: { 200: TrustAnchorList },
      },
    },
    async () => {
      const rows = await db
        .selectFrom('trust_anchor')
        .selectAll()
        .orderBy('added_at')
        .orderBy('id')
        .execute();
      return { items: rows.map(toTrustAnchorView) };
    },
  );

  app.post(
    '/api/signatures/trust-anchors',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary: 'Trust a root certificate (multipart: file DER or PEM, name); 409 when already trusted',
        consumes: ['multipart/form-data'],
        response: { 201: TrustAnchorSchema },
      },
    },
    async (request, reply) => {
      const { bytes, fields } = await readFormUpload(request, {
        maxBytes: MAX_TRUST_BYTES,
        fields: ['name'] as const,
      });
      const name = fields.name?.trim() ?? '';
      if (name.length < 3 || name.length > 200) throw invalid('name', 'minLength', { limit: 3 });
      await assertProvinceWide(db, request);
      const anchor = await runCommand(db, request, (tx) =>
        addTrustAnchor(tx, { name, certificate: derFromUpload(bytes), actor: actorOf(request) }),
      );
      return reply.status(201).send(anchor);
    },
  );

  app.delete(
    '/api/signatures/trust-anchors/:id',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary: 'Stop trusting a root: signatures chaining to it are no longer valid (404 when not trusted)',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await assertProvinceWide(db, request);
      await runCommand(db, request, (tx) =>
        removeTrustAnchor(tx, { id: request.params.id, actor: actorOf(request) }),
      );
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/signatures/trust-anchors/:id/ocsp',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary:
          'Set or clear the OCSP responder of a trusted root (url null: CRLs only, unless useAia); 404 when not trusted',
        params: IdParams,
        body: TrustAnchorOcspBody,
        response: { 200: TrustAnchorSchema },
      },
    },
    async (request) => {
      await assertProvinceWide(db, request);
      return runCommand(db, request, (tx) =>
        setTrustAnchorOcsp(tx, {
          id: request.params.id,
          url: request.body.url,
          useAia: request.body.useAia,
          actor: actorOf(request),
        }),
      );
    },
  );

  app.post(
    '/api/signatures/trust-crls',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary:
          'Add a CRL (multipart file, DER or PEM); verification uses those current at the time of a check',
        consumes: ['multipart/form-data'],
        response: { 201: TrustCrlSchema },
      },
    },
    async (request, reply) => {
      const { bytes } = await readFormUpload(request, { maxBytes: MAX_TRUST_BYTES, fields: [] });
      await assertProvinceWide(db, request);
      const crl = await runCommand(db, request, (tx) =>
        addCrl(tx, { crl: derFromUpload(bytes), actor: actorOf(request) }),
      );
      return reply.status(201).send(crl);
    },
  );
};
