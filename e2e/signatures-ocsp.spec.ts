// Revocation by OCSP (ADR 0026): the demo root's responder is the server's own /simulators/ocsp, so
// the /verify page says a sealed receipt is not revoked "according to the CA's OCSP responder". The
// administrator points the root at a responder that does not answer: the same receipt is then judged
// by the demo CA's CRL, and the page says so. The setting is put back at the end.

import { expect, type Page } from '@playwright/test';
import { adminTest, expectNoAxeViolations, signInAdministrator } from './support.ts';
import { receivedAtCounter } from './support-dossiers.ts';

async function verify(page: Page, pdf: Buffer, name: string) {
  await page.goto('/verify');
  await page.getByLabel('Tệp PDF').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByRole('heading', { name: `Kết quả kiểm tra tệp ${name}` })).toBeVisible();
}

async function setDemoRootOcsp(page: Page, url: string) {
  await page.goto('/workspace/signatures');
  const form = page.getByRole('form', { name: 'Kiểm tra thu hồi trực tuyến (OCSP)' });
  await form.getByLabel('Tổ chức chứng thực gốc').selectOption({ label: 'TinhSo Demo Root CA' });
  await form.getByLabel('Địa chỉ máy chủ OCSP').fill(url);
  await form.getByRole('button', { name: 'Lưu cấu hình OCSP' }).click();
  await expect(form.getByText(`TinhSo Demo Root CA: hỏi OCSP tại ${url}.`)).toBeVisible();
}

adminTest(
  'the verify page names OCSP as the source, and the CRL when the responder is down',
  async ({ page, request }) => {
    adminTest.setTimeout(120_000);
    const { id } = await receivedAtCounter(request);
    const form = await request.get(`/api/dossiers/${id}/forms/01`);
    expect(form.status()).toBe(200);
    const sealed = Buffer.from(await form.body());

    await verify(page, sealed, 'bien-nhan.pdf');
    await expect(page.getByRole('heading', { name: 'Chữ ký 1: HỢP LỆ' })).toBeVisible();
    await expect(page.getByText('Chưa bị thu hồi (theo máy chủ OCSP của tổ chức cấp)')).toBeVisible();

    await signInAdministrator(page);
    await page.goto('/workspace/signatures');
    const trust = page.getByRole('region', { name: 'Danh sách tin cậy' });
    await expect(trust.getByRole('row').filter({ hasText: 'TinhSo Demo Root CA' }).first()).toContainText(
      '/simulators/ocsp',
    );
    await expectNoAxeViolations(page);
    try {
      await setDemoRootOcsp(page, 'http://127.0.0.1:9/ocsp');
      await verify(page, sealed, 'bien-nhan-crl.pdf');
      await expect(page.getByRole('heading', { name: 'Chữ ký 1: HỢP LỆ' })).toBeVisible();
      await expect(page.getByText('Chưa bị thu hồi (theo danh sách thu hồi (CRL))')).toBeVisible();
    } finally {
      await setDemoRootOcsp(page, '/simulators/ocsp');
    }
  },
);
