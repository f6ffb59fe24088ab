// Browser journeys of the statistics page (/workspace/statistics) and of the procedure catalogue
// (/workspace/procedures).
//
// Statistics: the desk receives a paper dossier for Phiếu lý lịch tư pháp (2.000488, decided by Sở
// Tư pháp) through the API, the specialist forwards it and the director decides it; the chairman
// (lanhdao) then reads this year's figures and finds one dossier more than before, in Sở Tư pháp's bar.
//
// Catalogue: the system administrator (quantri, MFA) runs on a server of this worker's own (see
// roles.spec.ts): a budget over the deadline is refused beside the steps, a version with a future
// date is saved, published and marked "Sắp có hiệu lực"; a bad import names the failing row.

import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { PASSWORD, adminTest, expectNoAxeViolations, signIn, signInAdministrator } from './support.ts';

const LLTP = '2.000488';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Today in the province (Asia/Ho_Chi_Minh), as YYYY-MM-DD. */
function provinceDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

/** An API session of a demo account, with the CSRF header its changes need. */
async function apiAs(baseURL: string, username: string) {
  const context = await request.newContext({ baseURL });
  const login = await context.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { session } = (await login.json()) as { session: { csrfToken: string } };
  return { context, headers: { 'x-csrf-token': session.csrfToken } };
}

async function receivedThisYear(context: APIRequestContext): Promise<number> {
  const year = provinceDay().slice(0, 4);
  const answer = await context.get(`/api/dossiers/statistics?from=${year}-01-01&to=${year}-12-31`);
  expect(answer.status(), await answer.text()).toBe(200);
  return ((await answer.json()) as { received: number }).received;
}

/** motcua receives a paper dossier at the desk; chuyenvien forwards it; giamdoc approves it. */
async function receiveAndDecide(baseURL: string): Promise<void> {
  const desk = await apiAs(baseURL, 'motcua');
  const upload = async (name: string) => {
    const answer = await desk.context.post('/api/files', {
      headers: desk.headers,
      multipart: { file: { name, mimeType: 'application/pdf', buffer: PDF } },
    });
    expect(answer.status(), await answer.text()).toBe(201);
    return ((await answer.json()) as { id: string }).id;
  };
  const agencies = (await (await desk.context.get('/api/public/agencies')).json()) as {
    items: { id: string; kind: string }[];
  };
  const centre = agencies.items.find((agency) => agency.kind === 'trung_tam_phvhcc');
  expect(centre).toBeDefined();
  const intake = await desk.context.post('/api/dossiers/counter', {
    headers: desk.headers,
    data: {
      procedureCode: LLTP,
      receivingAgencyId: centre?.id,
      applicant: {
        fullName: 'Trần Văn Thống',
        personalId: '087099001236',
        address: 'Số 5 đường Nguyễn Huệ, phường Mỹ Tho, tỉnh Đồng Tháp',
        phone: '0912000222',
      },
      formData: {
        nguoiYeuCau: { hoTen: 'Trần Văn Thống', soDinhDanh: '087099001236' },
        loaiPhieu: 'Phiếu số 1',
        soLuong: 1,
        mucDich: 'Bổ sung hồ sơ xin việc',
      },
      feeCase: 0,
      channel: 'counter',
      deliveryMethod: 'counter',
      files: [
        { componentIndex: 0, fileId: await upload('to-khai.pdf') },
        { componentIndex: 1, fileId: await upload('cccd.pdf') },
      ],
      outcome: { kind: 'receive' },
    },
  });
  expect(intake.status(), await intake.text()).toBe(201);
  const { id } = (await intake.json()) as { id: string };
  const specialist = await apiAs(baseURL, 'chuyenvien');
  const forwarded = await specialist.context.post(`/api/dossiers/${id}/forward`, {
    headers: specialist.headers,
    data: {},
  });
  expect(forwarded.status(), await forwarded.text()).toBe(200);
  const director = await apiAs(baseURL, 'giamdoc');
  const resolved = await director.context.post(`/api/dossiers/${id}/resolve`, {
    headers: director.headers,
    data: { outcome: 'approved' },
  });
  expect(resolved.status(), await resolved.text()).toBe(200);
  expect(((await resolved.json()) as { status: string }).status).toBe('resolved');
  await Promise.all([desk.context.dispose(), specialist.context.dispose(), director.context.dispose()]);
}

