// Shared by the browser journeys: accessibility check, sign-in, and a private server on which the
// system administrator (quantri) enrols in MFA (see roles.spec.ts for why the administrator's
// journeys run on a server of their own).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP, URI } from 'otpauth';

export const PASSWORD = 'TinhSo@2026';
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const REPOSITORY = resolve(import.meta.dirname, '..');

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations).toEqual([]);
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolvePort(port);
      });
    });
  });
}

/** The demo province on a server of this file's own: `node apps/cli/src/main.ts demo`, as e2e-server.sh. */
export const adminTest = test.extend<object, { privateServer: string }>({
  privateServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from this pattern
    async ({}, use) => {
      const port = await freePort();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        PGLITE_DATA_DIR: 'memory://',
        LOG_LEVEL: 'warn',
      };
      delete env.DATABASE_URL;
      const server = spawn(process.execPath, ['apps/cli/src/main.ts', 'demo'], {
        cwd: REPOSITORY,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      server.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4000);
      });
      const url = `http://localhost:${String(port)}`;
      try {
        const deadline = Date.now() + 150_000;
        for (;;) {
          if (server.exitCode !== null) throw new Error(`The private server stopped:\n${stderr}`);
          if (Date.now() > deadline) throw new Error(`The private server did not start:\n${stderr}`);
          const isUp = await fetch(`${url}/api/health`).then(
            (response) => response.ok,
            () => false,
          );
          if (isUp) break;
          await new Promise((wait) => setTimeout(wait, 500));
        }
        await use(url);
      } finally {
        const exited = new Promise((done) => server.once('exit', done));
        if (server.exitCode === null && server.kill('SIGTERM')) {
          const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ privateServer }, use) => {
    await use(privateServer);
  },
});

/**
 * The administrator's TOTP generator on the private server, once enrolled. The server is a worker
 * fixture shared by every file of the worker, so the first journey enrols and the next ones sign in
 * with a code, as a real administrator would.
 */
let administratorTotp: TOTP | undefined;
let lastCode = '';

/** A code the server has not seen yet. */
async function freshCode(totp: TOTP): Promise<string> {
  while (totp.generate() === lastCode) await new Promise((resolve) => setTimeout(resolve, 1000));
  lastCode = totp.generate();
  return lastCode;
}

/** Signs quantri in on the private server: enrols MFA the first time, then answers with a code. */
export async function signInAdministrator(page: Page): Promise<void> {
  await signIn(page, 'quantri');
  if (administratorTotp) {
    await page.getByLabel('Mã xác thực 6 chữ số').fill(await freshCode(administratorTotp));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/workspace$/);
    return;
  }
  await expect(page).toHaveURL(/\/account\/mfa$/);
  await page.getByRole('button', { name: 'Tạo khóa bí mật' }).click();
  const secretText = await page.getByRole('figure', { name: 'Khóa bí mật' }).locator('code').textContent();
  const secret = (secretText ?? '').replace(/\s+/g, '');
  const url =
    (await page
      .getByRole('figure', { name: /^Địa chỉ otpauth/ })
      .locator('code')
      .textContent()) ?? '';
  const fromUrl = URI.parse(url);
  const totp =
    fromUrl instanceof TOTP
      ? new TOTP({
          secret: Secret.fromBase32(secret),
          algorithm: fromUrl.algorithm,
          digits: fromUrl.digits,
          period: fromUrl.period,
        })
      : new TOTP({ secret: Secret.fromBase32(secret) });
  await page.getByLabel('Mã 6 chữ số').fill(await freshCode(totp));
  await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
  await expect(page.getByText(/^Đã bật xác thực hai lớp\./)).toBeVisible();
  administratorTotp = totp;
}
