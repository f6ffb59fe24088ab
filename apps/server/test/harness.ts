import { createServer, type AddressInfo } from 'node:net';
import { TOTP } from 'otpauth';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Db } from '../src/platform/db.ts';
import type { App } from '../src/platform/http.ts';
import { DEMO_PASSWORD } from '../src/modules/organisation/seed-demo.ts';
import { openTestDatabase } from './fixture-database.ts';

export { DEMO_PASSWORD };

export interface TestApp {
  app: App;
  database: Awaited<ReturnType<typeof openTestDatabase>>;
  baseUrl: string;
  client(): TestClient;
  /** Signs a demo account in (enrolling MFA first where its role requires it). */
  signedIn(username: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** An HTTP client with a cookie jar and the session's CSRF token, talking to a real listening server. */
export class TestClient {
  readonly baseUrl: string;
  cookie = '';
  csrfToken = '';
  language = 'vi';
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'accept-language': this.language, ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && options.csrf !== false && this.csrfToken)
      headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair?.endsWith('=') ? '' : (pair ?? '');
    }
    const text = await response.text();
    const body = (
      response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text
    ) as T;
    return { status: response.status, body, headers: response.headers };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, { body: body ?? {}, ...(headers ? { headers } : {}) });
  }
  patch<T = Record<string, unknown>>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, { body });
  }
  put<T = Record<string, unknown>>(path: string, body: unknown) {
    return this.request<T>('PUT', path, { body });
  }

  /** Uploads one file as multipart field `file` (POST /api/files and the like). */
  async upload<T = { id: string; name: string; size: number }>(
    path: string,
    file: { bytes: Uint8Array; name: string; type: string },
  ): Promise<Answer<T>> {
    const form = new FormData();
    form.append('file', new File([file.bytes], file.name, { type: file.type }));
    const headers: Record<string, string> = { 'accept-language': this.language };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(this.baseUrl + path, { method: 'POST', headers, body: form });
    const text = await response.text();
    const body = (
      response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text
    ) as T;
    return { status: response.status, body, headers: response.headers };
  }

  async login(
    username: string,
    password = DEMO_PASSWORD,
    totp?: string,
  ): Promise<Answer<{ status: string; session?: { csrfToken: string } }>> {
    const answer = await this.post<{ status: string; session?: { csrfToken: string } }>('/api/auth/login', {
      username,
      password,
      ...(totp ? { totp } : {}),
    });
    if (answer.body.session) this.csrfToken = answer.body.session.csrfToken;
    return answer;
  }
}

export const totpNow = (secret: string) =>
  new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate();

/** A port free right now, for a server that must know its address before it listens. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Signs a demo account in on the server at `baseUrl` (enrolling MFA first where its role requires it;
 * when it is enrolled already, the test reads the secret as the authenticator app would).
 */
export async function signInDemo(baseUrl: string, db: Db, username: string): Promise<TestClient> {
  const c = new TestClient(baseUrl);
  let answer = await c.login(username);
  if (answer.body.status === 'mfa_required') {
    const account = await db
      .selectFrom('account')
      .select('mfa_secret')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    answer = await c.login(username, DEMO_PASSWORD, totpNow(account.mfa_secret ?? ''));
  }
  if (answer.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(answer.body)}`);
  const session = await c.get<{ mfaSetupRequired: boolean }>('/api/auth/session');
  if (session.body.mfaSetupRequired) {
    const setup = await c.post<{ secret: string }>('/api/auth/mfa/setup');
    const enabled = await c.post('/api/auth/mfa/enable', { code: totpNow(setup.body.secret) });
    if (enabled.status !== 200)
      throw new Error(`MFA enrolment of ${username} failed: ${JSON.stringify(enabled.body)}`);
  }
  return c;
}

export async function startTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
    WEB_DIST_DIR: '/nonexistent',
    SIMULATORS: 'true',
    OUTBOX_POLL_MS: '200',
  });
  const app = await buildApp(config, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const client = () => new TestClient(baseUrl);
  return {
    app,
    database,
    baseUrl,
    client,
    signedIn: (username) => signInDemo(baseUrl, database.db, username),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
