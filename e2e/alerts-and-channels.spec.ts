// A citizen chooses Zalo for their dossier notices in their account (a wrong number is named beside
// its field), and an officer finds the alerts and reminders page in the workspace. Both pages are
// checked with axe. The alerts themselves are sent by the periodic scan and tested through the API
// (apps/server/test/dossier-alerts.test.ts): the scan's clock cannot be moved from a browser.

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.ts';

/** A demo citizen the other journeys do not use, so that their notices keep the default channels. */
const CITIZEN = '082185003417';

test('a citizen chooses Zalo instead of SMS for dossier notices', async ({ page }) => {
  await signIn(page, CITIZEN);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Nhận thông báo về hồ sơ' });
  await expect(section.getByText('Ông/bà chưa chọn: đang nhận qua thư điện tử và SMS.')).toBeVisible();
  await expect(section.getByLabel('Thư điện tử (email ghi trong hồ sơ)')).toBeChecked();
  await expect(section.getByLabel('Tin nhắn SMS (số điện thoại ghi trong hồ sơ)')).toBeChecked();
  await expectNoAxeViolations(page);

  await section.getByLabel('Tin nhắn SMS (số điện thoại ghi trong hồ sơ)').uncheck();
  await section.getByLabel('Zalo (tin nhắn từ Zalo OA của tỉnh)').check();
  await section.getByLabel(/Số điện thoại dùng Zalo/).fill('12345');
  await section.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(section.locator('.field--invalid')).toBeVisible();
  await expectNoAxeViolations(page);

  await section.getByLabel(/Số điện thoại dùng Zalo/).fill('0987654321');
  await section.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(section.getByText('Đã lưu. Các thông báo sau sẽ gửi theo lựa chọn mới.')).toBeVisible();

  await page.reload();
  const again = page.getByRole('region', { name: 'Nhận thông báo về hồ sơ' });
  await expect(again.getByLabel('Zalo (tin nhắn từ Zalo OA của tỉnh)')).toBeChecked();
  await expect(again.getByLabel('Tin nhắn SMS (số điện thoại ghi trong hồ sơ)')).not.toBeChecked();
  await expect(again.getByLabel(/Số điện thoại dùng Zalo/)).toHaveValue('0987654321');
});

test('an officer opens the alerts and reminders page from the workspace menu', async ({ page }) => {
  await signIn(page, 'motcua');
  await expect(page).toHaveURL(/\/workspace$/);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /Cảnh báo, nhắc việc/ })
    .click();
  await expect(page).toHaveURL(/\/workspace\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cảnh báo, nhắc việc' })).toBeVisible();
  await expect(page.getByText(/Mỗi cảnh báo chỉ gửi một lần/)).toBeVisible();
  await expectNoAxeViolations(page);
});
