import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashRecord } from '../src/modules/audit/hash-chain.ts';
import { isStrongPassword } from '../src/modules/identity/password.ts';
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { issuesFromValidation } from '../src/platform/http.ts';
import { fieldMessage, pickLanguage } from '../src/platform/messages.ts';
import { getMigrationStatus, runMigrations } from '../src/platform/migrate.ts';
import { todayInVietnam } from '../src/platform/time.ts';
import { openTestDatabase, testDatabaseKind } from './fixture-database.ts';
import { startTestApp } from './harness.ts';

describe('configuration', () => {
  it('applies defaults and coerces numbers and booleans', () => {
    const config = loadConfig({ PORT: '8080', COOKIE_SECURE: 'false' });
    expect(config).toMatchObject({
      PORT: 8080,
      COOKIE_SECURE: false,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      PGLITE_DATA_DIR: '.data/pglite',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', /PORT="abc"; expected an integer port/],
    ['PORT', '70000', /PORT="70000"/],
    ['PORT', '-1', /PORT="-1"/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL="mysql:\/\/x"; expected a URL starting with postgres/],
    ['COOKIE_SECURE', 'yes', /COOKIE_SECURE="yes"; expected true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud"/],
  ])('names the bad variable %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  });

  it('stops the server process with the message and exit code 78', async () => {
    const child = spawn(process.execPath, ['apps/server/src/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(78);
    expect(stderr).toContain('Invalid configuration: PORT="not-a-port"');
  });
});

describe('graceful shutdown', () => {
  it('answers health, then exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['apps/server/src/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        PGLITE_DATA_DIR: 'memory://',
        DATABASE_URL: '',
        LOG_LEVEL: 'info',
      },
    });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const listening = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      void exited.then((code) => reject(new Error(`server exited early (${code}): ${stdout}`)));
    });
    const url = await listening;
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('shutting down');
  }, 60_000);
});

describe('migrations', () => {
  it('apply once when two runners start together, and report nothing pending', async () => {
    const database = await openTestDatabase({ empty: true });
    const second = database.open();
    try {
      const [a, b] = await Promise.all([runMigrations(database.db), runMigrations(second.db)]);
      const status = await getMigrationStatus(database.db);
      expect(status.pending).toEqual([]);
      expect([...a, ...b].sort()).toEqual(status.applied);
      const count = await sql<{ n: number }>`select count(*)::int as n from schema_migration`.execute(
        database.db,
      );
      expect(count.rows[0]?.n).toBe(status.applied.length);
    } finally {
      if (second.db !== database.db) await second.close();
      await database.drop();
    }
  });
});

describe('audit hash chain', () => {
  it('hashes the same record the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    const fields = {
      seq: 1,
      occurredAt: '2026-11-26T00:00:00.000Z',
      type: 'agency.created',
      actorAccountId: null,
      actorLabel: 'seed',
      entityType: 'agency',
      entityId: 'x',
      agencyId: null,
      data: { name: 'Sở Tư pháp', code: '000.00.05.H20' },
      correlationId: null,
      prevHash: GENESIS_HASH,
    };
    const reordered = { ...fields, data: { code: '000.00.05.H20', name: 'Sở Tư pháp' } };
    expect(hashRecord(fields)).toBe(hashRecord(reordered));
    expect(hashRecord(fields)).not.toBe(hashRecord({ ...fields, actorLabel: 'someone' }));
    expect(hashRecord(fields)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('validation messages', () => {
  it('names nested fields, unknown fields and missing ones, one issue per field', () => {
    const issues = issuesFromValidation([
      { keyword: 'required', instancePath: '/applicant', params: { missingProperty: 'idNumber' } },
      { keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'nickname' } },
      {
        keyword: 'pattern',
        instancePath: '/applicant/phone',
        params: { pattern: '^0[0-9]{9}$' },
      },
      { keyword: 'type', instancePath: '/name', params: { type: 'string' } },
      { keyword: 'anyOf', instancePath: '/name', params: {} },
    ]);
    expect(issues).toEqual([
      { field: 'applicant.idNumber', key: 'required' },
      { field: 'nickname', key: 'unknown_field' },
      { field: 'applicant.phone', key: 'pattern', params: { pattern: '^0[0-9]{9}$' } },
      { field: 'name', key: 'type', params: { type: 'string' } },
    ]);
    expect(fieldMessage('vi', 'minLength', { limit: 8 })).toBe('phải có ít nhất 8 ký tự');
    expect(fieldMessage('vi', 'pattern', { pattern: '^[0-9]{12}$' })).toBe('sai định dạng (12 chữ số)');
    expect(fieldMessage('en', 'pattern', { pattern: '^0[0-9]{9}$' })).toBe(
      'has the wrong format (10 digits starting with 0)',
    );
    expect(fieldMessage('en', 'type', { type: 'integer' })).toBe('must be an integer');
  });

  it('speaks Vietnamese unless English comes first', () => {
    expect(pickLanguage(undefined)).toBe('vi');
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage('vi-VN,en;q=0.8')).toBe('vi');
    expect(pickLanguage('fr')).toBe('vi');
  });
});

describe('rules', () => {
  it('requires eight characters of four classes for a password (QCVN 12:2026)', () => {
    expect(isStrongPassword('TinhSo@2026', 8)).toBe(true);
    expect(isStrongPassword('Ab1!', 8)).toBe(false);
    expect(isStrongPassword('abcdefg1!', 8)).toBe(false);
    expect(isStrongPassword('ABCDEFG1!', 8)).toBe(false);
    expect(isStrongPassword('Abcdefgh!', 8)).toBe(false);
    expect(isStrongPassword('Abcdefgh1', 8)).toBe(false);
  });

  it('counts the day in Vietnam (UTC+7), not on the server’s clock', () => {
    expect(todayInVietnam(new Date('2026-11-26T16:59:59Z'))).toBe('2026-11-26');
    expect(todayInVietnam(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('a PostgreSQL restart of idle connections', () => {
  it('does not end the process: the pool drops them and the next request gets a new one', async () => {
    const t = await startTestApp();
    try {
      await Promise.all([
        t.client().get('/api/health'),
        t.client().get('/api/health'),
        t.client().get('/api/health'),
      ]);
      const killer = t.database.open();
      const killed = await sql<{ n: number }>`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`.execute(killer.db);
      await killer.close();
      expect(killed.rows[0]?.n).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await t.client().get('/api/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
