// Giấy ủy quyền (TUQ., NĐ 30/2020 Art 13): the Giám đốc of Sở Tư pháp lets a specialist sign "TUQ.
// GIÁM ĐỐC" from today, sees it in force, then ends it; a wrong end date is refused beside its field.
// Axe on the page.

import { expect, test } from '@playwright/test';
import { officials } from '@tinhso/server/demo-directory';
import { expectNoAxeViolations, signIn } from './support.ts';

const specialist = officials.find((official) => official.username === 'chuyenvien')!;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

test('the director authorises a specialist to sign TUQ., then ends it', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'giamdoc');
  await expect(page).toHaveURL(/\/workspace$/);
  await page.goto('/workspace/documents/outgoing');
  const section = page.getByRole('region', { name: 'Ủy quyền ký (TUQ.)' });
  await expect(section).toBeVisible();
  const form = section.getByRole('form', { name: 'Ủy quyền ký' });
  const grantee = form.getByLabel('Người được ủy quyền');
  const option = await grantee.locator('option', { hasText: specialist.fullName }).first().textContent();
  await grantee.selectOption({ label: option ?? '' });
  await form.getByLabel('Từ ngày').fill(today);
  await form.getByLabel(/^Đến hết ngày trước/).fill(today);
  await form.getByRole('button', { name: 'Ủy quyền ký' }).click();
  await expect(form.getByLabel(/^Đến hết ngày trước/)).toHaveAccessibleDescription(
    new RegExp(`ngày kết thúc phải sau ngày bắt đầu \\(${today}\\)`),
  );

  await form.getByLabel(/^Đến hết ngày trước/).fill('');
  await form.getByLabel(/^Nội dung ủy quyền/).fill('Ký các văn bản chứng thực khi Giám đốc đi công tác');
  await form.getByRole('button', { name: 'Ủy quyền ký' }).click();
  await expect(form.getByText('Đã ghi giấy ủy quyền.')).toBeVisible();
  const row = section.getByRole('table', { name: 'Ủy quyền ký (TUQ.)' }).getByRole('row', {
    name: new RegExp(specialist.fullName),
  });
  await expect(row).toContainText('Đang hiệu lực');
  await expect(row).toContainText(today);
  await expectNoAxeViolations(page);

  await row.getByRole('button', { name: `Chấm dứt ủy quyền của ${specialist.fullName}` }).click();
  await expect(section.getByText('Đã chấm dứt ủy quyền.')).toBeVisible();
  await expect(section.getByText('Chưa có giấy ủy quyền nào.')).toBeVisible();
});
