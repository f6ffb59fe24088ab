import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestApp, totpNow, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const citizen = (n: number) => ({
  personalId: `0870990${String(n).padStart(5, '0')}`,
  fullName: 'Trần Văn Thử',
  phone: `09${String(n).padStart(8, '0')}`,
  password: 'Mat-khau-2026',
});

describe('sign-in', () => {
  it('signs an official in with a HttpOnly, SameSite=Strict session cookie and reports their permissions', async () => {
    const client = t.client();
    const response = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'chuyenvien', password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(
      /^tinhso_session=[\w-]{40,};.*HttpOnly.*SameSite=Strict/i,
    );
    await client.login('chuyenvien');
    const session = await client.get<{ permissions: string[]; kind: string; idleTimeoutSeconds: number }>(
      '/api/auth/session',
    );
    expect(session.body.kind).toBe('official');
    expect(session.body.permissions).toEqual([
      'document.handle',
      'document.read',
      'dossier.process',
      'dossier.read',
      'official.read',
      'org.read',
      'workspace.access',
    ]);
    expect(session.body.idleTimeoutSeconds).toBe(15 * 60);
  });

  it('gives the same answer for a wrong password and for an account that does not exist', async () => {
    const wrong = await t.client().login('vanthu', 'Wrong-password-1');
    const unknown = await t.client().login('nobody.here', 'Wrong-password-1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'invalid_credentials' });
    expect({ ...wrong.body, correlationId: '' }).toEqual({ ...unknown.body, correlationId: '' });
  });

  it('locks an account after 5 failures, even against the right password, and records it', async () => {
    const registered = await t.client().post('/api/auth/register', citizen(1));
    expect(registered.status).toBe(201);
    const accountId = (registered.body as { accountId: string }).accountId;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await t.client().login(citizen(1).personalId, 'Wrong-password-1')).status).toBe(401);
    }
    expect((await t.client().login(citizen(1).personalId, citizen(1).password)).status).toBe(401);
    const locked = await t.database.db
      .selectFrom('audit_event')
      .select('type')
      .where('entity_id', '=', accountId)
      .where('type', '=', 'account.locked')
      .execute();
    expect(locked).toHaveLength(1);
    const account = await t.database.db
      .selectFrom('account')
      .select('locked_until')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(account.locked_until!.getTime() - Date.now()).toBeGreaterThan(11 * 3600_000);
  });

  it('throttles a sign-in name after 10 failures in the window with 429 and Retry-After', async () => {
    let last = await t.client().login('ghost.account', 'x');
    for (let attempt = 1; attempt < 11; attempt += 1) last = await t.client().login('ghost.account', 'x');
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('900');
  });

  it('ends the session on sign-out', async () => {
    const client = await t.signedIn('vanthu');
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('requires the CSRF token for changes made with a session', async () => {
    const client = await t.signedIn('vanthu');
    const answer = await client.request('POST', '/api/auth/logout', { body: {}, csrf: false });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'csrf' });
    expect((await client.get('/api/auth/session')).status).toBe(200);
  });

  it('expires an official’s session after the idle timeout', async () => {
    const client = await t.signedIn('motcua');
    await sql`update session set last_seen_at = now() - interval '16 minutes'`.execute(t.database.db);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });
});

describe('citizens', () => {
  it('registers a citizen who then signs in with the personal id and holds only citizen.self', async () => {
    expect((await t.client().post('/api/auth/register', citizen(2))).status).toBe(201);
    const client = t.client();
    expect((await client.login(citizen(2).personalId, citizen(2).password)).status).toBe(200);
    const session = await client.get<{ kind: string; permissions: string[] }>('/api/auth/session');
    expect(session.body).toMatchObject({ kind: 'citizen', permissions: ['citizen.self'] });
    expect((await client.get('/api/org/agencies')).status).toBe(403);
  });

  it('refuses a taken personal id with 409 naming the field, and a weak password with 400', async () => {
    const taken = await t.client().post('/api/auth/register', { ...citizen(3), personalId: '087099001234' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'conflict', issues: [{ field: 'personalId' }] });
    const weak = await t.client().post('/api/auth/register', { ...citizen(4), password: 'abcdefgh' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ issues: [{ field: 'password' }] });
  });

  it('names every bad field, in Vietnamese by default and in English on request', async () => {
    const vi = await t.client().post<{ message: string; issues: { field: string }[] }>('/api/auth/register', {
      personalId: '123',
      fullName: 'A',
      phone: '0900000000',
      password: 'Abcdef1!x',
      nickname: 'x',
    });
    expect(vi.status).toBe(400);
    expect(vi.body.issues.map((issue) => issue.field).sort()).toEqual(['nickname', 'personalId']);
    expect(vi.body.message).toContain('personalId: sai định dạng');
    const client = t.client();
    client.language = 'en';
    const en = await client.post<{ message: string }>('/api/auth/register', { personalId: '123' });
    expect(en.body.message).toContain('fullName: is required');
  });
});