async function onPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the chairman reads this year: one decided dossier more, in Sở Tư pháp’s bar', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = baseURL ?? '';
  const leader = await apiAs(base, 'lanhdao');
  const before = await receivedThisYear(leader.context);
  await receiveAndDecide(base);
  await leader.context.dispose();

  await signIn(page, 'lanhdao');
  await expect(page).toHaveURL(/\/workspace$/);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Thống kê, đánh giá' })
    .click();
  await expect(page).toHaveURL(/\/workspace\/statistics$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Thống kê, đánh giá' })).toBeVisible();

  const picker = page.getByRole('search', { name: 'Chọn kỳ thống kê' });
  await picker.getByLabel('Kỳ thống kê').selectOption('year');
  await picker.getByRole('button', { name: 'Xem' }).click();
  await expect(page).toHaveURL(/period=year/);
  const year = provinceDay().slice(0, 4);
  await expect(page.getByText(`Kỳ từ 01/01/${year} đến 31/12/${year}`)).toBeVisible();
  await expect(
    page.getByText(`Hồ sơ tiếp nhận trong kỳ: ${String(before + 1)}`, { exact: true }),
  ).toBeVisible();

  // Sở Tư pháp's bar says, in words, how many it received and that at least one was decided early.
  const bar = page.getByRole('img', { name: /^Sở Tư pháp.*\(\d+ hồ sơ\): Giải quyết trước hạn: [1-9]/ });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('list', { name: 'Chú giải' }).first()).toContainText('Đang xử lý, quá hạn');

  // The NĐ 224 tiles: a value or N/A, each with how it is computed.
  const onTime = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 3, name: 'Tỷ lệ giải quyết đúng hạn' }),
  });
  await expect(onTime).toContainText(/\d+(,\d+)?%/);
  await expect(onTime).toContainText('Cách tính:');
  const automation = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 3, name: 'Mức độ tự động hóa' }),
  });
  await expect(automation).toContainText('N/A');

  // QĐ 766 and TT 01/2018 tables; the procedure table sorts by its on-time ratio.
  await expect(page.getByRole('table', { name: /Chỉ tiêu QĐ 766/ })).toContainText('2.1');
  await expect(page.getByRole('table', { name: 'Điểm chín chỉ số của từng cơ quan' })).toContainText(
    'Sở Tư pháp',
  );
  const procedures = page.getByRole('table', { name: 'Tiến độ theo thủ tục' });
  await expect(procedures).toContainText(LLTP);
  const ratioHeader = procedures.getByRole('columnheader', { name: 'Tỷ lệ đúng hạn' });
  await expect(ratioHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: /^Sắp xếp theo tỷ lệ đúng hạn/ }).click();
  await expect(ratioHeader).toHaveAttribute('aria-sort', 'descending');
  await expectNoAxeViolations(page);

  // English numbers and words, then a phone.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(`Dossiers received in the period: ${String(before + 1)}`)).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Sở Tư pháp.*\(\d+ dossiers\): Decided early: [1-9]/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await onPhone(page);
});

