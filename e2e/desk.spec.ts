// Browser journeys of the desk's extras on the officer's dossier page (/workspace/dossiers/:id):
// the one-stop officer takes the fee in cash ("Thu tiền mặt") and prints the e-receipt; the
// specialist forwards a dossier to a chosen leader, who finds it under "Của tôi". Last, the
// catalogue pages send an Idempotency-Key with each change (on the administrators' private server).
//
// Officers of the demo province: motcua (desk of the provincial service centre), chuyenvien and
// giamdoc (Sở Tư pháp, which decides 2.000488, Phiếu lý lịch tư pháp, fee 200,000 VND in the
// general case). Each journey enters its own paper dossier through the API, as the counter page would.

import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminTest, expectNoAxeViolations, signInAdministrator } from './support.ts';
import { officerPage } from './support-api.ts';
import { openWorklist, receivedAtCounter } from './support-dossiers.ts';

/** The desk enters and receives a paper dossier: it waits for the specialist, its fee due. */
async function paperDossier(
  request: APIRequestContext,
  applicant: string,
): Promise<{ id: string; code: string }> {
  const dossier = await receivedAtCounter(request, {
    fullName: applicant,
    personalId: '087099001236',
    address: 'Số 5 đường Nguyễn Huệ, phường Mỹ Tho',
  });
  expect(dossier.paymentStatus).toBe('due');
  return dossier;
}

test('the desk takes the fee in cash, with a confirmation, and prints the e-receipt', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const dossier = await paperDossier(request, 'Trần Thị Thu');
  const desk = await officerPage(browser, 'motcua');
  await desk.goto(`/workspace/dossiers/${dossier.id}`);
  const fee = desk.getByRole('region', { name: 'Phí, lệ phí' });
  await expect(fee).toContainText('200.000 đồng');
  await expect(fee).toContainText('chưa nộp');
  await expectNoAxeViolations(desk);

  await fee.getByRole('button', { name: 'Thu tiền mặt' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Xác nhận thu tiền mặt' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(dossier.code);
  const amount = dialog.getByLabel('Số tiền đã nhận (đồng)');
  await expect(amount).toHaveValue('200000');
  await expectNoAxeViolations(desk);

  // A miscounted amount is refused by the server, which names the field; the message is beside it.
  await amount.fill('100000');
  await dialog.getByRole('button', { name: 'Xác nhận đã thu' }).click();
  await expect(dialog.locator('.field__error')).toContainText('200000');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(desk);

  await amount.fill('200.000');
  await dialog.getByRole('button', { name: 'Xác nhận đã thu' }).click();
  await expect(dialog).toBeHidden();
  await expect(fee.getByText(/^Đã thu 200\.000 đồng, biên lai số BL-\d{4}-\d{6}\.$/)).toBeVisible();
  await expect(fee).toContainText('đã nộp');
  await expect(fee.getByRole('button', { name: 'Thu tiền mặt' })).toHaveCount(0);
  const link = fee.getByRole('link', { name: 'In biên lai điện tử' });
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toBe(`/api/dossiers/${dossier.id}/receipt`);
  const pdf = await desk.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await expectNoAxeViolations(desk);
});

test('the specialist forwards to a chosen leader, who finds it under "Của tôi"', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const dossier = await paperDossier(request, 'Lê Văn Hậu');
  const specialist = await officerPage(browser, 'chuyenvien');
  await specialist.goto(`/workspace/dossiers/${dossier.id}`);
  await specialist
    .getByRole('region', { name: 'Thao tác' })
    .getByRole('button', { name: 'Chuyển tiếp', exact: true })
    .click();
  const dialog = specialist.getByRole('dialog', { name: 'Chuyển bước tiếp theo' });
  const chooser = dialog.getByLabel(/Người xử lý bước tiếp theo/);
  await expect(chooser).toBeVisible();
  await expect(dialog).toContainText(/Bước “Phê duyệt, ký” tại Sở Tư pháp/);
  await expect(chooser.locator('option').first()).toHaveText('Để đơn vị phân công');
  await expect(chooser.locator('option', { hasText: 'Huỳnh Thị Ngọc Hân' })).toHaveCount(1);
  await expect(chooser.locator('option', { hasText: 'Nguyễn Hoàng Phúc' })).toHaveCount(0);
  await expectNoAxeViolations(specialist);
  await chooser.selectOption({ label: 'Huỳnh Thị Ngọc Hân – Giám đốc Sở Tư pháp' });
  await dialog.getByRole('button', { name: 'Chuyển tiếp', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(specialist.getByText('Đã thực hiện: Chuyển tiếp.')).toBeVisible();
  const overview = specialist.getByRole('region', { name: 'Thông tin chung' });
  await expect(overview).toContainText('Người được giao');
  await expect(overview).toContainText('Huỳnh Thị Ngọc Hân');

  const director = await officerPage(browser, 'giamdoc');
  await openWorklist(director);
  const worklist = director.getByRole('table', { name: 'Hồ sơ cần xử lý' });
  const row = worklist.getByRole('row').filter({ hasText: dossier.code });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Người được giao: Huỳnh Thị Ngọc Hân');
  await expectNoAxeViolations(director);
});

adminTest(
  'the catalogue sends an Idempotency-Key with each change, a new one per change',
  async ({ page }) => {
    adminTest.setTimeout(180_000);
    // 2.001035 (chứng thực bản sao): a procedure the other catalogue journey (figures.spec.ts) leaves alone.
    const code = '2.001035';
    const keys: { path: string; key: string | null }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/procedures'))
        keys.push({
          path: new URL(request.url()).pathname,
          key: request.headers()['idempotency-key'] ?? null,
        });
    });
    await signInAdministrator(page);
    await page.goto(`/workspace/procedures?code=${code}`);
    const versions = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4 }) });
    await expect(versions.first()).toContainText('Đang có hiệu lực');
    const before = await versions.count();
    await page.getByRole('button', { name: 'Thêm phiên bản' }).click();
    const form = page.getByRole('region', { name: `Phiên bản mới của thủ tục ${code}` });
    const later = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(Date.now() + 60 * 86_400_000),
    );
    await form.getByLabel('Có hiệu lực từ ngày').fill(later);
    await form.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /^Đã lưu bản nháp phiên bản \d+\.$/ }),
    ).toBeVisible();
    await expect(versions).toHaveCount(before + 1);
    await versions
      .first()
      .getByRole('button', { name: /^Công bố phiên bản \d+$/ })
      .click();
    await expect(page.getByRole('status').filter({ hasText: /^Đã công bố phiên bản \d+\.$/ })).toBeVisible();
    await expect(versions.first()).toContainText('Sắp có hiệu lực');

    expect(keys.map((sent) => sent.path)).toEqual([
      `/api/procedures/${code}/versions`,
      expect.stringMatching(
        new RegExp(`^/api/procedures/${code.replace('.', '\\.')}/versions/\\d+/publish$`),
      ),
    ]);
    for (const sent of keys) expect(sent.key).toMatch(/^[A-Za-z0-9._:-]{8,200}$/);
    expect(new Set(keys.map((sent) => sent.key)).size).toBe(2);
    await expectNoAxeViolations(page);
  },
);
