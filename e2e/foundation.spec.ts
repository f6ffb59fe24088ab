// Browser journeys of the foundation: the citizen portal, an official's workspace, the phone
// layout and an administrator's MFA enrolment, against the demo province (apps/cli `demo`).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP, URI } from 'otpauth';

const PASSWORD = 'TinhSo@2026';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The violations, reduced to what a reader of a failed test needs: the rule and where. */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations).toEqual([]);
}

async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

const mainNav = (page: Page, name = 'Điều hướng chính') => page.getByRole('navigation', { name });

test('the citizen portal explains TinhSo, lists the agencies and finds them without diacritics', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1, name: 'Cổng chính quyền số của tỉnh' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Đăng nhập' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Đăng ký' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Các sở, ban, ngành' })).toBeVisible();
  await expect(page.getByText(/^Tìm thấy \d+ cơ quan\.$/)).toBeVisible();

  await page.getByLabel('Tìm cơ quan').fill('so tu phap');
  await expect(page.getByText(/^Sở Tư pháp/)).toBeVisible();
  await expect(page.getByText('Tìm thấy 1 cơ quan.')).toBeVisible();
  await page.getByLabel('Tìm cơ quan').fill('');

  await expectNoAxeViolations(page);
});

test('an official works in the workspace, in Vietnamese and English, then signs out', async ({ page }) => {
  await signIn(page, 'chuyenvien');
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Xin chào, / })).toBeVisible();

  // A specialist reads the organisation; roles and the audit trail are not theirs to see.
  // The alerts entry carries an unread count when earlier journeys left the specialist work.
  await expect(mainNav(page).getByRole('link')).toHaveText([
    'Trang chủ khu làm việc',
    'Cơ quan, đơn vị',
    'Đơn vị hành chính',
    'Cán bộ, công chức',
    'Lịch làm việc',
    'Hồ sơ cần xử lý',
    /^Cảnh báo, nhắc việc(\d+ mục chưa đọc\.)?$/,
    'Văn bản của tôi',
    'Văn bản đến',
    'Văn bản đi',
    'Hồ sơ công việc',
  ]);

  await mainNav(page).getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
  await expect(page).toHaveURL(/\/workspace\/agencies$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cơ quan, đơn vị' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Mã định danh' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Sở Tư pháp/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies and units' })).toBeVisible();
  await expect(
    mainNav(page, 'Main navigation').getByRole('link', { name: 'Administrative units' }),
  ).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Agency code' })).toBeVisible();

  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies and units' })).toBeVisible();

  // An address typed without the permission says so instead of showing the page.
  await page.goto('/workspace/audit');
  await expect(
    page.getByRole('heading', { level: 1, name: 'You are not allowed to see this page' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'The province’s digital-government portal' }),
  ).toBeVisible();
  await expect(page.getByText('You have signed out.')).toBeVisible();

  // Signed out means signed out: the workspace asks to sign in again.
  await page.goto('/workspace');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fworkspace$/);
});

