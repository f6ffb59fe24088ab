// The remote-signing accounts on the signatures page (ký số từ xa, ADR 0022): the administrator
// finds the Phó Giám đốc of Sở Tư pháp, whom the demo enrols at the simulator, removes the account
// after a confirmation, is told by field that the service knows no such user, and enrols the deputy
// again by their user id at the simulator (their username). Axe once; no sideways scroll on a phone.
// Then the account enrolled on the page is used: the deputy signs a draft, the draft page waits for
// the phone, and the simulator's phone confirms.

import { expect } from '@playwright/test';
import { AGENCY, officials } from '@tinhso/server/demo-directory';
import type { RemoteSigningAccountList } from '@tinhso/contracts';
import { adminTest, expectNoAxeViolations, signInAdministrator } from './support.ts';
import { apiSession, officerPage } from './support-api.ts';

const SUMMARY = 'Về việc thử tài khoản ký số từ xa đăng ký trên trang quản trị';
const deputy = officials.find((official) =>
  official.appointments.some(
    (post) => post.agencyCode === AGENCY.tuPhap && post.positionType === 'pho_giam_doc',
  ),
);

adminTest(
  'the administrator removes and enrols the deputy director’s remote-signing account, which then signs a draft',
  async ({ page, browser, playwright, baseURL }) => {
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

    // The deputy signs with the account just enrolled: a draft prepared over the API, signed in the browser.
    const accounts = (await (
      await page.request.get('/api/signatures/remote-accounts')
    ).json()) as RemoteSigningAccountList;
    const account = accounts.items.find((item) => item.providerUserId === deputy.username);
    expect(account, 'the account enrolled on the page').toBeDefined();
    const apiAs = async (username: string) =>
      apiSession(await playwright.request.newContext({ baseURL }), username);
    const drafter = await apiAs('chuyenvien');
    const agencies = (await (await drafter.request.get('/api/public/agencies')).json()) as {
      items: { id: string; code: string }[];
    };
    const office = agencies.items.find((agency) => agency.code === AGENCY.vpUbnd);
    const draft = await drafter.post<{ id: string }>('/api/documents/outgoing/drafts', {
      typeCode: 'quyet_dinh',
      summary: SUMMARY,
      body: 'Điều 1. Thử tài khoản ký số từ xa vừa đăng ký.\n\nĐiều 2. Quyết định có hiệu lực từ ngày ký.',
      place: 'Đồng Tháp',
      recipients: [{ kind: 'agency', agencyId: office?.id }],
      signerId: account?.officialId,
      urgency: 'thuong',
      confidentiality: 'thuong',
    });
    const drafts = `/api/documents/outgoing/drafts/${draft.id}`;
    await drafter.post(`${drafts}/submit`);
    await (await apiAs(deputy.username)).post(`${drafts}/approve`);

    const signer = await officerPage(browser, deputy.username);
    await signer.goto(`/workspace/documents/outgoing/${draft.id}`);
    await expect(signer.getByText('Bạn ký bằng ký số từ xa')).toBeVisible();
    await signer.getByRole('button', { name: 'Ký số' }).click();
    await expect(signer.getByText('Đang chờ xác nhận trên điện thoại…')).toBeVisible();
    await expect(signer.getByTestId('remote-signing-description')).toHaveText(`Ký văn bản: ${SUMMARY}`);
    const phone = await (await browser.newContext()).newPage();
    await phone.goto(`/simulators/remote-signing/phone?user=${encodeURIComponent(deputy.username)}`);
    await phone
      .getByRole('listitem')
      .filter({ hasText: `Ký văn bản: ${SUMMARY}` })
      .getByRole('button', { name: 'Xác nhận' })
      .click();
    await expect(signer.getByText('Đã ký, chờ phát hành')).toBeVisible({ timeout: 30_000 });
  },
);
