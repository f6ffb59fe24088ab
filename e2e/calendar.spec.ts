// Browser journeys of the working calendar (/workspace/calendar): a specialist reads the year's
// days off and previews a due date (hẹn trả); the system administrator adds a bridge day off and
// removes it again.
//
// Where the administrator signs in: as in roles.spec.ts, quantri must enrol in MFA on a fresh
// database and foundation.spec.ts keeps that secret to itself, so the administrator's journey runs
// against a server of its own (the demo province in a throwaway in-memory PGlite, on a free port).

import { expect, test, type Page } from '@playwright/test';
import { adminTest, expectNoAxeViolations, signIn, signInAdministrator } from './support.ts';

const april2026 = (page: Page) => page.getByRole('table', { name: 'Tháng 04 năm 2026' });

test('a specialist reads April 2026 and previews a due date across Giỗ Tổ and its nghỉ bù', async ({
  page,
}) => {
  await signIn(page, 'chuyenvien');
  await expect(page).toHaveURL(/\/workspace$/);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Lịch làm việc' })
    .click();
  await expect(page).toHaveURL(/\/workspace\/calendar$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Lịch làm việc' })).toBeVisible();

  await page.getByLabel('Năm', { exact: true }).fill('2026');
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(page).toHaveURL(/year=2026$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Lịch năm 2026' })).toBeVisible();
  await expect(page.getByText(/^Số ngày làm việc trong năm 2026: \d+\.$/)).toBeVisible();

  // Giỗ Tổ falls on Sunday 26/4; its nghỉ bù is Monday 27/4; each cell says why.
  const april = april2026(page);
  await expect(
    april.getByRole('cell', { name: /^26\/04\/2026: Chủ nhật, Nghỉ lễ, Tết, .*Giỗ Tổ/ }),
  ).toHaveClass(/day--holiday/);
  await expect(april.getByRole('cell', { name: /^27\/04\/2026: Thứ Hai, Nghỉ bù/ })).toHaveClass(
    /day--nghi_bu/,
  );
  await expect(april.getByRole('cell', { name: /^28\/04\/2026: Thứ Ba$/ })).toHaveClass(/day--working/);
  await expect(page.getByRole('region', { name: 'Chú giải' })).toContainText('Nghỉ hoán đổi');

  // Received on Friday 24/4 at 10:00, one working day: Saturday, Sunday and Monday are skipped.
  const preview = page.getByRole('region', { name: 'Tính ngày hẹn trả' });
  await preview.getByLabel('Thời điểm tiếp nhận').fill('2026-04-24T10:00');
  await preview.getByLabel('Thời hạn giải quyết').fill('1');
  await preview.getByLabel('Đơn vị').selectOption('working_day');
  await preview.getByRole('button', { name: 'Tính' }).click();
  await expect(preview.getByText('Ngày hẹn trả: 28/04/2026')).toBeVisible();
  const skipped = preview.getByRole('listitem');
  await expect(skipped).toHaveCount(3);
  await expect(skipped.nth(0)).toContainText('25/04/2026');
  await expect(skipped.nth(1)).toContainText(/26\/04\/2026.*Giỗ Tổ/);
  await expect(skipped.nth(2)).toContainText(/27\/04\/2026: Nghỉ bù/);
  await expectNoAxeViolations(page);

  // A field the server refuses is named beside the field.
  await preview.getByLabel('Thời hạn giải quyết').fill('-1');
  await preview.getByRole('button', { name: 'Tính' }).click();
  await expect(preview.getByRole('alert')).toBeVisible();

  // Administration is not a specialist's.
  await expect(page.getByRole('heading', { name: 'Quản lý lịch' })).toHaveCount(0);

  // English, then a phone: the months wrap, nothing is wider than the screen.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Calendar of 2026' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^27 Apr 2026: Monday, Day off in lieu/ })).toBeVisible();
  await page.setViewportSize({ width: 375, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
});

adminTest('the administrator adds a bridge day off, sees it marked, then removes it', async ({ page }) => {
  adminTest.setTimeout(120_000);
  await signInAdministrator(page);
  await page.goto('/workspace/calendar?year=2026');
  await expect(page.getByRole('heading', { level: 2, name: 'Quản lý lịch' })).toBeVisible();
  const october = page.getByRole('table', { name: 'Tháng 10 năm 2026' });
  await expect(october.getByRole('cell', { name: /^16\/10\/2026: Thứ Sáu$/ })).toBeVisible();

  const swapForm = page.getByRole('region', { name: 'Thêm ngày hoán đổi' });
  // Without a source the server refuses, and says so beside the field.
  await swapForm.getByLabel('Ngày').fill('2026-10-16');
  await swapForm.getByLabel('Loại hoán đổi').selectOption('bridge_day_off');
  await swapForm.getByRole('button', { name: 'Thêm ngày hoán đổi' }).click();
  await expect(swapForm.getByRole('alert')).toBeFocused();
  await expect(swapForm.getByLabel('Căn cứ')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await swapForm.getByLabel('Căn cứ').fill('Kiểm tra E2E: nghỉ hoán đổi, làm bù thứ Bảy 24/10/2026');
  await swapForm.getByRole('button', { name: 'Thêm ngày hoán đổi' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã thêm ngày hoán đổi 16/10/2026.' }),
  ).toBeVisible();
  const bridge = october.getByRole('cell', { name: /^16\/10\/2026: Thứ Sáu, Nghỉ hoán đổi, Kiểm tra E2E/ });
  await expect(bridge).toHaveClass(/day--bridge_day/);
  await expect(bridge).toContainText('HĐ');

  await page.getByRole('button', { name: 'Xóa 16/10/2026' }).click();
  const dialog = page.getByRole('dialog', { name: 'Xác nhận xóa' });
  await expect(dialog).toContainText('Kiểm tra E2E');
  await dialog.getByRole('button', { name: 'Xóa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã xóa ngày 16/10/2026.' })).toBeVisible();
  await expect(october.getByRole('cell', { name: /^16\/10\/2026: Thứ Sáu$/ })).toBeVisible();
});
