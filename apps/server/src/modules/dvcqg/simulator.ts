import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { todayInVietnam } from '../../platform/time.ts';
import { portalTime } from './build-payload.ts';

/**
 * A stand-in for Cổng DVCQG, for development, demos and tests: mount it at /simulators/dvcqg only
 * when simulators are enabled. It speaks portal-client.ts's protocol: it checks the token, checks the
 * required fields of each status document (answering an error code that names the field), keeps the
 * latest state per MaHoSo, lists what it holds, and hands out dossiers "filed on the portal" once.
 * For tests it can be told to fail the next requests. Its memory is the process's.
 */
export interface DvcqgSimulatorOptions {
  token: string;
}

interface Held {
  document: Record<string, unknown>;
  updatedAt: Date;
}

/** Error codes of the simulated portal: 0 accepted, 1 a field missing or wrong, 99 the portal failing. */
export const SIMULATED_CODES = { accepted: '0', invalidField: '1', failure: '99' } as const;

const STAMP = /^\d{14}$/;
/** Required in every document, and NgayTiepNhan once the dossier is received (not for 1, 3 or 7). */
const REQUIRED = [
  'MaHoSo',
  'MaTTHC',
  'NgayNopHoSo',
  'TrangThaiHoSo',
  'KenhThucHien',
  'HoTen',
  'MaCoQuan',
] as const;
const WITHOUT_RECEIPT = new Set([1, 3, 7]);

const AnyBody = Type.Unknown();
const config = { access: 'public' as const };
const hidden = { hide: true, tags: ['simulators'] };

/** The first field of a status document that is missing or wrong, or null. */
export function invalidField(document: unknown): string | null {
  if (typeof document !== 'object' || document === null) return 'data';
  const fields = document as Record<string, unknown>;
  for (const name of REQUIRED) {
    const value = fields[name];
    if (value === undefined || value === null || value === '') return name;
  }
  const status = fields.TrangThaiHoSo;
  if (!Number.isInteger(status) || (status as number) < 1 || (status as number) > 10) return 'TrangThaiHoSo';
  if (![1, 2, 3].includes(fields.KenhThucHien as number)) return 'KenhThucHien';
  if (typeof fields.NgayNopHoSo !== 'string' || !STAMP.test(fields.NgayNopHoSo)) return 'NgayNopHoSo';
  if (
    !WITHOUT_RECEIPT.has(status as number) &&
    !(typeof fields.NgayTiepNhan === 'string' && STAMP.test(fields.NgayTiepNhan))
  )
    return 'NgayTiepNhan';
  if (!Array.isArray(fields.TaiLieuNop)) return 'TaiLieuNop';
  if (!Array.isArray(fields.QuaTrinhXuLy)) return 'QuaTrinhXuLy';
  return null;
}

export const dvcqgSimulator: FastifyPluginAsyncTypebox<DvcqgSimulatorOptions> = async (app, options) => {
  const held = new Map<string, Held>();
  const submitted: unknown[] = [];
  let failNext = 0;
  const expected = Buffer.from(`Bearer ${options.token}`);

  const isAuthorised = (request: FastifyRequest) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  /** Answers 401 or a simulated failure; true when the request may go on. */
  const admit = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (!isAuthorised(request)) {
      void reply.status(401).send({ error_code: '401', message: 'Token không hợp lệ' });
      return false;
    }
    if (failNext > 0) {
      failNext -= 1;
      void reply
        .status(503)
        .send({ error_code: SIMULATED_CODES.failure, message: 'Hệ thống đang bận (mô phỏng)' });
      return false;
    }
    return true;
  };

  app.post('/dongbohoso', { config, schema: { ...hidden, body: AnyBody } }, async (request, reply) => {
    if (!admit(request, reply)) return reply;
    const data = (request.body as { data?: unknown } | null)?.data;
    if (!Array.isArray(data) || data.length === 0)
      return { error_code: SIMULATED_CODES.invalidField, message: 'Thiếu trường: data' };
    for (const [index, document] of data.entries()) {
      const field = invalidField(document);
      if (field)
        return {
          error_code: SIMULATED_CODES.invalidField,
          message: `Thiếu hoặc sai trường: data[${index}].${field}`,
        };
    }
    const now = new Date();
    for (const document of data as Record<string, unknown>[])
      held.set(String(document.MaHoSo), { document, updatedAt: now });
    return { error_code: SIMULATED_CODES.accepted, message: 'Thành công' };
  });

  app.get(
    '/hoso',
    {
      config,
      schema: {
        ...hidden,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date' })),
          to: Type.Optional(Type.String({ format: 'date' })),
          madonvi: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      if (!admit(request, reply)) return reply;
      const { from, to } = request.query;
      const data = [...held.values()]
        .filter(({ updatedAt }) => {
          const day = todayInVietnam(updatedAt);
          return (!from || day >= from) && (!to || day <= to);
        })
        .map(({ document, updatedAt }) => ({ ...document, NgayCapNhat: portalTime(updatedAt) }));
      return { error_code: SIMULATED_CODES.accepted, data };
    },
  );

  app.get(
    '/layhoso',
    { config, schema: { ...hidden, querystring: Type.Record(Type.String(), Type.String()) } },
    async (request, reply) => {
      if (!admit(request, reply)) return reply;
      // Each dossier filed on the portal is handed out once (the real portal answers by time).
      return { error_code: SIMULATED_CODES.accepted, data: submitted.splice(0, submitted.length) };
    },
  );

  app.post(
    '/fail-next',
    {
      config,
      schema: { ...hidden, body: Type.Object({ count: Type.Integer({ minimum: 0, maximum: 1000 }) }) },
    },
    async (request) => {
      failNext = request.body.count;
      return { failNext };
    },
  );

  app.post('/submitted', { config, schema: { ...hidden, body: AnyBody } }, async (request, reply) => {
    submitted.push(request.body);
    return reply.status(202).send({ queued: submitted.length });
  });
};
