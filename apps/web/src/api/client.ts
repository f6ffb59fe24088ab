import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { ErrorBody } from '@tinhso/contracts';
import { i18n } from '../i18n/index.ts';

/** One problem with one input field, as the server reports it. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Any failed call: an error answer of the server, a network failure, or an answer not in the contract. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly FieldIssue[];
  readonly correlationId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    issues?: readonly FieldIssue[];
    correlationId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.correlationId = init.correlationId ?? null;
  }
}

/**
 * The server names fields as a JSON pointer ("/successor/code"), a dotted path ("successor.code"),
 * sometimes prefixed by the part of the request ("body.successor.code"); forms use the dotted path.
 */
export function fieldPath(field: string): string {
  return field
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^(body|query|params)\./, '');
}

/**
 * The message about one field, to show beside it. The server's message may start with the
 * field's path ("phone: sai định dạng") for the list at the top; beside the field that is noise.
 */
export function issueFor(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const issue = error.issues.find((candidate) => fieldPath(candidate.field) === field);
  if (!issue) return undefined;
  const prefixes = [issue.field, fieldPath(issue.field)].map((path) => `${path}:`);
  const prefix = prefixes.find((candidate) => issue.message.startsWith(candidate));
  return prefix ? issue.message.slice(prefix.length).trimStart() : issue.message;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

interface ClientHooks {
  csrfToken: string | null;
  /** Called when a call outside /api/auth/ answers 401: the server has ended the session. */
  onSessionLost: (() => void) | null;
}

const hooks: ClientHooks = { csrfToken: null, onSessionLost: null };

export function setCsrfToken(token: string | null): void {
  hooks.csrfToken = token;
}

export function setSessionLostHandler(handler: (() => void) | null): void {
  hooks.onSessionLost = handler;
}

export function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFrom(response: Response, body: unknown): ApiError {
  if (Value.Check(ErrorBody, body)) {
    return new ApiError({ status: response.status, ...body });
  }
  const key = response.status === 429 ? 'errors.throttled' : 'errors.unexpected';
  return new ApiError({
    status: response.status,
    code: `http_${String(response.status)}`,
    message: i18n.t(key),
    correlationId: response.headers.get('x-request-id'),
  });
}

async function send(method: Method, path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language };
  if (method !== 'GET') {
    if (hooks.csrfToken) headers['x-csrf-token'] = hooks.csrfToken;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: 'network', message: i18n.t('errors.network') });
  }
  const parsed = await readJson(response);
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/auth/')) hooks.onSessionLost?.();
    throw errorFrom(response, parsed);
  }
  return parsed;
}

/** Checks an answer against its contract schema, so a drift between server and web shows at once. */
function expectShape<S extends TSchema>(schema: S, value: unknown, where: string): Static<S> {
  if (Value.Check(schema, value)) return value;
  console.error(`Answer of ${where} does not match the contract`, Value.Errors(schema, value).slice(0, 5));
  throw new ApiError({ status: 200, code: 'invalid_response', message: i18n.t('errors.invalidResponse') });
}

export async function apiGet<S extends TSchema>(
  schema: S,
  path: string,
  options: { query?: Query; signal?: AbortSignal } = {},
): Promise<Static<S>> {
  const url = withQuery(path, options.query);
  return expectShape(schema, await send('GET', url, undefined, options.signal), `GET ${path}`);
}

export async function apiSend<S extends TSchema>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body: unknown,
  schema: S,
): Promise<Static<S>> {
  return expectShape(schema, await send(method, path, body), `${method} ${path}`);
}

/** A change whose answer the web does not use (sign-out, password change, ending an appointment). */
export async function apiCommand(
  method: Exclude<Method, 'GET'>,
  path: string,
  body?: unknown,
): Promise<void> {
  await send(method, path, body);
}

/** A multipart POST or PUT (e.g. a file in field `file`), its answer checked against the contract schema. */
export async function apiSendForm<S extends TSchema>(
  path: string,
  form: FormData,
  schema: S,
  method: 'POST' | 'PUT' = 'POST',
): Promise<Static<S>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language };
  if (hooks.csrfToken) headers['x-csrf-token'] = hooks.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: i18n.t('errors.network') });
  }
  const parsed = await readJson(response);
  if (!response.ok) throw errorFrom(response, parsed);
  return expectShape(schema, parsed, `${method} ${path}`);
}