adminTest(
  'the administrator adds a version with a future date, sees the steps refused, then publishes it as upcoming',
  async ({ page }) => {
    adminTest.setTimeout(180_000);
    await signInAdministrator(page);
    // The first sign-in of the worker's server ends on the MFA page, the next ones on /workspace.
    await page.goto('/workspace');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Danh mục thủ tục' })
      .click();
    await expect(page).toHaveURL(/\/workspace\/procedures$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Danh mục thủ tục' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' }).fill('ly lich tu phap');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect(page).toHaveURL(/q=ly\+lich\+tu\+phap/);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: `Mở thủ tục ${LLTP}` }).click();
    await expect(page).toHaveURL(new RegExp(`code=${LLTP.replace('.', '\\.')}$`));
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`^${LLTP.replace('.', '\\.')} — `) }),
    ).toBeVisible();
    const versions = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4 }) });
    const before = await versions.count();
    expect(before).toBeGreaterThanOrEqual(1);
    await expect(versions.first()).toContainText('Đang có hiệu lực');

    await page.getByRole('button', { name: 'Thêm phiên bản' }).click();
    const form = page.getByRole('region', { name: `Phiên bản mới của thủ tục ${LLTP}` });
    await expect(form).toBeVisible();
    // Started from the latest version: its steps and its form, previewed as the citizen sees it.
    const firstStep = form.getByRole('group', { name: 'Bước 1' });
    await expect(firstStep.getByLabel('Tên bước')).not.toHaveValue('');
    const preview = form.getByRole('region', { name: 'Xem trước tờ khai' });
    await expect(preview.getByLabel(/^Số lượng phiếu/)).toBeVisible();
    const schema = form.getByLabel('Tờ khai dạng JSON Schema');
    const original = await schema.inputValue();
    await schema.fill('{ "type": ');
    await expect(form.getByText('Nội dung chưa phải một đối tượng JSON hợp lệ.')).toBeVisible();
    await expect(preview.getByLabel(/^Số lượng phiếu/)).toHaveCount(0);
    await schema.fill(original);
    await expect(preview.getByLabel(/^Số lượng phiếu/)).toBeVisible();

    // A budget over the legal deadline: the server's message beside the steps.
    const future = provinceDay(45);
    await form.getByLabel('Có hiệu lực từ ngày').fill(future);
    const budget = firstStep.getByLabel('Thời gian', { exact: true });
    const budgetBefore = await budget.inputValue();
    await budget.fill('999');
    await form.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const stepsGroup = form.getByRole('group', { name: 'Quy trình giải quyết' });
    await expect(
      stepsGroup.getByText(/^tổng thời gian các bước \(\d+ giờ làm việc\) vượt thời hạn giải quyết/),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await onPhone(page);

    await budget.fill(budgetBefore);
    await form.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /^Đã lưu bản nháp phiên bản \d+\.$/ }),
    ).toBeVisible();
    await expect(versions).toHaveCount(before + 1);
    const draft = versions.first();
    await expect(draft).toContainText('Bản nháp');
    const [, , month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(future) ?? [];
    await expect(draft).toContainText(`Hiệu lực từ ${day ?? ''}/${month ?? ''}/${future.slice(0, 4)}`);

    await draft.getByRole('button', { name: /^Công bố phiên bản \d+$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Đã công bố phiên bản \d+\.$/ })).toBeVisible();
    await expect(versions.first()).toContainText('Sắp có hiệu lực');
    // The version in force until then now ends on the new one's date.
    await expect(versions.nth(1)).toContainText('Đang có hiệu lực');
    await expect(versions.nth(1)).toContainText(`đến trước ${day ?? ''}/${month ?? ''}`);
    await expectNoAxeViolations(page);
    await onPhone(page);

    // An import with a bad row changes nothing and names the row's field.
    await page.getByRole('button', { name: 'Về danh mục' }).click();
    const importer = page.getByRole('region', { name: 'Nhập từ tệp' });
    await importer.getByLabel('Tệp danh mục').setInputFiles({
      name: 'catalogue.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([{ code: 'not-a-code' }])),
    });
    await importer.getByRole('button', { name: 'Nhập', exact: true }).click();
    const alert = importer.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/0[./]code/);
    await expectNoAxeViolations(page);
  },
);
