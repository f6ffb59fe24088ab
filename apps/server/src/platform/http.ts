import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { AppError, STATUS_BY_CODE, type FieldIssue } from './errors.ts';
import { errorMessage, fieldMessage, pickLanguage, type Language } from './messages.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Turns ajv's errors into one issue per field, named by its dotted path. */
export function issuesFromValidation(errors: AjvError[]): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const error of errors) {
    const base = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const join = (name: unknown) => (base ? `${base}.${String(name)}` : String(name));
    let issue: FieldIssue;
    switch (error.keyword) {
      case 'required':
        issue = { field: join(error.params.missingProperty), key: 'required' };
        break;
      case 'additionalProperties':
        issue = { field: join(error.params.additionalProperty), key: 'unknown_field' };
        break;
      case 'type':
        issue = { field: base, key: 'type', params: { type: String(error.params.type) } };
        break;
      case 'enum':
        issue = {
          field: base,
          key: 'enum',
          params: { allowed: (error.params.allowedValues as unknown[]).join(', ') },
        };
        break;
      case 'const':
        issue = { field: base, key: 'const', params: { allowed: String(error.params.allowedValue) } };
        break;
      case 'pattern':
        issue = { field: base, key: 'pattern', params: { pattern: String(error.params.pattern) } };
        break;
      case 'format':
        issue = { field: base, key: 'format', params: { format: String(error.params.format) } };
        break;
      case 'minLength':
      case 'maxLength':
      case 'minimum':
      case 'maximum':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
        issue = { field: base, key: error.keyword, params: { limit: Number(error.params.limit) } };
        break;
      case 'uniqueItems':
        issue = { field: base, key: 'uniqueItems' };
        break;
      default:
        issue = { field: base, key: 'invalid' };
    }
    const known = byField.get(issue.field);
    // Unions report one error per branch and then 'anyOf'; the first specific one says the most.
    if (!known || (known.key === 'invalid' && issue.key !== 'invalid')) byField.set(issue.field, issue);
  }
  return [...byField.values()];
}

export function renderError(error: AppError, language: Language, correlationId: string) {
  const issues = error.issues.map((issue) => ({
    field: issue.field,
    message: `${issue.field}: ${fieldMessage(language, issue.key, issue.params)}`,
  }));
  const message = errorMessage(language, error.code, {
    ...error.params,
    correlationId,
    issues: issues.map((issue) => issue.message).join('; '),
  });
  return { code: error.code, message, ...(issues.length ? { issues } : {}), correlationId };
}

function toAppError(error: FastifyError & { validation?: AjvError[] }): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) return new AppError('validation', { issues: issuesFromValidation(error.validation) });
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('validation', {
      issues: [{ field: 'body', key: 'type', params: { type: 'object' } }],
    });
  }
  if (error.statusCode === 400)
    return new AppError('validation', { issues: [{ field: 'body', key: 'invalid' }] });
  if (error.statusCode === 413)
    return new AppError('validation', {
      issues: [{ field: 'body', key: 'maxLength', params: { limit: 1_048_576 } }],
    });
  if (error.statusCode === 429) {
    // @fastify/rate-limit on a route: "try again in N seconds" is in its message; the header is set.
    return new AppError('throttled', { detail: error.message });
  }
  if ((error as { code?: string }).code === '23505')
    return new AppError('conflict', { detail: error.message });
  return new AppError('internal', { detail: error.message });
}

function createFastify(options: HttpOptions) {
  return Fastify({
    // Over HTTPS when given a certificate (peers exchanging documents, ADR 0021); plain HTTP behind a proxy otherwise.
    // The type stays the HTTP server's: an https.Server offers the same surface here (address, close).
    ...((options.https ? { https: options.https } : {}) as object),
    logger: { level: options.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    trustProxy: options.trustProxy,
    requestIdHeader: false, // genReqId reads and checks the header itself
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();
}

export type App = ReturnType<typeof createFastify>;

/**
 * Query strings, params and headers arrive as text, so their validator turns '20' into 20. A JSON
 * body already has types: coercing it would turn null into '' or 0 and 123 into '123', silently
 * changing what the caller meant, so the body's validator never coerces.
 */
function createValidatorCompiler() {
  const options = { removeAdditional: false, allErrors: true, useDefaults: true, strict: false } as const;
  const body = new Ajv({ ...options, coerceTypes: false });
  const text = new Ajv({ ...options, coerceTypes: 'array' });
  addFormats.default(body);
  addFormats.default(text);
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) =>
    (httpPart === 'body' ? body : text).compile(schema);
}

export interface HttpOptions {
  logLevel: string;
  trustProxy: boolean;
  https?: { cert: string; key: string };
}

export function createHttp(options: HttpOptions): App {
  const app = createFastify(options);
  app.setValidatorCompiler(createValidatorCompiler());
  app.decorateRequest('principal', null);
  app.decorateRequest('language', 'vi');
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    request.language = pickLanguage(request.headers['accept-language']);
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    const status = STATUS_BY_CODE[appError.code];
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (appError.code === 'throttled' && appError.params.retryAfter !== undefined) {
      void reply.header('retry-after', String(appError.params.retryAfter));
    }
    return reply.status(status).send(renderError(appError, request.language, request.id));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(renderError(new AppError('not_found'), request.language, request.id)),
  );

  void app.register(cookie);
  void app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
      },
    },
  });
  return app;
}
