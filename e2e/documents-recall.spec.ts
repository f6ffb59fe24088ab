// Recall (thu hồi) of an issued document across the exchange (ADR 0023): Sở Tư pháp issues a decision
// to Văn phòng UBND tỉnh (through the API, as the outgoing journey's spec does it in the browser), the
// office registers it; Sở Tư pháp's clerk recalls it on the document's page with a reason and a
// confirmation; the office's page shows the recall banner, and the status 15 comes back in words.
// Each page passes the axe check.

import { expect, test, type APIResponse, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.ts';

const SUMMARY = 'Về việc kiểm tra công tác chứng thực (văn bản sẽ thu hồi)';
const REASON = 'Ban hành nhầm đối tượng, thu hồi để ban hành lại';

async function officer(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  await expect(page).toHaveURL(/\/workspace$/);
  return page;
}

/** POST through the browser's own session (cookie and CSRF token). */
async function post(page: Page, path: string, data: object = {}): Promise<unknown> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const answer: APIResponse = await page.request.post(path, {
    headers: { 'x-csrf-token': session.csrfToken },
    data,
  });
  expect(answer.ok(), `${path}: ${await answer.text()}`).toBe(true);
  return answer.json();
}

async function poll<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test('an issued decision is recalled: frozen at Sở Tư pháp, destroyed at the office, 15 back in words', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const drafter = await officer(browser, 'chuyenvien');
  const director = await officer(browser, 'giamdoc');
  const clerk = await officer(browser, 'vanthu');
  const officeClerk = await officer(browser, 'vanthutinh');

  const agencies = (await (await drafter.request.get('/api/public/agencies')).json()) as {
    items: { id: string; code: string }[];
  };
  const office = agencies.items.find((agency) => agency.code.startsWith('000.00.01.'));
  const colleagues = (await (await drafter.request.get('/api/documents/outgoing/colleagues')).json()) as {
    items: { officialId: string; name: string }[];
  };
  const signer = colleagues.items.find((person) => person.name === 'Huỳnh Thị Ngọc Hân');
  const draft = (await post(drafter, '/api/documents/outgoing/drafts', {
    typeCode: 'quyet_dinh',
    summary: SUMMARY,
    body: 'Điều 1. Kiểm tra công tác chứng thực.\n\nĐiều 2. Quyết định có hiệu lực từ ngày ký.',
    place: 'Đồng Tháp',
    recipients: [{ kind: 'agency', agencyId: office?.id }],
    signerId: signer?.officialId,
    urgency: 'thuong',
    confidentiality: 'thuong',
  })) as { id: string };
  const base = `/api/documents/outgoing/drafts/${draft.id}`;
  await post(drafter, `${base}/submit`);
  await post(director, `${base}/approve`);
  await post(director, `${base}/sign`);
  await post(clerk, `${base}/issue`);

  // The office registers it from its box.
  const entry = await poll('the office’s box', async () => {
    const box = (await (await officeClerk.request.get('/api/exchange/inbox?state=waiting')).json()) as {
      items: { id: string; subject: string }[];
    };
    return box.items.find((item) => item.subject === SUMMARY);
  });
  const registered = (await post(officeClerk, `/api/exchange/inbox/${entry.id}/register`)) as { id: string };

  // Sở Tư pháp's clerk recalls it on the page: reason, then confirmation.
  await clerk.goto(`/workspace/documents/outgoing/${draft.id}`);
  const recall = clerk.getByRole('region', { name: 'Thu hồi văn bản' });
  await expect(recall).toBeVisible();
  await expectNoAxeViolations(clerk);
  await recall.getByRole('button', { name: 'Thu hồi…' }).click();
  await recall.getByLabel('Lý do thu hồi').fill(REASON);
  await expectNoAxeViolations(clerk);
  await recall.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
  const banner = clerk.getByRole('note', { name: 'Văn bản đã bị thu hồi' });
  await expect(banner).toContainText(REASON);
  await expect(clerk.locator('.lead')).toContainText('Đã thu hồi');
  await expect(clerk.getByRole('button', { name: 'Thu hồi…' })).toHaveCount(0);
  await expectNoAxeViolations(clerk);

  // The office's page: the recall banner, no scan, no action.
  await poll('the recall at the office', async () => {
    await officeClerk.goto(`/workspace/documents/incoming/${registered.id}`);
    const isShown = await officeClerk
      .getByRole('note', { name: 'Văn bản đã bị thu hồi' })
      .isVisible()
      .catch(() => false);
    return isShown ? true : undefined;
  });
  const received = officeClerk.getByRole('note', { name: 'Văn bản đã bị thu hồi' });
  await expect(received).toContainText(REASON);
  await expect(officeClerk.getByRole('link', { name: 'Xem bản quét' })).toHaveCount(0);
  await expectNoAxeViolations(officeClerk);

  // 15 back at Sở Tư pháp, in words.
  await poll('15 at Sở Tư pháp', async () => {
    await clerk.reload();
    const isBack = await clerk
      .getByRole('region', { name: 'Nơi nhận' })
      .getByText(/Đồng ý lấy lại/)
      .isVisible()
      .catch(() => false);
    return isBack ? true : undefined;
  });
});
