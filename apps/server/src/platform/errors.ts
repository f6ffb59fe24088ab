/**
 * One domain error type. Domain code throws AppError with a code; the HTTP edge maps the code to a
 * status once (STATUS_BY_CODE) and renders the message in the caller's language.
 */
export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'idempotency_mismatch',
  'throttled',
  'too_large',
  'unsupported_type',
  'unprocessable',
  'csrf',
  'mfa_setup_required',
  'password_change_required',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_mismatch: 422,
  throttled: 429,
  too_large: 413,
  unsupported_type: 415,
  unprocessable: 422,
  csrf: 403,
  mfa_setup_required: 403,
  password_change_required: 403,
  unavailable: 503,
  internal: 500,
};

export interface FieldIssue {
  field: string;
  /** Message key in platform/messages.ts, with its parameters. */
  key: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly params: Record<string, string | number>;
  constructor(
    code: ErrorCode,
    options: { detail?: string; issues?: FieldIssue[]; params?: Record<string, string | number> } = {},
  ) {
    super(options.detail ?? code);
    this.code = code;
    this.issues = options.issues ?? [];
    this.params = options.params ?? {};
  }
}

export const notFound = (what: string) =>
  new AppError('not_found', { detail: `${what} not found`, params: { what } });
export const conflict = (field: string, key: string, params?: Record<string, string | number>) =>
  new AppError('conflict', { issues: [{ field, key, ...(params ? { params } : {}) }] });
export const invalid = (field: string, key: string, params?: Record<string, string | number>) =>
  new AppError('validation', { issues: [{ field, key, ...(params ? { params } : {}) }] });
