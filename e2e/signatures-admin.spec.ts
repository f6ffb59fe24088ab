import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { adminTest, expectNoAxeViolations, signInAdministrator } from './support.ts';

// The system administrator's page of digital signatures (issue 4): the demo keys and the demo root,
// then a PKCS#12 file made here with openssl is enrolled as a specialist's personal key and revoked.

const PKCS12_PASSWORD = 'E2E-mat-khau-2026';

function openssl(args: string[], cwd: string): void {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(
      `openssl ${args[0] ?? ''} failed (install openssl): ${result.error?.message ?? result.stderr}`,
    );
}

/** A test CA and a signing certificate for `commonName`, exported as PKCS#12 by openssl. */
function makePkcs12(commonName: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'tinhso-e2e-p12-'));
  try {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    openssl(
      [
        'req',
        '-x509',
        ...ec,
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
        '-days',
        '3650',
        '-subj',
        '/CN=TinhSo E2E Root/O=TinhSo E2E/C=VN',
      ],
      dir,
    );
    openssl(
      [
        'req',
        ...ec,
        '-keyout',
        'leaf.key',
        '-out',
        'leaf.csr',
        '-utf8',
        '-subj',
        `/CN=${commonName}/O=Sở Tư pháp/C=VN`,
      ],
      dir,
    );
    writeFileSync(join(dir, 'leaf.ext'), 'keyUsage=critical,digitalSignature,nonRepudiation\n');
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'leaf.csr',
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '365',
        '-extfile',
        'leaf.ext',
        '-out',
        'leaf.crt',
      ],
      dir,
    );
    openssl(
      [
        'pkcs12',
        '-export',
        '-inkey',
        'leaf.key',
        '-in',
        'leaf.crt',
        '-certfile',
        'ca.crt',
        '-out',
        'leaf.p12',
        '-passout',
        `pass:${PKCS12_PASSWORD}`,
      ],
      dir,
    );
    return readFileSync(join(dir, 'leaf.p12'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const keysTable = (page: Page) => page.getByRole('region', { name: 'Khóa ký số' });

adminTest(
  'the administrator sees the demo keys and root, enrols a PKCS#12 key and revokes it',
  async ({ page }) => {
    adminTest.setTimeout(120_000);
    const commonName = `Nguyễn Hoàng Phúc E2E ${String(Date.now() % 100_000)}`;
    const pkcs12 = makePkcs12(commonName);

    await signInAdministrator(page);
    await page.goto('/workspace');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Chữ ký số' })
      .click();
    await expect(page).toHaveURL(/\/workspace\/signatures$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Chữ ký số: khóa ký và danh sách tin cậy' }),
    ).toBeVisible();

    // The demo seed: a seal per agency and the leaders' keys, issued by the demo CA, in use.
    const keys = keysTable(page);
    await expect(keys.getByRole('row').filter({ hasText: 'Cơ quan (con dấu)' }).first()).toBeVisible();
    await expect(keys.getByRole('row').filter({ hasText: 'Huỳnh Thị Ngọc Hân' }).first()).toContainText(
      'TinhSo Demo Issuing CA',
    );
    await expect(keys.getByRole('row').filter({ hasText: 'Huỳnh Thị Ngọc Hân' }).first()).toContainText(
      /còn \d+ ngày/,
    );

    // The trust list holds the demo root.
    const trust = page.getByRole('region', { name: 'Danh sách tin cậy' });
    await expect(trust.getByRole('row').filter({ hasText: 'TinhSo Demo Root CA' }).first()).toBeVisible();

    // Enrol the PKCS#12 file as the specialist's personal key.
    const enrol = page.getByRole('region', { name: 'Đăng ký khóa ký số (tệp PKCS#12)' });
    await enrol.getByLabel('Loại').selectOption({ label: 'Cá nhân' });
    await enrol.getByLabel('Cơ quan').selectOption({ label: 'Sở Tư pháp tỉnh Đồng Tháp' });
    await enrol.getByLabel('Cán bộ').selectOption({ label: 'Nguyễn Hoàng Phúc' });
    await enrol.getByLabel('Tệp PKCS#12 (.p12, .pfx)').setInputFiles({
      name: 'chuyenvien.p12',
      mimeType: 'application/x-pkcs12',
      buffer: pkcs12,
    });
    await enrol.getByLabel('Mật khẩu của tệp').fill('sai mật khẩu');
    await enrol.getByRole('button', { name: 'Đăng ký khóa' }).click();
    await expect(enrol.getByRole('alert')).toBeVisible();
    await enrol.getByLabel('Mật khẩu của tệp').fill(PKCS12_PASSWORD);
    await enrol.getByLabel('Tệp PKCS#12 (.p12, .pfx)').setInputFiles({
      name: 'chuyenvien.p12',
      mimeType: 'application/x-pkcs12',
      buffer: pkcs12,
    });
    await enrol.getByRole('button', { name: 'Đăng ký khóa' }).click();
    await expect(enrol.getByRole('status')).toContainText(`Đã đăng ký khóa ${commonName}`);

    const row = keys.getByRole('row').filter({ hasText: commonName });
    await expect(row).toContainText('Cá nhân');
    await expect(row).toContainText('TinhSo E2E Root');
    await expect(row).toContainText('Đang dùng');
    await expectNoAxeViolations(page);

    // Revoke it, with a reason.
    await row.getByRole('button', { name: /^Thu hồi/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: /^Thu hồi khóa/ })).toBeVisible();
    await dialog.getByLabel('Lý do thu hồi').fill('Thiết bị lưu khóa bị mất');
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Đã thu hồi khóa' })).toBeVisible();
    await expect(row).toContainText('Đã thu hồi');
    await expect(row).toContainText('Lý do: Thiết bị lưu khóa bị mất');
    await expect(row.getByRole('button', { name: /^Thu hồi/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Readable on a phone: no sideways scrolling of the page.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  },
);