test('a wrong password is refused with the server’s message', async ({ page }) => {
  await signIn(page, 'chuyenvien', 'not-the-password');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).not.toBeEmpty();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('chuyenvien');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the workspace navigation folds into a menu button', async ({ page }) => {
    await signIn(page, 'chuyenvien');
    await expect(page).toHaveURL(/\/workspace$/);
    const menu = page.getByRole('button', { name: 'Danh mục' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(mainNav(page)).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(mainNav(page)).toBeVisible();
    await mainNav(page).getByRole('link', { name: 'Đơn vị hành chính' }).click();

    await expect(page).toHaveURL(/\/workspace\/admin-units$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' })).toBeVisible();
    await expect(mainNav(page)).toBeHidden();
    // Nothing wider than the phone: no sideways scrolling of the page.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

// The administrator's tests share the TOTP generator: the second signs in with a code.
test.describe.serial('an administrator', () => {
  let totp: TOTP | undefined;
  let lastCode = '';
  /** The official the administrator creates, who then signs in with the initial password. */
  let newUsername = '';

  /** A code the server has not seen yet: it may refuse a code used twice in one period. */
  async function freshCode(): Promise<string> {
    if (!totp) throw new Error('MFA was not enrolled by the previous test');
    while (totp.generate() === lastCode) await new Promise((resolve) => setTimeout(resolve, 1000));
    lastCode = totp.generate();
    return lastCode;
  }

  test('must enrol in MFA, then verifies the audit chain', async ({ page }) => {
    await signIn(page, 'quantri');
    await expect(page).toHaveURL(/\/account\/mfa$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Xác thực hai lớp' })).toBeVisible();

    // Until enrolled, the workspace sends the administrator back here.
    await page.goto('/workspace');
    await expect(page).toHaveURL(/\/account\/mfa$/);

    await page.getByRole('button', { name: 'Tạo khóa bí mật' }).click();
    const secretText = await page.getByRole('figure', { name: 'Khóa bí mật' }).locator('code').textContent();
    const secret = (secretText ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    const url =
      (await page
        .getByRole('figure', { name: /^Địa chỉ otpauth/ })
        .locator('code')
        .textContent()) ?? '';
    // The otpauth URL carries the algorithm, digits and period; it must name the same secret.
    const fromUrl = URI.parse(url);
    expect(fromUrl.secret.base32).toBe(secret);
    totp =
      fromUrl instanceof TOTP
        ? new TOTP({
            secret: Secret.fromBase32(secret),
            algorithm: fromUrl.algorithm,
            digits: fromUrl.digits,
            period: fromUrl.period,
          })
        : new TOTP({ secret: Secret.fromBase32(secret) });

    await page.getByLabel('Mã 6 chữ số').fill(await freshCode());
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await expect(page.getByText(/^Đã bật xác thực hai lớp\./)).toBeVisible();

    await page.goto('/workspace/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Nhật ký kiểm toán' })).toBeVisible();
    // 12 of the platform and the one-stop system, 5 of official documents and their exchange, signatures.
    await expect(mainNav(page).getByRole('link')).toHaveCount(18);
    await expect(page.getByRole('article').first()).toBeVisible();

    await page.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Chuỗi nhật ký toàn vẹn' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('signs in with a code and manages agencies, units, positions and appointments', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, 'quantri');
    await expect(page.getByText('Tài khoản này dùng xác thực hai lớp.')).toBeVisible();
    await page.getByLabel('Mã xác thực 6 chữ số').fill(await freshCode());
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/workspace$/);

    // A unique agency per run, so that the journey also passes against a long-running server.
    const run = String(Date.now() % 10_000).padStart(4, '0');
    const code = `999.${run.slice(0, 2)}.${run.slice(2)}.K99`;
    await page.goto('/workspace/agencies');
    const create = page.getByRole('region', { name: 'Thêm cơ quan' });
    await create.getByLabel('Mã định danh', { exact: true }).fill('999');
    await create.getByLabel('Tên cơ quan').fill(`Sở Thử nghiệm ${run}`);
    await create.getByRole('button', { name: 'Thêm cơ quan' }).click();
    // The server's sentence about the code stands beside the code field.
    await expect(create.getByRole('alert')).toBeVisible();
    await expect(create.getByLabel('Mã định danh', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await create.getByLabel('Mã định danh', { exact: true }).fill(code);
    await create.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await create.getByRole('link', { name: `Đã thêm cơ quan Sở Thử nghiệm ${run}.` }).click();

    await expect(page.getByRole('heading', { level: 1, name: `Sở Thử nghiệm ${run}` })).toBeVisible();
    await page
      .getByRole('region', { name: 'Sửa tên cơ quan' })
      .getByLabel('Tên cơ quan')
      .fill(`Sở Kiểm thử ${run}`);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText('Đã lưu thay đổi.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: `Sở Kiểm thử ${run}` })).toBeVisible();

    await page.getByLabel('Tên đơn vị').fill('Phòng Kiểm thử');
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await expect(page.getByText('Đã thêm đơn vị Phòng Kiểm thử.')).toBeVisible();
    await page.getByLabel('Tên vị trí').fill('Chuyên viên kiểm thử');
    await page.getByLabel('Loại vị trí').selectOption({ label: 'Chuyên viên' });
    await page.getByRole('combobox', { name: /^Đơn vị/ }).selectOption({ label: 'Phòng Kiểm thử' });
    await page.getByRole('button', { name: 'Thêm vị trí' }).click();
    await expect(page.getByText('Đã thêm vị trí Chuyên viên kiểm thử.')).toBeVisible();

    await page.goto('/workspace/officials');
    const newOfficial = page.getByRole('region', { name: 'Thêm cán bộ' });
    await newOfficial.getByLabel('Họ và tên').fill(`Trần Kiểm Thử ${run}`);
    newUsername = `kiemthu.${run}`;
    await newOfficial.getByLabel('Tên đăng nhập').fill(newUsername);
    await newOfficial.getByLabel('Mật khẩu ban đầu').fill('Kiem-thu-2026');
    await newOfficial.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await newOfficial.getByRole('link', { name: `Đã thêm cán bộ Trần Kiểm Thử ${run}.` }).click();

    await expect(page.getByRole('heading', { level: 1, name: `Trần Kiểm Thử ${run}` })).toBeVisible();
    await page.getByLabel('Cơ quan').selectOption({ label: `Sở Kiểm thử ${run}` });
    await page.getByLabel('Vị trí').selectOption({ label: 'Chuyên viên kiểm thử' });
    await page.getByLabel('Hình thức').selectOption({ label: 'Kiêm nhiệm' });
    await page.getByRole('button', { name: 'Bổ nhiệm', exact: true }).click();
    await expect(page.getByText('Đã bổ nhiệm.')).toBeVisible();
    const row = page.getByRole('row', { name: /Chuyên viên kiểm thử/ });
    await expect(row).toContainText('Kiêm nhiệm');
    await expect(row).toContainText('Đang giữ');

    await row.getByRole('button', { name: 'Kết thúc bổ nhiệm Chuyên viên kiểm thử' }).click();
    const tomorrow = new Date(Date.now() + 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('Thôi giữ chức vụ kể từ ngày').fill(tomorrow);
    await page.getByRole('button', { name: 'Kết thúc bổ nhiệm', exact: true }).click();
    await expect(page.getByText('Đã kết thúc bổ nhiệm.')).toBeVisible();
    const [year, month, day] = tomorrow.split('-');
    await expect(row).toContainText(`${day ?? ''}/${month ?? ''}/${year ?? ''}`);
    await expectNoAxeViolations(page);

    await page.goto('/workspace/roles');
    const admin = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Quản trị hệ thống' }) });
    await expect(admin).toContainText('Toàn tỉnh');
    await expect(admin).toContainText('Xem nhật ký kiểm toán');
  });

  test('the new official changes the initial password before working', async ({ page }) => {
    expect(newUsername).not.toBe('');
    await signIn(page, newUsername, 'Kiem-thu-2026');
    await expect(page).toHaveURL(/\/account$/);
    const hold = page.getByText(/^Tài khoản đang dùng mật khẩu ban đầu/);
    await expect(hold).toBeVisible();
    await page.goto('/workspace');
    await expect(page).toHaveURL(/\/account$/);

    await page.getByLabel('Mật khẩu hiện tại').fill('Kiem-thu-2026');
    await page.getByLabel('Mật khẩu mới').fill('Kiem-thu-2027!');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(page.getByText('Đã đổi mật khẩu.')).toBeVisible();
    await expect(hold).toBeHidden();
    await page.getByRole('link', { name: 'Khu làm việc' }).first().click();
    await expect(page).toHaveURL(/\/workspace$/);
  });
});
