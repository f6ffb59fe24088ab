// R-DOS-10 in the back office: the one-stop desk records that the paper file of a counter dossier
// left for the deciding unit. The dossier is entered through the API as the counter page would;
// the desk hands it over from the dossier's action panel, with a note of who carried it.
//
// motcua is the desk of the provincial service centre; Sở Tư pháp decides 2.000488.

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.ts';
import { receivedAtCounter } from './support-dossiers.ts';

test('the desk hands the paper file over once; the overview, the log and the control slip show it', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { id, code } = await receivedAtCounter(request);
  await signIn(page, 'motcua');
  await expect(page).toHaveURL(/\/workspace$/);
  await page.goto(`/workspace/dossiers/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` })).toBeVisible();

  const overview = page.getByRole('region', { name: 'Thông tin chung' });
  await expect(overview).toContainText('Chưa bàn giao cho đơn vị giải quyết');
  const actions = page.getByRole('region', { name: 'Thao tác' });
  await actions.getByRole('button', { name: 'Bàn giao hồ sơ giấy', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Bàn giao hồ sơ giấy' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('đầu giờ ngày làm việc tiếp theo');
  await expectNoAxeViolations(page);
  await dialog.getByLabel(/^Ghi chú/).fill('Anh Lê Văn Bình mang sang Sở Tư pháp');
  await dialog.getByRole('button', { name: 'Bàn giao hồ sơ giấy', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Đã thực hiện: Bàn giao hồ sơ giấy.')).toBeVisible();

  await expect(overview).not.toContainText('Chưa bàn giao');
  await expect(overview).toContainText(/Bàn giao hồ sơ giấy\s*\d{2}\/\d{2}\/\d{4}/);
  await expect(actions.getByRole('button', { name: 'Bàn giao hồ sơ giấy', exact: true })).toHaveCount(0);
  const log = page.getByRole('region', { name: 'Nhật ký xử lý' });
  await expect(log).toContainText('Anh Lê Văn Bình mang sang Sở Tư pháp');
  const slip = page.getByRole('table', { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' });
  const row = slip.getByRole('row').filter({ hasText: 'Bàn giao hồ sơ giấy' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Đúng hạn');
});
