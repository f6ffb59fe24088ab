// Browser journeys of the roles page: the system administrator adds and changes role templates
// and position types; a leader, who may read them but not change them, sees no edit actions.
//
// Where the administrator signs in. quantri must enrol in MFA on a fresh database, and
// foundation.spec.ts does so earlier in the same run, keeping the TOTP secret in a variable of its
// own module: this file cannot learn it, and the server never shows an enrolled secret again. Rather
// than depend on the order of the files or share state between them, the administrator's journey
// runs against a server of its own (a worker fixture: the demo province in a throwaway in-memory
// PGlite, on a free port), where quantri has no MFA yet and enrols here. The leader's test uses the
// server of playwright.config.ts like the other files.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP, URI } from 'otpauth';

const PASSWORD = 'TinhSo@2026';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const REPOSITORY = resolve(import.meta.dirname, '..');

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations).toEqual([]);
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function freePort(): Promise<number> {
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
const adminTest = test.extend<object, { privateServer: string }>({
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

/** Signs quantri in on a fresh database, where the sign-in sends the administrator to enrol in MFA. */
async function signInAdministrator(page: Page): Promise<void> {
  await signIn(page, 'quantri');
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
  await page.getByLabel('Mã 6 chữ số').fill(totp.generate());
  await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
  await expect(page.getByText(/^Đã bật xác thực hai lớp\./)).toBeVisible();
}

adminTest(
  'the administrator adds a role and a position type granting it, then renames the role',
  async ({ page }) => {
    adminTest.setTimeout(120_000);
    await signInAdministrator(page);
    // A unique code per run, so that the journey also passes against a long-running server.
    const run = String(Date.now() % 100_000);
    const code = `kiem_tra_e2e_${run}`;
    const nameVi = `Kiểm tra E2E ${run}`;
    const typeName = `Loại vị trí E2E ${run}`;

    await page.goto('/workspace/roles');
    await expect(page.getByRole('heading', { level: 1, name: 'Vai trò và quyền' })).toBeVisible();
    await page.getByRole('button', { name: 'Thêm vai trò' }).click();
    const roleForm = page.getByRole('region', { name: 'Thêm vai trò' });
    await expect(roleForm.getByRole('heading', { name: 'Thêm vai trò' })).toBeFocused();
    const codeField = roleForm.getByLabel('Mã', { exact: true });
    await codeField.fill('staff');
    await roleForm.getByLabel('Tên tiếng Việt').fill(nameVi);
    await roleForm.getByLabel('Tên tiếng Anh').fill(`E2E check ${run}`);
    await expect(roleForm.getByRole('radio', { name: 'Trong cơ quan' })).toBeChecked();
    await roleForm.getByRole('checkbox', { name: /^Xem cơ quan, đơn vị và vị trí/ }).check();
    await roleForm.getByRole('checkbox', { name: /^Xem cán bộ và quá trình bổ nhiệm/ }).check();
    // A code already taken: the server's sentence stands beside the code field.
    await roleForm.getByRole('button', { name: 'Thêm vai trò' }).click();
    await expect(roleForm.getByRole('alert')).toBeFocused();
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await codeField.fill(code);
    await roleForm.getByRole('button', { name: 'Thêm vai trò' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Đã thêm vai trò ${nameVi}.` })).toBeVisible();
    await expect(roleForm).toBeHidden();
    await expect(page.getByRole('button', { name: 'Thêm vai trò' })).toBeFocused();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: nameVi }) });
    await expect(card).toContainText('Trong cơ quan');
    await expect(card).toContainText('Xem cơ quan, đơn vị và vị trí');
    await expect(card).toContainText('Xem cán bộ và quá trình bổ nhiệm');

    await page.getByRole('button', { name: 'Thêm loại vị trí' }).click();
    const typeForm = page.getByRole('region', { name: 'Thêm loại vị trí' });
    await typeForm.getByLabel('Mã', { exact: true }).fill(code);
    await typeForm.getByLabel('Tên tiếng Việt').fill(typeName);
    await typeForm.getByLabel('Tên tiếng Anh').fill(`E2E position type ${run}`);
    await typeForm.getByRole('checkbox', { name: new RegExp(`^${nameVi}`) }).check();
    await typeForm.getByRole('button', { name: 'Thêm loại vị trí' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Đã thêm loại vị trí ${typeName}.` }),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(typeName) })).toContainText(nameVi);

    // Removing a permission reaches the holders of the type just created: confirmed first.
    await card.getByRole('button', { name: `Sửa vai trò ${nameVi}` }).click();
    const editForm = page.getByRole('region', { name: `Sửa vai trò ${nameVi}` });
    await expect(editForm.getByLabel('Tên tiếng Anh')).toHaveValue(`E2E check ${run}`);
    await editForm.getByLabel('Tên tiếng Anh').fill(`E2E check ${run} renamed`);
    await editForm.getByRole('checkbox', { name: /^Xem cán bộ và quá trình bổ nhiệm/ }).uncheck();
    await editForm.getByRole('button', { name: 'Lưu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận thay đổi' });
    await expect(dialog).toContainText('Xem cán bộ và quá trình bổ nhiệm');
    await expect(dialog).toContainText(`ở lần thao tác tiếp theo: ${typeName}.`);
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Đã lưu vai trò ${nameVi}.` })).toBeVisible();
    await expect(card).not.toContainText('Xem cán bộ và quá trình bổ nhiệm');

    await page.getByRole('button', { name: 'English' }).click();
    const renamed = `E2E check ${run} renamed`;
    await expect(page.getByRole('heading', { level: 3, name: renamed })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`E2E position type ${run}`) })).toContainText(
      renamed,
    );

    // On a phone, with the form open: readable, nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('button', { name: `Edit role ${renamed}` }).click();
    await expect(page.getByRole('region', { name: `Edit role ${renamed}` })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'The whole province' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  },
);

test('a leader reads role templates and position types without edit actions', async ({ page }) => {
  await signIn(page, 'lanhdao');
  await expect(page).toHaveURL(/\/workspace$/);
  await page.goto('/workspace/roles');
  await expect(page.getByRole('heading', { level: 3, name: 'Quản trị hệ thống' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Chuyên viên/ })).toContainText('Công chức, viên chức');
  await expect(page.getByRole('button', { name: /^(Sửa|Thêm vai trò|Thêm loại vị trí)/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: /^Sửa|^Thêm/ })).toHaveCount(0);
});
