// Work files (hồ sơ công việc, NĐ 30/2020 ch. IV): the specialist opens a file, finds an incoming
// document in the register and puts it in, closes the file when the work ends and downloads the
// archive package; the clerk confirms the hand-over to the archive. The incoming document is
// registered through the API, as the clerk's register page would.
//
// chuyenvien and vanthu work at Sở Tư pháp.

import { expect, test, type APIRequestContext } from '@playwright/test';
import { PASSWORD, expectNoAxeViolations, signIn } from './support.ts';

async function registeredLetter(request: APIRequestContext, summary: string): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { username: 'vanthu', password: PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { session } = (await login.json()) as { session: { csrfToken: string } };
  const year = new Date().getFullYear();
  const answer = await request.post('/api/documents/incoming', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {
      issuerName: 'Ủy ban nhân dân tỉnh Đồng Tháp',
      numberSymbol: '321/UBND-VP',
      issuedOn: `${year}-01-02`,
      typeCode: 'cong_van',
      summary,
      urgency: 'thuong',
      confidentiality: 'thuong',
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  await request.post('/api/auth/logout', { headers: { 'x-csrf-token': session.csrfToken } });
}

test('a specialist keeps a work file from opening to the archive package', async ({ page, request }) => {
  test.setTimeout(90_000);
  await registeredLetter(request, 'Về việc rà soát thủ tục hành chính lĩnh vực hộ tịch');

  await signIn(page, 'chuyenvien');
  await expect(page).toHaveURL(/\/workspace$/);
  await page.goto('/workspace/documents/files');
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ công việc' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Ký hiệu hồ sơ').fill('07.HCTP');
  await page.getByLabel('Tiêu đề hồ sơ').fill('Hồ sơ rà soát thủ tục hành chính lĩnh vực hộ tịch');
  await page.getByRole('button', { name: 'Lập hồ sơ mới' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hồ sơ rà soát thủ tục hành chính lĩnh vực hộ tịch' }),
  ).toBeVisible();
  await expect(page.getByText(/\.\d{4}\.07\.HCTP$/)).toBeVisible();
  await expect(page.getByText('Hồ sơ chưa có văn bản.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Searching without diacritics finds the letter; it goes in as document 1.
  await page.getByLabel('Tìm trong sổ văn bản đến (trích yếu, số ký hiệu, tác giả)').fill('ra soat thu tuc');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.getByRole('button', { name: 'Đưa vào hồ sơ văn bản 321/UBND-VP' }).click();
  const contents = page.getByRole('region', { name: 'Mục lục văn bản trong hồ sơ' });
  await expect(contents.getByRole('cell', { name: '321/UBND-VP' })).toBeVisible();
  await expect(page.getByText('10 năm (theo loại văn bản trong hồ sơ)')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Kết thúc hồ sơ' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Đã kết thúc' })).toHaveClass(/--done/);
  await expect(page.getByText(/còn 36[56] ngày/)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải gói nộp lưu (ZIP: METS, EAD, PREMIS, PDF)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.07\.HCTP\.zip$/);
  await expectNoAxeViolations(page);
  const url = page.url();

  await page.context().clearCookies();
  await signIn(page, 'vanthu');
  await expect(page).toHaveURL(/\/workspace$/);
  await page.goto(url);
  await page.getByRole('button', { name: 'Xác nhận đã nộp lưu' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Đã nộp lưu' })).toHaveClass(/--done/);
  await expect(page.getByRole('button', { name: 'Xác nhận đã nộp lưu' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
