// Remote signing in the browser (ký số từ xa, ADR 0022): chuyenvien drafts a decision for the Phó
// Giám đốc of Sở Tư pháp, whom the demo enrols for remote signing; the deputy approves and presses
// Ký số; the page waits and shows what the phone shows; a second page opens the simulator's phone
// and confirms; the first page shows the signed draft with a valid signature. Axe on each page.

import { expect, test, type Browser, type Page } from '@playwright/test';
import { AGENCY, officials } from '@tinhso/server/demo-directory';
import { expectNoAxeViolations, signIn } from './support.ts';

const deputy = officials.find((official) =>
  official.appointments.some(
    (post) => post.agencyCode === AGENCY.tuPhap && post.positionType === 'pho_giam_doc',
  ),
);
const SUMMARY = 'Về việc ký số từ xa văn bản thử nghiệm';

async function officer(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  await expect(page).toHaveURL(/\/workspace$/);
  return page;
}

test('the deputy director signs a decision by confirming on the simulated phone', async ({ browser }) => {
  test.setTimeout(180_000);
  if (!deputy) throw new Error('the demo has no Phó Giám đốc at Sở Tư pháp');
  const drafter = await officer(browser, 'chuyenvien');
  await drafter.goto('/workspace/documents/outgoing/new');
  await drafter.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định (cá biệt)' });
  await drafter.getByLabel('Trích yếu').fill(SUMMARY);
  await drafter
    .getByLabel('Nội dung', { exact: true })
    .fill('Điều 1. Thử nghiệm ký số từ xa.\n\nĐiều 2. Quyết định có hiệu lực từ ngày ký.');
  const recipients = drafter.getByLabel(/^Nơi nhận trong tỉnh/);
  const province = await recipients
    .locator('option', { hasText: /^Ủy ban nhân dân tỉnh/ })
    .first()
    .textContent();
  await recipients.selectOption({ label: province ?? '' });
  const signerField = drafter.getByLabel('Người ký (đề xuất)');
  const signerLabel = await signerField.locator('option', { hasText: deputy.fullName }).first().textContent();
  await signerField.selectOption({ label: signerLabel ?? '' });
  await drafter.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(drafter.getByRole('heading', { level: 1, name: SUMMARY })).toBeVisible();
  const draftUrl = drafter.url();
  await drafter
    .getByRole('region', { name: 'Trình duyệt' })
    .getByRole('button', { name: 'Trình', exact: true })
    .click();
  await expect(drafter.getByText('Chờ ký duyệt')).toBeVisible();

  const signer = await officer(browser, deputy.username);
  await signer.goto(draftUrl);
  await signer.getByRole('button', { name: 'Duyệt' }).click();
  await expect(signer.getByText('Đã duyệt, chờ ký số')).toBeVisible();
  await expect(signer.getByText('Bạn ký bằng ký số từ xa')).toBeVisible();
  await signer.getByRole('button', { name: 'Ký số' }).click();
  await expect(signer.getByText('Đang chờ xác nhận trên điện thoại…')).toBeVisible();
  await expect(signer.getByTestId('remote-signing-description')).toHaveText(`Ký văn bản: ${SUMMARY}`);
  await expectNoAxeViolations(signer);

  // The phone: another page, as the official's phone app would be.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
  await phone.goto(`/simulators/remote-signing/phone?user=${encodeURIComponent(deputy.username)}`);
  const request = phone.getByRole('listitem').filter({ hasText: `Ký văn bản: ${SUMMARY}` });
  await expect(request).toBeVisible();
  await expectNoAxeViolations(phone);
  await request.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(phone.getByText('Đã xác nhận ký.')).toBeVisible();

  await expect(signer.getByText('Đã ký, chờ phát hành')).toBeVisible({ timeout: 60_000 });
  const signatures = signer.getByRole('table', { name: 'Chữ ký số trên văn bản' });
  await expect(signatures.getByRole('row')).toHaveCount(2);
  await expect(signatures).toContainText('Hợp lệ');
  await expect(signatures).toContainText(deputy.fullName);
  await expectNoAxeViolations(signer);
});
