import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import {
  DossierFileParams,
  DossierFormParams,
  DossierStatistics,
  RegisterQuery,
  StatisticsQuery,
} from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { inScope, resolveAgencyScope } from '../../platform/scope.ts';
import { attachmentDisposition } from '../files/file-name.ts';
import { readFile } from '../files/read-file.ts';
import { callerOf, loadVisibleDossier, reaches } from './access.ts';
import { formIssuer, printDossierForm, printRegister } from './print-forms.ts';
import { sealIssuedPdf } from '../signatures/seal-issued-pdf.ts';
import { computeStatistics } from './statistics.ts';

const tags = ['dossiers'];

/**
 * What a dossier prints and hands out: its forms and the register as PDF, its files, and the figures
 * of a period. Registered by dossierRoutes.
 */
export const dossierDocumentRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const pdf = (reply: FastifyReply, name: string, bytes: Uint8Array) =>
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${name}"`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(bytes));

  app.get(
    '/api/dossiers/:id/forms/:form',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'A one-stop form of the dossier as a printable PDF (01 receipt … 06 control slip); 409 if its history has none',
        params: DossierFormParams,
      },
    },
    async (request, reply) => {
      const caller = await callerOf(db, request.principal!);
      const { loaded } = await loadVisibleDossier(db, caller, request.params.id);
      const origin = `${request.protocol}://${request.host}`;
      const printed = await printDossierForm(db, loaded, request.params.form, origin);
      // Sealed by the agency that issues the form, when it holds a seal key (signatures module).
      const { pdf: bytes } = await sealIssuedPdf(db, {
        pdf: printed,
        agencyId: formIssuer(loaded.row, request.params.form),
        label: `Mẫu ${request.params.form} hồ sơ ${loaded.row.code ?? ''}`.trim(),
        reason: 'Phát hành biểu mẫu một cửa',
      });
      return pdf(reply, `mau-${request.params.form}-${loaded.row.code ?? loaded.row.id}.pdf`, bytes);
    },
  );

  app.get(
    '/api/dossiers/:id/files/:fileId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Download a component or the result of a dossier the caller may see',
        params: DossierFileParams,
      },
    },
    async (request, reply) => {
      const caller = await callerOf(db, request.principal!);
      await loadVisibleDossier(db, caller, request.params.id);
      const attached = await db
        .selectFrom('dossier_file')
        .select(['file_id', 'purpose'])
        .where('dossier_id', '=', request.params.id)
        .where('file_id', '=', request.params.fileId)
        .executeTakeFirst();
      if (!attached) throw notFound('file');
      const file = await readFile(db, request.params.fileId);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.get(
    '/api/dossiers/statistics',
    {
      config: { access: 'dossier.stats' },
      schema: {
        tags,
        summary:
          'Figures of the dossiers received in a period in my reach: QĐ 766 indicators, NĐ 224 dashboard, TT 01/2018 indices, on-time counts',
        querystring: StatisticsQuery,
        response: { 200: DossierStatistics },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      if (to < from) throw invalid('to', 'date_order');
      const scope = await resolveAgencyScope(db, request.principal!, 'dossier.stats');
      const { agencyId } = request.query;
      if (agencyId === undefined) return computeStatistics(db, scope, from, to);
      // One agency's figures: only within the caller's reach, else 404 as for an unknown agency.
      if (!inScope(scope, agencyId)) throw notFound('agency');
      return computeStatistics(db, { all: false, agencyIds: [agencyId] }, from, to);
    },
  );

  app.get(
    '/api/dossiers/register',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags,
        summary:
          'The dossier register (Sổ theo dõi hồ sơ, form 07) of a receiving agency for a period, as PDF',
        querystring: RegisterQuery,
      },
    },
    async (request, reply) => {
      const caller = await callerOf(db, request.principal!);
      const { agencyId, from, to } = request.query;
      if (!reaches(caller, 'dossier.read', agencyId)) throw notFound('agency');
      return pdf(reply, `so-theo-doi-${from}-${to}.pdf`, await printRegister(db, agencyId, from, to));
    },
  );
};
