// Browser journeys of the roles page: the system administrator adds and changes role templates
// and position types; a leader, who may read them but not change them, sees no edit actions.
//
// Where the administrator signs in. quantri must enrol in MFA on a fresh database, and
// foundation.spec.ts does so earlier in the same run, keeping the TOTP secret in a variable of its
// own module: this file cannot learn it, and the server never shows an enrolled secret again. Rather
// than depend on the order of the files or share state between them, the administrator's journey
// runs against a server of its own (a worker fixture: the demo province in a throwaway in-memory
// PGlite, on a free port), where quantri has no MFA yet and enrols here. The leader's test uses the
// server of playwright.config.ts like the other files.

import { expect, test } from '@playwright/test';
import { adminTest, expectNoAxeViolations, signIn, signInAdministrator } from './support.ts';

adminTest(
  'the administrator adds a role and a position type granting it, then renames the role',
  async ({ page }) => {
    adminTest.setTimeout(120_000);
    await signInAdministrator(page);
    // A unique code per run, so that the journey also passes against a long-running server.
    const run = String(Date.now() % 100_000);
    const code = `kiem_tra_e2e_${run}`;
    const nameVi = `Kiểm tra E2E ${run}`;
    const typeName = `Loại vị trí E2E ${run}`;

    await page.goto('/workspace/roles');
    await expect(page.getByRole('heading', { level: 1, name: 'Vai trò và quyền' })).toBeVisible();
    await page.getByRole('button', { name: 'Thêm vai trò' }).click();
    const roleForm = page.getByRole('region', { name: 'Thêm vai trò' });
    await expect(roleForm.getByRole('heading', { name: 'Thêm vai trò' })).toBeFocused();
    const codeField = roleForm.getByLabel('Mã', { exact: true });
    await codeField.fill('staff');
    await roleForm.getByLabel('Tên tiếng Việt').fill(nameVi);
    await roleForm.getByLabel('Tên tiếng Anh').fill(`E2E check ${run}`);
    await expect(roleForm.getByRole('radio', { name: 'Trong cơ quan' })).toBeChecked();
    await roleForm.getByRole('checkbox', { name: /^Xem cơ quan, đơn vị và vị trí/ }).check();
    await roleForm.getByRole('checkbox', { name: /^Xem cán bộ và quá trình bổ nhiệm/ }).check();
    // A code already taken: the server's sentence stands beside the code field.
    await roleForm.getByRole('button', { name: 'Thêm vai trò' }).click();
    await expect(roleForm.getByRole('alert')).toBeFocused();
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await codeField.fill(code);
    await roleForm.getByRole('button', { name: 'Thêm vai trò' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Đã thêm vai trò ${nameVi}.` })).toBeVisible();
    await expect(roleForm).toBeHidden();
    await expect(page.getByRole('button', { name: 'Thêm vai trò' })).toBeFocused();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: nameVi }) });
    await expect(card).toContainText('Trong cơ quan');
    await expect(card).toContainText('Xem cơ quan, đơn vị và vị trí');
    await expect(card).toContainText('Xem cán bộ và quá trình bổ nhiệm');

    await page.getByRole('button', { name: 'Thêm loại vị trí' }).click();
    const typeForm = page.getByRole('region', { name: 'Thêm loại vị trí' });
    await typeForm.getByLabel('Mã', { exact: true }).fill(code);
    await typeForm.getByLabel('Tên tiếng Việt').fill(typeName);
    await typeForm.getByLabel('Tên tiếng Anh').fill(`E2E position type ${run}`);
    await typeForm.getByRole('checkbox', { name: new RegExp(`^${nameVi}`) }).check();
    await typeForm.getByRole('button', { name: 'Thêm loại vị trí' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Đã thêm loại vị trí ${typeName}.` }),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(typeName) })).toContainText(nameVi);

    // Removing a permission reaches the holders of the type just created: confirmed first.
    await card.getByRole('button', { name: `Sửa vai trò ${nameVi}` }).click();
    const editForm = page.getByRole('region', { name: `Sửa vai trò ${nameVi}` });
    await expect(editForm.getByLabel('Tên tiếng Anh')).toHaveValue(`E2E check ${run}`);
    await editForm.getByLabel('Tên tiếng Anh').fill(`E2E check ${run} renamed`);
    await editForm.getByRole('checkbox', { name: /^Xem cán bộ và quá trình bổ nhiệm/ }).uncheck();
    await editForm.getByRole('button', { name: 'Lưu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận thay đổi' });
    await expect(dialog).toContainText('Xem cán bộ và quá trình bổ nhiệm');
    await expect(dialog).toContainText(`ở lần thao tác tiếp theo: ${typeName}.`);
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Đã lưu vai trò ${nameVi}.` })).toBeVisible();
    await expect(card).not.toContainText('Xem cán bộ và quá trình bổ nhiệm');

    await page.getByRole('button', { name: 'English' }).click();
    const renamed = `E2E check ${run} renamed`;
    await expect(page.getByRole('heading', { level: 3, name: renamed })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`E2E position type ${run}`) })).toContainText(
      renamed,
    );

    // On a phone, with the form open: readable, nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('button', { name: `Edit role ${renamed}` }).click();
    await expect(page.getByRole('region', { name: `Edit role ${renamed}` })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'The whole province' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  },
);

test('a leader reads role templates and position types without edit actions', async ({ page }) => {
  await signIn(page, 'lanhdao');
  await expect(page).toHaveURL(/\/workspace$/);
  await page.goto('/workspace/roles');
  await expect(page.getByRole('heading', { level: 3, name: 'Quản trị hệ thống' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Chuyên viên/ })).toContainText('Công chức, viên chức');
  await expect(page.getByRole('button', { name: /^(Sửa|Thêm vai trò|Thêm loại vị trí)/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: /^Sửa|^Thêm/ })).toHaveCount(0);
});
