import { Type, type Static } from 'typebox';

export const Uuid = Type.String({ format: 'uuid', description: 'Identifier (UUID)' });
export const IsoDate = Type.String({ format: 'date', description: 'Calendar date, YYYY-MM-DD' });
export const IsoDateTime = Type.String({ format: 'date-time', description: 'Instant, ISO 8601 with offset' });
export const NonEmpty = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

/** The body of every error answer. `issues` is for machines; `message` is for people, in their language. */
export const ErrorBody = Type.Object({
  code: Type.String({ description: 'Stable error code, e.g. validation, not_found, forbidden' }),
  message: Type.String({ description: 'A sentence for people, in the language of the request' }),
  issues: Type.Optional(
    Type.Array(
      Type.Object({
        field: Type.String({ description: 'Path of the field, e.g. applicant.idNumber' }),
        message: Type.String(),
      }),
    ),
  ),
  correlationId: Type.String({ description: 'The request id, also in the x-request-id header and logs' }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const Ok = Type.Object({ ok: Type.Literal(true) });

/** Limits shared by the web app and the server. */
export const LIMITS = {
  nameMax: 300,
  codeMax: 40,
  passwordMin: 8,
  passwordMax: 200,
  pageSizeMax: 200,
} as const;

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

/**
 * What each pattern expects, in words, for people: the server puts these in validation messages and
 * the web app may show them as hints. Keyed by the pattern itself.
 */
export const PATTERN_HINTS: Record<string, { vi: string; en: string }> = {
  '^[0-9]{12}$': { vi: '12 chữ số', en: '12 digits' },
  '^[a-z][a-z0-9_]{1,39}$': {
    vi: '2–40 ký tự a-z, 0-9, gạch dưới, bắt đầu bằng chữ',
    en: '2–40 of a-z, 0-9, underscore, starting with a letter',
  },
  '^[0-9]{6}$': { vi: '6 chữ số', en: '6 digits' },
  '^0[0-9]{9}$': { vi: '10 chữ số, bắt đầu bằng 0', en: '10 digits starting with 0' },
  '^[a-z0-9._-]{3,60}$': {
    vi: '3–60 ký tự a-z, 0-9, dấu chấm, gạch dưới, gạch ngang',
    en: '3–60 of a-z, 0-9, dot, underscore, hyphen',
  },
  '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-K][0-9]{2}$': {
    vi: 'dạng 000.00.00.H00, ví dụ 000.00.14.H20',
    en: 'the form 000.00.00.H00, e.g. 000.00.14.H20',
  },
};
