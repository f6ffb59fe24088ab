// The remote-signing accounts on the signatures page (ký số từ xa, ADR 0022): the administrator
// finds the Phó Giám đốc of Sở Tư pháp, whom the demo enrols at the simulator, removes the account
// after a confirmation, is told by field that the service knows no such user, and enrols the deputy
// again by their user id at the simulator (their username). Axe once; no sideways scroll on a phone.

import { expect } from '@playwright/test';
import { AGENCY, officials } from '@tinhso/server/demo-directory';
import { adminTest, expectNoAxeViolations, signInAdministrator } from './support.ts';

const deputy = officials.find((official) =>
  official.appointments.some(
    (post) => post.agencyCode === AGENCY.tuPhap && post.positionType === 'pho_giam_doc',
  ),
);

adminTest(
  'the administrator removes and enrols the deputy director’s remote-signing account',
  async ({ page }) => {
    adminTest.setTimeout(120_000);
    if (!deputy) throw new Error('the demo has no Phó Giám đốc at Sở Tư pháp');
    await signInAdministrator(page);
    await page.goto('/workspace/signatures');
    const section = page.getByRole('region', { name: 'Tài khoản ký số từ xa', exact: true });
    await expect(section.getByRole('heading', { level: 2 })).toHaveText('Tài khoản ký số từ xa');

    // The demo's account: the deputy, their user id at the simulator, their certificate.
    const row = section.getByRole('row').filter({ hasText: deputy.fullName });
    await expect(row).toContainText(deputy.username);
    await expect(row).toContainText('Sở Tư pháp');
    await expect(row).toContainText(/hiệu lực đến \d{2}\/\d{2}\/\d{4}/);

    // Remove it, after the confirmation.
    await row
      .getByRole('button', { name: `Gỡ tài khoản ký số từ xa của ${deputy.fullName}`, exact: false })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: /^Gỡ tài khoản ký số từ xa của/ })).toBeVisible();
    await dialog.getByRole('button', { name: 'Gỡ', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(
      section.getByRole('status').filter({ hasText: `Đã gỡ tài khoản ký số từ xa của ${deputy.fullName}` }),
    ).toBeVisible();
    await expect(row).toHaveCount(0);

    // A user the service does not know: the error sits beside the field.
    await section.getByLabel('Cơ quan').selectOption({ label: 'Sở Tư pháp tỉnh Đồng Tháp' });
    await section.getByLabel('Cán bộ', { exact: true }).selectOption({ label: deputy.fullName });
    const userId = section.getByLabel('Mã người dùng ở dịch vụ ký số');
    await userId.fill('khong-co-thue-bao');
    await section.getByRole('button', { name: 'Đăng ký ký số từ xa' }).click();
    await expect(section.getByRole('alert')).toBeVisible();
    await expect(userId).toHaveAccessibleDescription(/dịch vụ ký số từ xa không có thuê bao này/);

    await userId.fill(deputy.username);
    await section.getByRole('button', { name: 'Đăng ký ký số từ xa' }).click();
    await expect(
      section.getByRole('status').filter({ hasText: `Đã đăng ký ký số từ xa cho ${deputy.fullName}` }),
    ).toBeVisible();
    await expect(row).toContainText(deputy.username);
    await expectNoAxeViolations(page);

    // Readable on a phone: no sideways scrolling of the page.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(section.getByRole('heading', { level: 2 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  },
);