describe('two-factor authentication', () => {
  it('holds an administrator without MFA to enrolment, then asks for the code at every sign-in', async () => {
    const client = t.client();
    await client.login('quantri');
    const before = await client.get<{ mfaSetupRequired: boolean; permissions: string[] }>(
      '/api/auth/session',
    );
    expect(before.body).toMatchObject({ mfaSetupRequired: true, permissions: [] });
    const blocked = await client.get('/api/audit/events');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'mfa_setup_required' });

    const setup = await client.post<{ secret: string; otpauthUrl: string }>('/api/auth/mfa/setup');
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/TinhSo:quantri\?/);
    expect((await client.post('/api/auth/mfa/enable', { code: '000000' })).status).toBe(400);
    const enabled = await client.post<{ permissions: string[] }>('/api/auth/mfa/enable', {
      code: totpNow(setup.body.secret),
    });
    expect(enabled.status).toBe(200);
    expect(enabled.body.permissions).toContain('audit.read');
    expect((await client.get('/api/audit/events')).status).toBe(200);

    const next = t.client();
    expect((await next.login('quantri')).body).toEqual({ status: 'mfa_required' });
    expect((await next.login('quantri', DEMO_PASSWORD, '123456')).status).toBe(401);
    expect((await next.login('quantri', DEMO_PASSWORD, totpNow(setup.body.secret))).body.status).toBe(
      'signed_in',
    );
  });
});

describe('password change', () => {
  it('checks the current password and ends the other sessions', async () => {
    expect((await t.client().post('/api/auth/register', citizen(5))).status).toBe(201);
    const first = t.client();
    const second = t.client();
    await first.login(citizen(5).personalId, citizen(5).password);
    await second.login(citizen(5).personalId, citizen(5).password);
    const wrong = await first.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'New-pass-2026',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ issues: [{ field: 'currentPassword' }] });
    expect(
      (
        await first.post('/api/auth/password', {
          currentPassword: citizen(5).password,
          newPassword: 'New-pass-2026',
        })
      ).status,
    ).toBe(200);
    expect((await second.get('/api/auth/session')).status).toBe(401);
    expect((await first.get('/api/auth/session')).status).toBe(200);
    expect((await t.client().login(citizen(5).personalId, 'New-pass-2026')).status).toBe(200);
  });
});

