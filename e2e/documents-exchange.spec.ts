// A document goes from one demo agency to another and its statuses come back (issue 4, "Done when"):
// Sở Tư pháp drafts, signs and issues a decision to Văn phòng UBND tỉnh through the API (the drafting
// screens have their own journey, documents-outgoing.spec.ts); in the browser the office's clerk finds
// it in the exchange box with its valid signature and enters it in the register, and Sở Tư pháp's
// clerk sees the office's answers come back on the same page: 01 arrived, then 03 registered.

import { expect, test, type Page } from '@playwright/test';
import { AGENCY } from '@tinhso/server/demo-directory';
import { expectNoAxeViolations } from './support.ts';
import { apiSession, officerPage } from './support-api.ts';

const SUMMARY = `Về việc phối hợp kiểm tra công tác chứng thực (liên thông ${Date.now().toString(36)})`;

async function reloadUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
}

test('a decision issued by Sở Tư pháp reaches Văn phòng UBND tỉnh, is registered there, and its statuses come back', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // A request context each: one session per user, signed in side by side.
  const apiAs = async (username: string) =>
    apiSession(await playwright.request.newContext({ baseURL }), username);
  const drafter = await apiAs('chuyenvien');
  const director = await apiAs('giamdoc');
  const clerk = await apiAs('vanthu');

  const agencies = (await (await drafter.request.get('/api/public/agencies')).json()) as {
    items: { id: string; code: string }[];
  };
  const office = agencies.items.find((agency) => agency.code === AGENCY.vpUbnd);
  expect(office, 'the demo has Văn phòng UBND tỉnh').toBeDefined();
  const colleagues = (await (await drafter.request.get('/api/documents/outgoing/colleagues')).json()) as {
    items: { officialId: string; name: string; signingLines: string[] | null }[];
  };
  const signer = colleagues.items.find((colleague) => colleague.name === 'Huỳnh Thị Ngọc Hân');
  expect(signer?.signingLines, 'the director may sign').not.toBeNull();

  const draft = await drafter.post<{ id: string }>('/api/documents/outgoing/drafts', {
    typeCode: 'quyet_dinh',
    summary: SUMMARY,
    body: 'Điều 1. Phối hợp kiểm tra công tác chứng thực tại các xã, phường.\n\nĐiều 2. Quyết định có hiệu lực từ ngày ký.',
    place: 'Đồng Tháp',
    recipients: [{ kind: 'agency', agencyId: office!.id }],
    signerId: signer!.officialId,
    urgency: 'thuong',
    confidentiality: 'thuong',
  });
  const drafts = `/api/documents/outgoing/drafts/${draft.id}`;
  await drafter.post(`${drafts}/submit`);
  await director.post(`${drafts}/approve`);
  await director.post(`${drafts}/sign`);
  const issued = await clerk.post<{ numberSymbol: string }>(`${drafts}/issue`);
  expect(issued.numberSymbol).toMatch(/^\d+\/QĐ-STP$/);

  // Văn phòng UBND tỉnh: the package waits in the box with the signer named; the clerk registers it.
  const receiving = await officerPage(browser, 'vanthutinh');
  await receiving.goto('/workspace/exchange');
  const box = receiving.getByRole('region', { name: 'Văn bản điện tử đến chờ đăng ký' });
  const card = box.getByRole('listitem').filter({ hasText: SUMMARY });
  await reloadUntil(receiving, () => expect(card).toBeVisible({ timeout: 2_000 }));
  await expect(card.getByRole('heading', { level: 3 })).toContainText(issued.numberSymbol);
  await expect(card).toContainText('Chữ ký số hợp lệ: Huỳnh Thị Ngọc Hân');
  await expect(card).toContainText('Từ Sở Tư pháp');
  await expectNoAxeViolations(receiving);
  await card.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
  await expect(box.getByText(`Đã vào sổ văn bản đến: ${SUMMARY}.`)).toBeVisible();
  await expect(card).toHaveCount(0);

  // The office's register has it, under the number the sender gave it.
  await box.getByRole('link', { name: 'Xem sổ văn bản đến' }).click();
  await expect(receiving).toHaveURL(/\/workspace\/documents\/incoming$/);
  await expect(receiving.getByRole('table').getByRole('row').filter({ hasText: SUMMARY })).toContainText(
    issued.numberSymbol,
  );

  // Sở Tư pháp: the documents sent show the office's latest answer, 03 registered.
  const sending = await officerPage(browser, 'vanthu');
  await sending.goto('/workspace/exchange');
  const sent = sending
    .getByRole('table', { name: 'Văn bản đã gửi' })
    .getByRole('row')
    .filter({ hasText: SUMMARY });
  await reloadUntil(sending, () => expect(sent).toContainText('03 · Đã tiếp nhận', { timeout: 2_000 }));
  await expect(sent).toContainText(`(${AGENCY.vpUbnd})`);
  await expectNoAxeViolations(sending);

  // Sở Tư pháp's clerk corrects the trích yếu sent with it (an update, BussinessDocType 2): the
  // office's register takes the correction, with a line of the document's history.
  const corrected = `${SUMMARY} (đã cập nhật)`;
  await sending.goto(`/workspace/documents/outgoing/${draft.id}`);
  const panel = sending.getByRole('region', { name: 'Cập nhật thông tin văn bản đã gửi' });
  await panel.getByRole('button', { name: 'Cập nhật thông tin…' }).click();
  await panel.getByLabel('Trích yếu').fill(corrected);
  await panel.getByLabel('Lý do cập nhật').fill('Trích yếu thiếu phạm vi kiểm tra');
  await expectNoAxeViolations(sending);
  await panel.getByRole('button', { name: 'Gửi cập nhật' }).click();
  await expect(panel.getByText('Đã cập nhật thông tin và gửi đến các nơi nhận.')).toBeVisible();
  await expect(sending.getByRole('heading', { level: 1 })).toContainText(corrected);

  await receiving.goto('/workspace/documents/incoming');
  const row = receiving.getByRole('table').getByRole('row').filter({ hasText: corrected });
  await reloadUntil(receiving, () => expect(row).toBeVisible({ timeout: 2_000 }));
  await row.getByRole('link').first().click();
  await expect(receiving.getByText('Cơ quan ban hành cập nhật thông tin')).toBeVisible();
  await expect(
    receiving.getByText('Lý do: Trích yếu thiếu phạm vi kiểm tra', { exact: false }),
  ).toBeVisible();
});
