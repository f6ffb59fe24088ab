// The citizen's journey through the one-stop portal on a phone: find a procedure without typing
// diacritics, file it online in five steps (form errors beside their fields, two PDF uploads, a
// refused file), get the code, follow it signed out, then — after the officers receive, forward and
// decide it through the API — download the result, pay the fee through the payment simulator, rate
// the service and read the notifications. Every page of the journey is checked with axe.

import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from '@playwright/test';
import { DOSSIER_CODE_PATTERN } from '@tinhso/contracts';
import { PASSWORD, expectNoAxeViolations, signIn } from './support.ts';

const CITIZEN = '087099001234';
const CITIZEN_NAME = 'Nguyễn Thị Mai';
const PROCEDURE = '2.000488';
const PHONE = { width: 375, height: 740 };

/** A small, well-formed PDF: the server tells file types by their bytes. */
function pdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** An official signed in through the API, as the back office would act. */
interface Officer {
  post: (path: string, data?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;
  upload: (name: string, bytes: Buffer) => Promise<string>;
  dispose: () => Promise<void>;
}

async function officer(baseURL: string, username: string): Promise<Officer> {
  const context: APIRequestContext = await playwrightRequest.newContext({ baseURL });
  const login = await context.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(login.status(), `sign-in of ${username}`).toBe(200);
  const { session } = (await login.json()) as { session: { csrfToken: string } };
  const headers = { 'x-csrf-token': session.csrfToken };
  return {
    post: async (path, data = {}) => {
      const response = await context.post(path, { data, headers });
      return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
    },
    upload: async (name, bytes) => {
      const response = await context.post('/api/files', {
        headers,
        multipart: { file: { name, mimeType: 'application/pdf', buffer: bytes } },
      });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
    dispose: () => context.dispose(),
  };
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
}

test('a citizen files 2.000488 online on a phone, follows it by code, downloads the result, pays and rates', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/account$/);

  // Home → search, without diacritics.
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'Tìm thủ tục hành chính' }).click();
  await expect(page).toHaveURL(/\/procedures$/);
  await page.getByLabel('Tên hoặc mã thủ tục').fill('ly lich tu phap');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page).toHaveURL(/\/procedures\?q=ly\+lich\+tu\+phap$/);
  const result = page.getByRole('link', { name: /^Cấp Phiếu lý lịch tư pháp/ });
  await expect(result).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Tìm thấy \d+ thủ tục\.$/ })).toBeVisible();
  const row = page.getByRole('listitem').filter({ has: result });
  await expect(row).toContainText(PROCEDURE);
  await expect(row).toContainText('Toàn trình');
  await expect(row).toContainText('Từ 5.000 ₫ đến 200.000 ₫');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // The procedure's seven parts, then "file online".
  await result.click();
  await expect(page).toHaveURL(new RegExp(`/procedures/${PROCEDURE.replace('.', '\\.')}$`));
  await expect(page.getByRole('heading', { level: 1, name: /^Cấp Phiếu lý lịch tư pháp/ })).toBeVisible();
  for (const part of [
    'Trình tự thực hiện',
    'Cách thức thực hiện',
    'Thành phần hồ sơ',
    'Thời hạn giải quyết',
    'Đối tượng thực hiện',
    'Cơ quan thực hiện',
    'Phí, lệ phí',
    'Căn cứ pháp lý',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: part })).toBeVisible();
  }
  await expect(page.getByText('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', { exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await expect(page).toHaveURL(/\/procedures\/2\.000488\/file$/);

  // Step 1: where and who; the name and personal id come from the account.
  await expect(page.getByRole('heading', { level: 2, name: 'Bước 1/5: Nơi nộp và người nộp' })).toBeVisible();
  await expect(page.getByLabel('Họ và tên')).toHaveValue(CITIZEN_NAME);
  await expect(page.getByLabel(/^Số định danh cá nhân/)).toHaveValue(CITIZEN);
  const place = page.getByLabel('Nơi nộp hồ sơ');
  const centre = place.locator('option', { hasText: /^Trung tâm Phục vụ hành chính công tỉnh/ });
  await expect(centre).toHaveCount(1);
  await place.selectOption((await centre.getAttribute('value')) ?? '');
  await page.getByLabel('Địa chỉ liên hệ').fill('Số 12 đường Lê Lợi, phường Mỹ Tho');
  await page.getByLabel(/^Số điện thoại/).fill('0912345678');
  await expectNoAxeViolations(page);
  await next(page);

  // Step 2: the form; the applicant block is prefilled, a missing choice is named beside its field.
  await expect(page.getByRole('heading', { level: 2, name: 'Bước 2/5: Tờ khai' })).toBeVisible();
  await expect(page).toHaveURL(/\/file\?draft=[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue(CITIZEN_NAME);
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue(CITIZEN);
  await next(page);
  const kind = page.getByRole('radiogroup', { name: 'Loại phiếu' });
  await expect(kind.locator('.field__error')).toBeVisible();
  await expect(kind).toHaveAttribute('aria-describedby', /-error/);
  await expect(page.getByRole('heading', { level: 2, name: 'Bước 2/5: Tờ khai' })).toBeVisible();
  await expectNoAxeViolations(page);
  await kind.getByLabel('Phiếu số 1').check();
  await page.getByLabel('Số lượng phiếu').fill('1');
  await page.getByLabel('Mục đích sử dụng').fill('Bổ sung hồ sơ xin việc');
  await next(page);

  // Step 3: two PDFs; a text file dressed as a PDF is refused with a sentence about it.
  await expect(page.getByRole('heading', { level: 2, name: 'Bước 3/5: Thành phần hồ sơ' })).toBeVisible();
  await next(page);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Còn 2 thành phần bắt buộc chưa có tệp.' }),
  ).toBeVisible();
  const formInput = page.getByLabel('Chọn tệp: Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp');
  await formInput.setInputFiles({
    name: 'gia.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('not a pdf at all'),
  });
  await expect(page.getByText(/^gia\.pdf: Loại tệp không được nhận\./)).toBeVisible();
  await formInput.setInputFiles({
    name: 'to-khai-nhap.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('nhap'),
  });
  const formFiles = page.getByRole('list', { name: /^Tệp đã tải lên cho Tờ khai/ });
  await expect(formFiles).toContainText('to-khai-nhap.pdf');
  // The wrong scan is replaced in place.
  await formFiles.getByRole('button', { name: 'Thay tệp to-khai-nhap.pdf' }).click();
  await page
    .getByLabel('Tệp thay cho to-khai-nhap.pdf')
    .setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdf('to khai') });
  await expect(formFiles.getByRole('listitem')).toHaveCount(1);
  await expect(formFiles).toContainText('to-khai.pdf');
  await expect(formFiles).not.toContainText('to-khai-nhap.pdf');
  await page
    .getByLabel('Chọn tệp: Giấy tờ tùy thân (CCCD/thẻ căn cước, hộ chiếu)')
    .setInputFiles({ name: 'cccd.pdf', mimeType: 'application/pdf', buffer: pdf('cccd') });
  await expect(page.getByRole('list', { name: /^Tệp đã tải lên cho Giấy tờ tùy thân/ })).toContainText(
    'cccd.pdf',
  );
  await expectNoAxeViolations(page);
  await next(page);

  // Step 4: fee case 0 (200 000 ₫), result online.
  await expect(
    page.getByRole('heading', { level: 2, name: 'Bước 4/5: Lệ phí và nhận kết quả' }),
  ).toBeVisible();
  await expect(page.getByLabel(/^Mức chung \(mỗi lần yêu cầu\)/)).toBeChecked();
  await expect(page.getByText('Số tiền phải nộp: 200.000 ₫')).toBeVisible();
  await page.getByLabel(/^Trường hợp|^Sinh viên/).check();
  await expect(page.getByText('Số tiền phải nộp: 100.000 ₫')).toBeVisible();
  await page.getByLabel(/^Mức chung \(mỗi lần yêu cầu\)/).check();
  await page.getByLabel(/^Nhận kết quả trực tuyến/).check();
  await expectNoAxeViolations(page);
  await next(page);

  // Step 5: review with the expected appointment, then file.
  await expect(page.getByRole('heading', { level: 2, name: 'Bước 5/5: Xem lại và nộp' })).toBeVisible();
  await expect(page.getByText(/ngày hẹn trả dự kiến là \d{2}\/\d{2}\/\d{4}\./)).toBeVisible();
  await expect(page.getByText('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp: to-khai.pdf')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).dblclick();

  // The receipt: the code, big; what happens next; print.
  await expect(page).toHaveURL(/\/my\/dossiers\/[0-9a-f-]{36}\/filed$/);
  const dossierId = /\/my\/dossiers\/([0-9a-f-]{36})\/filed$/.exec(page.url())?.[1] ?? '';
  await expect(page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' })).toBeVisible();
  const code = ((await page.locator('#dossier-code').textContent()) ?? '').trim();
  expect(code).toMatch(new RegExp(DOSSIER_CODE_PATTERN));
  await expect(page.getByRole('heading', { name: 'Các bước tiếp theo' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'In biên nhận' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // The double tap filed one dossier: my list shows this code once and no draft is left behind.
  await page.goto('/my/dossiers');
  await expect(page.getByText(code, { exact: true })).toHaveCount(1);
  await expect(page.getByRole('link', { name: /^Bản nháp:/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Signed out, anyone with the code follows it; no personal data is shown.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('link', { name: 'Đăng nhập' }).first()).toBeVisible();
  await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).first().click();
  await expect(page).toHaveURL(/\/track$/);
  await page.getByLabel('Mã hồ sơ').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page).toHaveURL(new RegExp(`/track/${code.replace(/\./g, '\\.')}$`));
  const timeline = page.getByRole('list', { name: 'Các bước giải quyết hồ sơ' });
  await expect(timeline.locator('li[aria-current="step"]')).toContainText('Nộp hồ sơ');
  await expect(timeline.locator('li.is-upcoming')).toHaveCount(4);
  await expect(
    page.getByText(/^Trạng thái: Mới đăng ký \(trạng thái 1 trên Cổng Dịch vụ công quốc gia\)$/),
  ).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(CITIZEN_NAME);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await page.getByLabel('Mã hồ sơ').fill('000.00.00.H99-000000-0000');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByRole('alert')).toContainText('Không tìm thấy hồ sơ có mã 000.00.00.H99-000000-0000');

  // The back office: the desk receives, the specialist forwards, the director decides with a result.
  const motcua = await officer(baseURL ?? '', 'motcua');
  const chuyenvien = await officer(baseURL ?? '', 'chuyenvien');
  const giamdoc = await officer(baseURL ?? '', 'giamdoc');
  try {
    const received = await motcua.post(`/api/dossiers/${dossierId}/receive`, { note: 'Đủ thành phần' });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(received.body.status).toBe('received');
    const forwarded = await chuyenvien.post(`/api/dossiers/${dossierId}/forward`, { note: 'Đủ điều kiện' });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    const resultId = await giamdoc.upload('phieu-ly-lich-tu-phap.pdf', pdf('ket qua'));
    const resolved = await giamdoc.post(`/api/dossiers/${dossierId}/resolve`, {
      outcome: 'approved',
      resultFileId: resultId,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.status).toBe('returned');
  } finally {
    await Promise.all([motcua.dispose(), chuyenvien.dispose(), giamdoc.dispose()]);
  }

  // Signed out still: the timeline now ends with the result returned.
  await page.goto(`/track/${code}`);
  await expect(page.getByText(/^Trạng thái: Đã trả kết quả \(trạng thái 10 /)).toBeVisible();
  await expect(timeline.locator('li.is-done')).toHaveCount(5);

  // Back in: the result, downloaded; the receipt form 01 is a PDF now.
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto('/my/dossiers');
  await page
    .getByRole('link', { name: /^Cấp Phiếu lý lịch tư pháp/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/my/dossiers/${dossierId}$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Kết quả giải quyết' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải kết quả: phieu-ly-lich-tu-phap.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('phieu-ly-lich-tu-phap.pdf');
  expect(await download.failure()).toBeNull();
  const receipt = page.getByRole('link', { name: /Giấy tiếp nhận hồ sơ và hẹn trả kết quả \(Mẫu 01\)/ });
  const receiptPdf = await page.request.get((await receipt.getAttribute('href')) ?? '');
  expect(receiptPdf.status()).toBe(200);
  expect(receiptPdf.headers()['content-type']).toContain('application/pdf');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // The fee: pay online through the simulator, come back, see it paid.
  const fee = page.getByRole('region', { name: 'Phí, lệ phí' });
  await expect(fee).toContainText('200.000 ₫');
  await fee.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
  await page.getByRole('button', { name: 'Thanh toán thành công' }).click();
  await page.waitForURL(/payment=pending/);
  // The demo server names itself 127.0.0.1 (no PUBLIC_BASE_URL); the session lives on the test's host.
  const back = new URL(page.url());
  await page.goto(`${back.pathname}${back.search}`);
  await expect(fee.getByText(/^Đã thanh toán\./)).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(new RegExp(`/my/dossiers/${dossierId}$`));

  // The rating: three faces; one rating only.
  const rating = page.getByRole('region', { name: 'Đánh giá sự hài lòng' });
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(rating.getByText('Hãy chọn một mức đánh giá.')).toBeVisible();
  await rating.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
  await expectNoAxeViolations(page);
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByText('Cảm ơn bạn đã đánh giá: Hài lòng.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Đánh giá sự hài lòng' })).toHaveCount(0);

  // Notifications: the header counts the unread ones; reading one lowers the count.
  const inboxLink = page.getByRole('link', { name: /^Thông báo/ }).first();
  const badge = inboxLink.locator('.badge');
  await expect(badge).toBeVisible();
  const before = Number(await badge.locator('[aria-hidden="true"]').textContent());
  expect(before).toBeGreaterThan(0);
  await inboxLink.click();
  await expect(page).toHaveURL(/\/my\/notifications$/);
  await expect(page.getByText(`${String(before)} thông báo chưa đọc.`)).toBeVisible();
  await expect(page.getByRole('main')).toContainText(code);
  await expectNoAxeViolations(page);
  await page
    .getByRole('button', { name: /^Đánh dấu đã đọc/ })
    .first()
    .click();
  await expect(page.getByText(`${String(before - 1)} thông báo chưa đọc.`)).toBeVisible();
  if (before > 1) await expect(badge.locator('[aria-hidden="true"]')).toHaveText(String(before - 1));
  else await expect(badge).toHaveCount(0);

  // English is there too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
});

test('a citizen resumes and deletes a draft, answers a supplement request item by item, then withdraws', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/account$/);

  // A draft saved on step 1 is listed first in my dossiers and resumes with what was typed.
  await page.goto(`/procedures/${PROCEDURE}/file`);
  const place = page.getByLabel('Nơi nộp hồ sơ');
  const centre = place.locator('option', { hasText: /^Trung tâm Phục vụ hành chính công tỉnh/ });
  await place.selectOption((await centre.getAttribute('value')) ?? '');
  await page.getByLabel('Địa chỉ liên hệ').fill('Ấp 3, xã Mỹ Hiệp');
  await next(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Bước 2/5: Tờ khai' })).toBeVisible();
  await page.goto('/my/dossiers');
  const draft = page.getByRole('link', { name: /^Bản nháp: Cấp Phiếu lý lịch tư pháp/ });
  await expect(draft).toBeVisible();
  await expect(page.locator('.dossier-list > li').first()).toContainText('Bản nháp');
  await draft.click();
  await expect(page).toHaveURL(/\/file\?draft=[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Địa chỉ liên hệ')).toHaveValue('Ấp 3, xã Mỹ Hiệp');
  await page.getByRole('button', { name: 'Xóa bản nháp' }).click();
  const confirm = page.getByRole('dialog', { name: 'Xóa bản nháp?' });
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Xóa bản nháp' }).click();
  await expect(page).toHaveURL(/\/my\/dossiers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Bản nháp:/ })).toHaveCount(0);

  // A dossier filed through the API (the browser's session), asked for two more papers at the desk.
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': session.csrfToken };
  const upload = async (name: string) => {
    const answer = await page.request.post('/api/files', {
      headers,
      multipart: { file: { name, mimeType: 'application/pdf', buffer: pdf(name) } },
    });
    expect(answer.status()).toBe(201);
    return ((await answer.json()) as { id: string }).id;
  };
  const agencies = (await (await page.request.get('/api/public/agencies')).json()) as {
    items: { id: string; kind: string }[];
  };
  const centreId = agencies.items.find((agency) => agency.kind === 'trung_tam_phvhcc')?.id ?? '';
  const created = await page.request.post('/api/dossiers', {
    headers,
    data: {
      procedureCode: PROCEDURE,
      receivingAgencyId: centreId,
      applicant: { fullName: CITIZEN_NAME, personalId: CITIZEN, address: 'Ấp 3, xã Mỹ Hiệp' },
      formData: {
        nguoiYeuCau: { hoTen: CITIZEN_NAME, soDinhDanh: CITIZEN },
        loaiPhieu: 'Phiếu số 2',
        soLuong: 1,
      },
      feeCase: 0,
      deliveryMethod: 'online',
      files: [
        { componentIndex: 0, fileId: await upload('to-khai.pdf') },
        { componentIndex: 1, fileId: await upload('cccd.pdf') },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const submitted = await page.request.post(`/api/dossiers/${id}/submit`, { headers, data: {} });
  expect(submitted.status()).toBe(200);
  const motcua = await officer(baseURL ?? '', 'motcua');
  try {
    const asked = await motcua.post(`/api/dossiers/${id}/request-supplement`, {
      items: [
        { name: 'Giấy tờ tùy thân (CCCD/thẻ căn cước, hộ chiếu)', reason: 'Bản chụp mờ, không đọc được số' },
        { name: 'Văn bản ủy quyền', reason: 'Phiếu số 2 do người khác nộp thay cần ủy quyền' },
      ],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
  } finally {
    await motcua.dispose();
  }

  await page.goto(`/my/dossiers/${id}`);
  await expect(page.getByText(/^Mã hồ sơ: .* Yêu cầu bổ sung giấy tờ/)).toBeVisible();
  const panel = page.getByRole('region', { name: 'Yêu cầu bổ sung hồ sơ' });
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText([
    'Giấy tờ tùy thân (CCCD/thẻ căn cước, hộ chiếu)',
    'Văn bản ủy quyền',
  ]);
  await expect(panel).toContainText('Bản chụp mờ, không đọc được số');
  // Each item is matched to the component it names.
  const components = panel.getByLabel(/^Thuộc thành phần hồ sơ/);
  await expect(components.nth(0)).toHaveValue('1');
  await expect(components.nth(1)).toHaveValue('2');
  await panel
    .getByLabel('Tệp bổ sung: Giấy tờ tùy thân (CCCD/thẻ căn cước, hộ chiếu)')
    .setInputFiles({ name: 'cccd-ro.pdf', mimeType: 'application/pdf', buffer: pdf('cccd ro') });
  await panel
    .getByLabel('Tệp bổ sung: Văn bản ủy quyền')
    .setInputFiles({ name: 'uy-quyen.pdf', mimeType: 'application/pdf', buffer: pdf('uy quyen') });
  await expect(panel.getByText('uy-quyen.pdf (')).toBeVisible();
  await expect(panel.getByText('cccd-ro.pdf (')).toBeVisible();
  await expectNoAxeViolations(page);
  await panel.getByRole('button', { name: 'Gửi bổ sung' }).click();
  await expect(page.getByRole('region', { name: 'Yêu cầu bổ sung hồ sơ' })).toHaveCount(0);
  await expect(page.getByText(/^Mã hồ sơ: .* Mới đăng ký/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'uy-quyen.pdf' })).toBeVisible();

  // Withdrawing asks first; then the dossier says so and offers it no more.
  await page.getByRole('button', { name: 'Rút hồ sơ…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Xác nhận rút hồ sơ' });
  await dialog.getByLabel(/^Lý do rút hồ sơ/).fill('Đã nộp tại quầy');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Rút hồ sơ' }).click();
  await expect(page.getByText(/^Mã hồ sơ: .* Công dân yêu cầu rút hồ sơ/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rút hồ sơ…' })).toHaveCount(0);
  const timeline = page.getByRole('list', { name: 'Các bước giải quyết hồ sơ' });
  await expect(timeline.locator('li.is-problem')).toContainText('Công dân yêu cầu rút hồ sơ');
});

test('the public lookup explains a rate limit kindly and a wrong code plainly; filing signs in first and comes back', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.route('**/api/public/dossiers/**', (route) =>
    route.fulfill({ status: 429, contentType: 'application/json', body: '{"statusCode":429}' }),
  );
  await page.goto('/track/000.01.01.H20-261126-0001');
  await expect(page.getByRole('alert')).toHaveText(
    'Bạn đã tra cứu nhiều lần trong thời gian ngắn. Vui lòng đợi khoảng một phút rồi thử lại.',
  );
  await page.unroute('**/api/public/dossiers/**');
  await page.getByLabel('Mã hồ sơ').fill('abc');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByRole('alert')).toContainText('Mã hồ sơ “ABC” không đúng dạng.');
  await expectNoAxeViolations(page);

  // Filing needs an account: sign in first, then land back on the filing page of the same procedure.
  await page.goto(`/procedures/${PROCEDURE}`);
  await expect(page.getByText(/^Bạn cần đăng nhập để nộp hồ sơ/)).toBeVisible();
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprocedures%2F2\.000488%2Ffile$/);
  await page.getByLabel('Tên đăng nhập').fill(CITIZEN);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/procedures\/2\.000488\/file$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Bước 1/5: Nơi nộp và người nộp' })).toBeVisible();

  // The same page in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 1 of 5: Where and who' })).toBeVisible();
  await expect(page.getByLabel('Where to file')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
});