describe('accounts created by an administrator', () => {
  it('hold no permission until the initial password is changed', async () => {
    const admin = await t.signedIn('quantri');
    const positions = await t.database.db
      .selectFrom('position')
      .select('id')
      .where('position_type', '=', 'chuyen_vien')
      .limit(1)
      .execute();
    const created = await admin.post('/api/org/officials', {
      fullName: 'Lê Thị Mới',
      username: 'le.thi.moi',
      initialPassword: 'Ban-dau-2026',
      appointment: { positionId: positions[0]!.id, kind: 'primary', startsOn: '2026-01-01' },
    });
    expect(created.status).toBe(201);
    const client = t.client();
    expect((await client.login('le.thi.moi', 'Ban-dau-2026')).status).toBe(200);
    const session = await client.get<{ passwordChangeRequired: boolean; permissions: string[] }>(
      '/api/auth/session',
    );
    expect(session.body).toMatchObject({ passwordChangeRequired: true, permissions: [] });
    const held = await client.get('/api/org/agencies');
    expect(held.status).toBe(403);
    expect(held.body).toMatchObject({ code: 'password_change_required' });
    const same = await client.post('/api/auth/password', {
      currentPassword: 'Ban-dau-2026',
      newPassword: 'Ban-dau-2026',
    });
    expect(same.body).toMatchObject({ issues: [{ field: 'newPassword' }] });
    expect(
      (
        await client.post('/api/auth/password', {
          currentPassword: 'Ban-dau-2026',
          newPassword: 'Cua-toi-2026',
        })
      ).status,
    ).toBe(200);
    expect((await client.get('/api/org/agencies')).status).toBe(200);
  });

  it('purges expired sessions and old sign-in attempts', async () => {
    const { purgeExpired } = await import('../src/modules/identity/purge-expired.ts');
    await t.signedIn('vanthu');
    await sql`update session set expires_at = now() - interval '1 minute' where account_id = (select id from account where username = 'vanthu')`.execute(
      t.database.db,
    );
    await sql`insert into login_attempt (username_key, ip, succeeded, at) values ('old', '10.0.0.1', false, now() - interval '2 days')`.execute(
      t.database.db,
    );
    const purged = await purgeExpired(t.database.db);
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.attempts).toBe(1);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from session where expires_at <= now()`.execute(t.database.db);
    expect(left.rows[0]?.n).toBe(0);
  });
});

describe('security parameters are dated settings', () => {
  it('applies a new lockout threshold from its effective date, and not a future one', async () => {
    const { clearSettingsCache } = await import('../src/platform/settings.ts');
    await t.database.db
      .insertInto('setting')
      .values([
        { key: 'security.lockout.maxFailures', effective_from: '2020-01-01', value: '3', note: 'stricter' },
        { key: 'security.lockout.maxFailures', effective_from: '2999-01-01', value: '1', note: 'future' },
      ])
      .execute();
    clearSettingsCache();
    try {
      expect((await t.client().post('/api/auth/register', citizen(9))).status).toBe(201);
      const lockedUntil = async () =>
        (
          await t.database.db
            .selectFrom('account')
            .select('locked_until')
            .where('personal_id', '=', citizen(9).personalId)
            .executeTakeFirstOrThrow()
        ).locked_until;
      const fail = async () =>
        expect((await t.client().login(citizen(9).personalId, 'Wrong-password-1')).status).toBe(401);
      await fail();
      await fail();
      expect(await lockedUntil()).toBeNull(); // neither the default 5 nor the future 1 applies
      await fail();
      expect(await lockedUntil()).not.toBeNull(); // the threshold of 3 in force today does
    } finally {
      await t.database.db.deleteFrom('setting').where('key', '=', 'security.lockout.maxFailures').execute();
      clearSettingsCache();
    }
  });
});

describe('lockout', () => {
  it('can be lifted early by a manager of the official, and is audited', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) await t.client().login('canboxa', 'Wrong-password-1');
    expect((await t.client().login('canboxa')).status).toBe(401);
    const official = await t.database.db
      .selectFrom('official')
      .innerJoin('account', 'account.id', 'official.account_id')
      .select(['official.id', 'account.id as accountId'])
      .where('account.username', '=', 'canboxa')
      .executeTakeFirstOrThrow();
    const staff = await t.signedIn('chuyenvien');
    expect((await staff.post(`/api/org/officials/${official.id}/unlock`)).status).toBe(403);
    const admin = await t.signedIn('quantri');
    const seen = await admin.get<{ lockedUntil: string | null }>(`/api/org/officials/${official.id}`);
    expect(seen.body.lockedUntil).not.toBeNull();
    const unlocked = await admin.post<{ lockedUntil: string | null }>(
      `/api/org/officials/${official.id}/unlock`,
    );
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await t.client().login('canboxa')).status).toBe(200);
    const again = await admin.post(`/api/org/officials/${official.id}/unlock`);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ issues: [{ field: 'id' }] });
    const events = await t.database.db
      .selectFrom('audit_event')
      .select('type')
      .where('entity_id', '=', official.accountId)
      .where('type', '=', 'account.unlocked')
      .execute();
    expect(events).toHaveLength(1);
  });
});
