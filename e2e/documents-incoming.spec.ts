// Issue 4, incoming documents (NĐ 30/2020 Art 22, Phụ lục IV; ADR 0018): the clerk of Sở Tư pháp
// registers a document with its PDF scan and submits it to the director; the director writes the
// instruction and gives it to the specialist's unit with a deadline; the specialist finds it in
// "my documents", records progress and completes it; the clerk closes it. Each page passes axe.

import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.ts';

const SCAN = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  await expect(page).toHaveURL(/\/workspace$/);
  return page;
}

/** The YYYY-MM-DD of today plus some days, in the province (UTC+7). */
function dayInProvince(plusDays: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

async function chooseOption(page: Page, label: string, text: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  expect(value).toBeTruthy();
  await select.selectOption(value ?? '');
}

test('an incoming document goes from registration to closing through the clerk, the director and the specialist', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const symbol = `${String(Date.now() % 100_000)}/UBND-VP`;

  // The clerk registers it with its scan.
  const clerk = await as(browser, 'vanthu');
  await clerk.goto('/workspace/documents/incoming');
  await expect(clerk.getByRole('heading', { level: 1, name: 'Sổ đăng ký văn bản đến' })).toBeVisible();
  await expectNoAxeViolations(clerk);
  const form = clerk.getByRole('region', { name: 'Đăng ký văn bản đến' });
  await form.getByLabel('Tác giả', { exact: true }).fill('Ủy ban nhân dân tỉnh');
  await form.getByLabel('Số, ký hiệu', { exact: true }).fill(symbol);
  await form.getByLabel('Ngày văn bản', { exact: true }).fill(dayInProvince(0));
  await form
    .getByLabel('Trích yếu nội dung', { exact: true })
    .fill('Về việc rà soát văn bản quy phạm pháp luật năm 2026');
  await form.getByLabel('Độ khẩn', { exact: true }).selectOption({ label: 'Khẩn' });
  await form
    .getByLabel('Bản quét (PDF)')
    .setInputFiles({ name: 'cong-van.pdf', mimeType: 'application/pdf', buffer: SCAN });
  await expect(form.getByText('Đã tải lên: cong-van.pdf')).toBeVisible();
  await form.getByRole('button', { name: 'Đăng ký', exact: true }).click();

  await expect(clerk).toHaveURL(/\/workspace\/documents\/incoming\/[0-9a-f-]{36}$/);
  const address = clerk.url();
  const title = clerk.getByRole('heading', { level: 1, name: /Văn bản đến số \d+\/\d{4}/ });
  await expect(title).toBeVisible();
  const number = ((await title.textContent()) ?? '').match(/\d+\/\d{4}/)?.[0] ?? '';
  const facts = clerk.getByRole('region', { name: 'Thông tin văn bản' });
  await expect(facts).toContainText('Đã đăng ký');
  await expect(facts.getByRole('link', { name: 'Xem bản quét' })).toBeVisible();
  await expectNoAxeViolations(clerk);
  await chooseOption(clerk, 'Lãnh đạo', 'Huỳnh Thị Ngọc Hân');
  await clerk.getByRole('button', { name: 'Trình lãnh đạo', exact: true }).click();
  await expect(facts).toContainText('Chờ ý kiến chỉ đạo');

  // The director finds it in "my documents", instructs and assigns the specialist's unit.
  const director = await as(browser, 'giamdoc');
  await director.goto('/workspace/documents');
  await expect(director.getByRole('heading', { level: 1, name: 'Văn bản của tôi' })).toBeVisible();
  await expectNoAxeViolations(director);
  await director.getByRole('link', { name: number, exact: true }).click();
  await expect(director.getByRole('heading', { level: 1, name: `Văn bản đến số ${number}` })).toBeVisible();
  await director
    .getByLabel('Ý kiến chỉ đạo (bút phê)')
    .fill('Giao Phòng Hành chính tư pháp chủ trì tham mưu trả lời.');
  await chooseOption(director, 'Đơn vị hoặc người chủ trì', 'Phòng Hành chính tư pháp');
  await director.getByLabel(/^Thời hạn giải quyết/).fill(dayInProvince(5));
  await expectNoAxeViolations(director);
  await director.getByRole('button', { name: 'Cho ý kiến và phân công', exact: true }).click();
  const handling = director.getByRole('region', { name: 'Xử lý văn bản' });
  await expect(handling).toContainText('Giao Phòng Hành chính tư pháp chủ trì tham mưu trả lời.');
  await expect(handling).toContainText('Còn 5 ngày');

  // The specialist sees it first among his documents, records progress and completes it.
  const specialist = await as(browser, 'chuyenvien');
  await specialist.goto('/workspace/documents');
  const row = specialist.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('Chủ trì');
  await expectNoAxeViolations(specialist);
  await row.getByRole('link', { name: number, exact: true }).click();
  await specialist.getByLabel('Tiến độ, đề xuất').fill('Đã dự thảo công văn trả lời, trình lãnh đạo phòng.');
  await specialist.getByRole('button', { name: 'Cập nhật tiến độ', exact: true }).click();
  const facts2 = specialist.getByRole('region', { name: 'Thông tin văn bản' });
  await expect(facts2).toContainText('Đang giải quyết');
  await specialist.getByLabel('Kết quả giải quyết').fill('Đã trả lời bằng công văn của Sở.');
  await specialist.getByLabel(/^Số, ký hiệu văn bản trả lời/).fill('120/STP-HCTP');
  await expectNoAxeViolations(specialist);
  await specialist.getByRole('button', { name: 'Hoàn thành xử lý', exact: true }).click();
  await expect(facts2).toContainText('Đã giải quyết');

  // The clerk closes it; the history tells the whole story.
  await clerk.goto(address);
  await clerk.getByRole('button', { name: 'Kết thúc văn bản', exact: true }).click();
  await expect(facts).toContainText('Đã kết thúc');
  const history = clerk.getByRole('region', { name: 'Quá trình xử lý' });
  for (const step of [
    'Đăng ký',
    'Trình lãnh đạo',
    'Cho ý kiến và phân công',
    'Cập nhật tiến độ',
    'Hoàn thành xử lý',
    'Kết thúc văn bản',
  ])
    await expect(history).toContainText(step);
  await expectNoAxeViolations(clerk);
});
