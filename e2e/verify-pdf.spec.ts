// The public signature check (issue 4: a public page verifies an uploaded PDF). A receipt printed
// by the one-stop desk for a counter dossier carries the agency's seal (demo CA, in the demo's trust list): the page calls
// it valid. The same file with one byte changed inside the signed range is reported NOT valid, and a
// file that is not a PDF gets a clear message. No sign-in.

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support.ts';
import { receivedAtCounter } from './support-dossiers.ts';

test('anyone checks the signatures of a PDF, and a changed one is never shown as valid', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  // A sealed form: the receipt (01) the desk prints for a dossier it received at the counter.
  const { id } = await receivedAtCounter(request);
  const form = await request.get(`/api/dossiers/${id}/forms/01`);
  expect(form.status()).toBe(200);
  const sealed = Buffer.from(await form.body());

  await page.goto('/verify');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kiểm tra chữ ký số trên văn bản PDF' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page
    .getByLabel('Tệp PDF')
    .setInputFiles({ name: 'giay-tiep-nhan.pdf', mimeType: 'application/pdf', buffer: sealed });
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả kiểm tra tệp giay-tiep-nhan.pdf' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Chữ ký 1: HỢP LỆ' })).toBeVisible();
  await expect(page.getByText('Chứng thư thuộc tổ chức chứng thực tin cậy')).toBeVisible();
  // The demo seals with a timestamp from its own TSA (ADR 0024): the certificate is judged at it.
  await expect(page.getByText(/\(tin cậy\)$/)).toBeVisible();
  await expect(page.getByText(/, theo dấu thời gian tin cậy:/)).toBeVisible();
  await expectNoAxeViolations(page);

  // One byte changed in the signed bytes (early in the file, before the signature dictionary).
  const tampered = Buffer.from(sealed);
  const at = tampered.indexOf('/Type');
  tampered[at + 1] = tampered[at + 1] === 0x54 ? 0x55 : 0x54;
  await page
    .getByLabel('Tệp PDF')
    .setInputFiles({ name: 'da-sua.pdf', mimeType: 'application/pdf', buffer: tampered });
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByRole('heading', { name: 'Chữ ký 1: KHÔNG HỢP LỆ' })).toBeVisible();
  await expect(page.getByText('Nội dung đã bị thay đổi hoặc chữ ký hỏng')).toBeVisible();
  await expect(page.getByText(/, lúc kiểm tra \(không có dấu thời gian tin cậy\)$/)).toBeVisible();

  await page
    .getByLabel('Tệp PDF')
    .setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải PDF') });
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByRole('alert')).toContainText('file');
  await expectNoAxeViolations(page);
});
