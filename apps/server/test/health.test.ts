import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('operations', () => {
  it('reports health with the database reachable and every migration applied', async () => {
    const answer = await t.client().get('/api/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'ok',
      database: { reachable: true },
      migrations: { pending: 0 },
    });
    expect((answer.body as { migrations: { applied: number } }).migrations.applied).toBeGreaterThanOrEqual(2);
  });

  it('echoes a valid x-request-id and invents one otherwise', async () => {
    const given = await t
      .client()
      .request('GET', '/api/health', { headers: { 'x-request-id': 'trace-12345678' } });
    expect(given.headers.get('x-request-id')).toBe('trace-12345678');
    const invented = await t
      .client()
      .request('GET', '/api/health', { headers: { 'x-request-id': 'bad id!' } });
    expect(invented.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes Prometheus metrics including request durations by route', async () => {
    await t.client().get('/api/health');
    const answer = await t.client().get<string>('/metrics');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('tinhso_http_request_duration_seconds_bucket');
    expect(answer.body).toContain('route="/api/health"');
  });

  it('publishes an OpenAPI 3 document generated from the route schemas', async () => {
    const answer = await t
      .client()
      .get<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>(
        '/api/openapi.json',
      );
    expect(answer.body.openapi).toMatch(/^3\./);
    expect(Object.keys(answer.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/org/agencies', '/api/audit/events']),
    );
    expect(answer.body.paths['/api/org/agencies']?.post?.requestBody).toBeDefined();
    const docs = await t.client().get<string>('/api/docs/');
    expect(docs.status).toBe(200);
  });

  it('answers an unknown API path with a JSON 404 in the caller’s language', async () => {
    const client = t.client();
    client.language = 'en';
    const answer = await client.get<{ code: string; message: string; correlationId: string }>(
      '/api/nothing-here',
    );
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'not_found', message: 'Not found.' });
    expect(answer.body.correlationId).toBe(answer.headers.get('x-request-id'));
  });

  it('refuses at start a route that declares no access', async () => {
    const { createHttp } = await import('../src/platform/http.ts');
    const { installGuard } = await import('../src/platform/guard.ts');
    const app = createHttp({ logLevel: 'silent', trustProxy: false });
    installGuard(app, () => Promise.resolve(null));
    expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/declares no access/);
    await app.close();
  });
});

describe('request validation', () => {
  it('coerces query strings but never a JSON body: null stays null, a number is not a name', async () => {
    const admin = await t.signedIn('quantri');
    const listed = await admin.get<{ items: { id: string; shortName: string | null }[] }>(
      '/api/org/agencies?limit=1',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    const id = listed.body.items[0]!.id;
    const cleared = await admin.patch<{ shortName: string | null }>(`/api/org/agencies/${id}`, {
      shortName: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.shortName).toBeNull();
    const numeric = await admin.patch(`/api/org/agencies/${id}`, { name: 123 });
    expect(numeric.status).toBe(400);
    expect(numeric.body).toMatchObject({ issues: [{ field: 'name' }] });
  });
});
