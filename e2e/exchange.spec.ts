// The exchange page (issue 4 item 3) for the receiving clerk of Văn phòng UBND tỉnh ('vanthutinh'):
// the box of electronic documents, the documents sent, quarantine and the agency-code directory,
// in Vietnamese, readable with axe finding no WCAG 2.1 AA violation. The full journey (Sở Tư pháp
// issues, the package arrives, statuses come back) is wired by the document journeys.

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.ts';

test('the clerk’s exchange page lists the box, the documents sent, quarantine and the directory', async ({
  page,
}) => {
  await signIn(page, 'vanthutinh');
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto('/workspace/exchange');
  await expect(page.getByRole('heading', { level: 1, name: 'Liên thông văn bản' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Văn bản điện tử đến chờ đăng ký' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Văn bản đã gửi' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Gói tin bị cách ly' })).toBeVisible();
  const directory = page.getByRole('region', { name: 'Danh bạ mã định danh' });
  await expect(directory.getByRole('cell', { name: '000.00.05.H20' })).toBeVisible();
  await expect(directory.getByRole('cell', { name: 'Cùng hệ thống' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
