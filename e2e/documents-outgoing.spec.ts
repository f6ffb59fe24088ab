// An outgoing document from draft to issue (issue 4, item 2): chuyenvien drafts a decision of Sở Tư
// pháp, asks a colleague's opinion and submits it to the director; giamdoc approves and signs it
// with the personal key of the demo; vanthu seals, numbers and issues it; the issued PDF carries two
// valid signatures (personal, then the agency seal). Each page passes the axe check.

import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.ts';

async function officer(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  await expect(page).toHaveURL(/\/workspace$/);
  return page;
}

test('a decision is drafted, approved and signed, then sealed, numbered and issued with two valid signatures', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const drafter = await officer(browser, 'chuyenvien');
  await drafter.goto('/workspace/documents/outgoing');
  await expect(drafter.getByRole('heading', { level: 1, name: 'Văn bản đi' })).toBeVisible();
  await expectNoAxeViolations(drafter);
  await drafter.getByRole('link', { name: 'Soạn văn bản mới' }).click();
  await expect(drafter.getByRole('heading', { level: 1, name: 'Soạn văn bản đi' })).toBeVisible();
  await expect(drafter.getByLabel('Người ký (đề xuất)')).toContainText('Huỳnh Thị Ngọc Hân');
  await expectNoAxeViolations(drafter);

  await drafter.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định (cá biệt)' });
  await drafter.getByLabel('Trích yếu').fill('Về việc kiểm tra công tác chứng thực năm 2026');
  await drafter
    .getByLabel('Nội dung', { exact: true })
    .fill(
      'Điều 1. Kiểm tra công tác chứng thực tại các xã, phường.\n\nĐiều 2. Quyết định có hiệu lực từ ngày ký.',
    );
  const recipients = drafter.getByLabel(/^Nơi nhận trong tỉnh/);
  const province = await recipients
    .locator('option', { hasText: /^Ủy ban nhân dân tỉnh/ })
    .first()
    .textContent();
  await recipients.selectOption({ label: province ?? '' });
  await drafter.getByLabel('Người ký (đề xuất)').selectOption({ label: 'Huỳnh Thị Ngọc Hân — GIÁM ĐỐC' });
  await drafter.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(
    drafter.getByRole('heading', { level: 1, name: 'Về việc kiểm tra công tác chứng thực năm 2026' }),
  ).toBeVisible();
  await expect(drafter.getByText('Đang dự thảo')).toBeVisible();
  const draftUrl = drafter.url();
  await expect(drafter.getByRole('link', { name: 'Tải PDF (Phiên bản 1)' })).toBeVisible();

  // An opinion asked of a colleague, then straight to the signer.
  const opinions = drafter.getByRole('region', { name: 'Ý kiến góp ý' });
  await opinions.getByLabel('Nội dung xin ý kiến').fill('Xin ý kiến về Điều 1.');
  await opinions.getByRole('button', { name: 'Xin ý kiến' }).click();
  await expect(opinions.getByText('Xin ý kiến về Điều 1. — Chưa trả lời')).toBeVisible();
  await expectNoAxeViolations(drafter);
  const review = drafter.getByRole('region', { name: 'Trình duyệt' });
  await review.getByRole('button', { name: 'Trình', exact: true }).click();
  await expect(drafter.getByText('Chờ ký duyệt')).toBeVisible();

  const director = await officer(browser, 'giamdoc');
  await director.goto('/workspace/documents/outgoing');
  // Waiting for the director's signature (and perhaps the opinion, if the colleague asked was them).
  const waiting = director.getByRole('region', { name: 'Văn bản đi chờ tôi' });
  await expect(
    waiting
      .getByRole('listitem')
      .filter({ hasText: 'Chờ ký:' })
      .getByRole('link', { name: 'Về việc kiểm tra công tác chứng thực năm 2026' }),
  ).toBeVisible();
  await director.goto(draftUrl);
  await director.getByRole('button', { name: 'Duyệt' }).click();
  await expect(director.getByText('Đã duyệt, chờ ký số')).toBeVisible();
  await expectNoAxeViolations(director);
  await director.getByRole('button', { name: 'Ký số' }).click();
  await expect(director.getByText('Đã ký, chờ phát hành')).toBeVisible();
  const personal = director.getByRole('table', { name: 'Chữ ký số trên văn bản' });
  await expect(personal.getByRole('row')).toHaveCount(2);
  await expect(personal).toContainText('Hợp lệ');
  await expectNoAxeViolations(director);

  const clerk = await officer(browser, 'vanthu');
  await clerk.goto(draftUrl);
  await clerk.getByLabel(/^Số lượng bản/).fill('2');
  await clerk.getByRole('button', { name: 'Đóng dấu số, cấp số và phát hành' }).click();
  await expect(clerk.getByText('Đã phát hành', { exact: true })).toBeVisible();
  await expect(clerk.locator('.lead')).toContainText(/Số, ký hiệu: \d{2}\/QĐ-STP/);
  const signatures = clerk.getByRole('table', { name: 'Chữ ký số trên văn bản' });
  await expect(signatures.getByRole('row')).toHaveCount(3);
  await expect(signatures.getByText('Hợp lệ', { exact: true })).toHaveCount(2);
  await expect(signatures).toContainText('Phát hành');
  await expect(clerk.getByRole('link', { name: 'Tải PDF (Phiên bản 3)' })).toBeVisible();
  await expectNoAxeViolations(clerk);
});
