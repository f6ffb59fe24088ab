// Browser journeys of the one-stop back office (/workspace/counter, /workspace/dossiers): a paper
// dossier entered at the desk goes specialist → director → desk and its control slip shows the
// hand-overs; an online dossier filed through the API is received from the counter queue, and the
// specialist apologises once with a new date (form 04).
//
// Officers of the demo province: motcua (one-stop desk of the provincial service centre),
// chuyenvien and giamdoc (Sở Tư pháp, which decides 2.000488, Phiếu lý lịch tư pháp).

import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support.ts';
import { apiSession, officerPage, serviceCentreId } from './support-api.ts';
import { openWorklist } from './support-dossiers.ts';

const LLTP = '2.000488';
const CITIZEN = '087099001234';
const CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-K]\d{2}-\d{6}-\d{4}$/;
const FORM_DATA = {
  nguoiYeuCau: { hoTen: 'Phạm Văn Bình', soDinhDanh: '087099001235', soDienThoai: '0912000111' },
  loaiPhieu: 'Phiếu số 1',
  soLuong: 1,
  mucDich: 'Bổ sung hồ sơ xin việc',
};

async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function onPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 740 });
  await expectNoOverflow(page);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A button of the dossier page's action panel ("Thao tác"). */
function actionButton(page: Page, name: string): Locator {
  return page.getByRole('region', { name: 'Thao tác' }).getByRole('button', { name, exact: true });
}

/** Opens an action's dialog from the action panel and sends it as it is. */
async function act(page: Page, button: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await actionButton(page, button).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Đã thực hiện: ${button}.`)).toBeVisible();
}

/** The citizen files an online dossier through the API, as the portal would. */
async function fileOnline(request: APIRequestContext): Promise<{ id: string; code: string }> {
  const citizen = await apiSession(request, CITIZEN);
  const { id } = await citizen.post<{ id: string }>(
    '/api/dossiers',
    {
      procedureCode: LLTP,
      receivingAgencyId: await serviceCentreId(request),
      applicant: {
        fullName: 'Nguyễn Thị Mai',
        personalId: CITIZEN,
        address: 'Số 12 đường Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
        phone: '0912345678',
      },
      formData: { ...FORM_DATA, nguoiYeuCau: { hoTen: 'Nguyễn Thị Mai', soDinhDanh: CITIZEN } },
      feeCase: 0,
      deliveryMethod: 'counter',
      files: [
        { componentIndex: 0, fileId: await citizen.uploadPdf('to-khai.pdf') },
        { componentIndex: 1, fileId: await citizen.uploadPdf('cccd.pdf') },
      ],
    },
    201,
  );
  const { code } = await citizen.post<{ code: string }>(`/api/dossiers/${id}/submit`, {}, 200);
  expect(code).toMatch(CODE);
  return { id, code };
}

test('a paper dossier: entered at the desk, forwarded, approved, returned, with its control slip', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const desk = await officerPage(browser, 'motcua');
  await desk
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Tiếp nhận tại quầy' })
    .click();
  await expect(desk).toHaveURL(/\/workspace\/counter$/);
  await expect(desk.getByRole('heading', { level: 1, name: 'Tiếp nhận tại quầy' })).toBeVisible();

  const intake = desk.getByRole('region', { name: 'Tiếp nhận hồ sơ giấy' });
  await intake.getByRole('searchbox', { name: 'Tìm thủ tục theo tên hoặc mã' }).fill('ly lich tu phap');
  await intake.getByRole('button', { name: 'Tìm', exact: true }).click();
  await intake
    .getByRole('button', { name: new RegExp(`^Chọn thủ tục: ${LLTP.replace('.', '\\.')} `) })
    .click();
  await expect(intake.getByText(`Thủ tục: ${LLTP} Cấp Phiếu lý lịch tư pháp`)).toBeVisible();
  await expect(intake.getByLabel('Nơi tiếp nhận')).toHaveValue(/.+/);
  await expectNoAxeViolations(desk);

  // Exactly one outcome: receipt needs every required paper; without them the desk is told so.
  const applicant = intake.getByRole('group', { name: 'Người nộp hồ sơ' });
  await applicant.getByLabel('Họ và tên').fill('Phạm Văn Bình');
  await applicant.getByLabel('Số định danh cá nhân').fill('087099001235');
  await applicant.getByLabel('Địa chỉ').fill('Số 3 đường Hùng Vương, phường Cao Lãnh');
  // Typed once: the applicant is copied into the tờ khai's người yêu cầu.
  const tokhai = intake.getByRole('group', { name: 'Tờ khai' });
  await expect(tokhai.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Phạm Văn Bình');
  await expect(tokhai.getByLabel('Số định danh cá nhân')).toHaveValue('087099001235');
  await intake.getByRole('button', { name: 'Ghi nhận hồ sơ' }).click();
  await expect(intake.getByText(/Chưa nhận đủ bản giấy các thành phần bắt buộc/)).toBeVisible();
  await intake.getByLabel(/^Đã nhận bản giấy: Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp/).check();
  await intake.getByLabel(/^Đã nhận bản giấy: Giấy tờ tùy thân/).check();
  // The empty tờ khai is refused by the server, which names the field; the message is beside it.
  await intake.getByRole('button', { name: 'Ghi nhận hồ sơ' }).click();
  await expect(intake.getByRole('alert').first()).toBeVisible();
  const kind = intake.getByRole('radiogroup', { name: 'Loại phiếu' });
  await expect(kind.locator('.field__error')).toBeVisible();
  await expect(kind).toHaveAttribute('aria-describedby', /-error/);
  await fillForm(intake);
  await intake.getByRole('button', { name: 'Ghi nhận hồ sơ' }).click();

  const result = intake.getByRole('status').filter({ hasText: 'Đã ghi nhận hồ sơ' });
  await expect(result).toBeVisible();
  const code = ((await result.locator('.bo-intake-result__code').textContent()) ?? '').trim();
  expect(code).toMatch(CODE);
  const receipt = result.getByRole('link', { name: /Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả/ });
  const receiptUrl = await receipt.getAttribute('href');
  expect(receiptUrl).toMatch(/^\/api\/dossiers\/[0-9a-f-]{36}\/forms\/01$/);
  const pdf = await desk.request.get(receiptUrl ?? '');
  expect(pdf.status(), 'GET …/forms/01 (being added by the forms helper)').toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const dossierUrl = (await result.getByRole('link', { name: 'Mở hồ sơ' }).getAttribute('href')) ?? '';
  expect(dossierUrl).toMatch(/^\/workspace\/dossiers\/[0-9a-f-]{36}$/);
  await onPhone(desk);

  // The specialist finds it in the agency's worklist by its code and hands it over.
  const specialist = await officerPage(browser, 'chuyenvien');
  const scope = await openWorklist(specialist);
  await scope.getByRole('link', { name: 'Của cơ quan', exact: true }).click();
  await expect(specialist).toHaveURL(/\/workspace\/dossiers\?scope=agency$/);
  await expect(scope.getByRole('link', { name: 'Của cơ quan', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // The name typed without diacritics finds it.
  await specialist.getByLabel('Mã hồ sơ hoặc tên người nộp').fill('pham van binh');
  await specialist.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(specialist).toHaveURL(/q=pham\+van\+binh/);
  const worklist = specialist.getByRole('table', { name: 'Hồ sơ cần xử lý' });
  const listed = worklist.getByRole('row').filter({ hasText: code });
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Phạm Văn Bình');
  await expect(listed).toContainText('Trong hạn');
  await expect(listed).toContainText(/Còn \d+ ngày/);
  await expect(worklist.getByRole('row').filter({ hasText: 'Nguyễn Thị Mai' })).toHaveCount(0);
  await expectNoAxeViolations(specialist);
  await onPhone(specialist);
  await listed.getByRole('link', { name: code }).click();
  await expect(specialist.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` })).toBeVisible();
  await expect(specialist.getByText('Được tiếp nhận (Mã trạng thái Cổng DVCQG: 2)')).toBeVisible();
  await expect(actionButton(specialist, 'Giải quyết')).toHaveCount(0);
  await expectNoAxeViolations(specialist);
  await act(specialist, 'Chuyển tiếp', (dialog) =>
    dialog.getByLabel('Ghi chú').fill('Đủ điều kiện cấp phiếu'),
  );
  await expect(specialist.getByText('Đang xử lý (Mã trạng thái Cổng DVCQG: 4)')).toBeVisible();
  await expect(actionButton(specialist, 'Chuyển tiếp')).toHaveCount(0);

  // The director decides; a counter dossier waits at the desk for the applicant.
  const director = await officerPage(browser, 'giamdoc');
  await director.goto(dossierUrl);
  await act(director, 'Giải quyết');
  await expect(director.getByText('Đã xử lý xong (Mã trạng thái Cổng DVCQG: 9)')).toBeVisible();

  await desk.goto(dossierUrl);
  await act(desk, 'Trả kết quả', (dialog) => dialog.getByLabel('Ghi chú').fill('Công dân nhận tại quầy'));
  await expect(desk.getByText('Đã trả kết quả (Mã trạng thái Cổng DVCQG: 10)')).toBeVisible();
  await expect(desk.getByText('Bạn không có thao tác nào với hồ sơ ở trạng thái này.')).toBeVisible();

  // The control slip: one row per hand-over, each with its timeliness.
  const slip = desk.getByRole('table', { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' });
  const rows = slip.getByRole('row');
  await expect(rows.filter({ hasText: 'Chuyển bước tiếp theo' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Chuyển bước tiếp theo' })).toContainText('Nguyễn Hoàng Phúc');
  await expect(rows.filter({ hasText: 'Giải quyết' })).toHaveCount(1);
  const handOvers = await rows.count();
  expect(handOvers).toBeGreaterThanOrEqual(3);
  for (let index = 1; index < handOvers; index++) {
    await expect(rows.nth(index)).toContainText(/Trước hạn|Đúng hạn|Quá hạn/);
  }
  await expect(desk.getByRole('link', { name: /Mẫu 06: Phiếu kiểm soát/ })).toBeVisible();

  // The register (form 07) of the centre for this month opens as a PDF in a new tab.
  await desk.goto('/workspace/counter');
  const register = desk.getByRole('region', { name: 'In sổ theo dõi hồ sơ (Mẫu 07)' });
  await expect(register.getByLabel('Cơ quan tiếp nhận')).toHaveValue(/.+/);
  const registerForm = register.locator('form');
  await expect(registerForm).toHaveAttribute('target', '_blank');
  const query = new URLSearchParams({
    agencyId: await register.getByLabel('Cơ quan tiếp nhận').inputValue(),
    from: await register.getByLabel('Từ ngày').inputValue(),
    to: await register.getByLabel('Đến ngày').inputValue(),
  });
  const registerUrl = `${(await registerForm.getAttribute('action')) ?? ''}?${query.toString()}`;
  expect(registerUrl).toMatch(
    /^\/api\/dossiers\/register\?agencyId=[0-9a-f-]{36}&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/,
  );
  const registerPdf = await desk.request.get(registerUrl);
  expect(registerPdf.status()).toBe(200);
  expect(registerPdf.headers()['content-type']).toContain('application/pdf');
  await expectNoAxeViolations(desk);
  await onPhone(desk);
});

/** The tờ khai, rendered from the procedure's JSON Schema. */
async function fillForm(intake: Locator): Promise<void> {
  const form = intake.getByRole('group', { name: 'Tờ khai' });
  await form.getByLabel('Họ, chữ đệm và tên').fill(FORM_DATA.nguoiYeuCau.hoTen);
  await form.getByLabel('Số định danh cá nhân').fill(FORM_DATA.nguoiYeuCau.soDinhDanh);
  await form.getByRole('radiogroup', { name: 'Loại phiếu' }).getByLabel('Phiếu số 1').check();
  await form.getByLabel('Số lượng phiếu').fill('1');
  await form.getByLabel('Mục đích sử dụng').fill(FORM_DATA.mucDich);
}

test('an online dossier: received from the counter queue, then one apology with a new date', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { id, code } = await fileOnline(request);

  const desk = await officerPage(browser, 'motcua');
  await desk.goto('/workspace/counter');
  const queue = desk.getByRole('region', { name: 'Hồ sơ trực tuyến chờ kiểm tra' });
  const row = queue.getByRole('row').filter({ hasText: code });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Nguyễn Thị Mai');
  await expectNoAxeViolations(desk);
  await row.getByRole('button', { name: `Tiếp nhận hồ sơ ${code}` }).click();
  const dialog = desk.getByRole('dialog', { name: 'Tiếp nhận hồ sơ' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Ghi chú').fill('Đủ thành phần');
  await dialog.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(queue.getByRole('status').filter({ hasText: 'Đã thực hiện' })).toContainText(
    `Đã thực hiện: Tiếp nhận. ${code}`,
  );
  await expect(queue.getByRole('link', { name: /Mẫu 01/ })).toBeVisible();
  await expect(queue.getByRole('row').filter({ hasText: code })).toHaveCount(0);

  // The specialist apologises once; the due date moves and a second apology is not offered.
  const specialist = await officerPage(browser, 'chuyenvien');
  await specialist.goto(`/workspace/dossiers/${id}`);
  await expect(specialist.getByText('Được tiếp nhận (Mã trạng thái Cổng DVCQG: 2)')).toBeVisible();
  const actions = specialist.getByRole('region', { name: 'Thao tác' });
  const dossier = (await (await specialist.request.get(`/api/dossiers/${id}`)).json()) as { dueAt: string };
  const newDate = new Date(new Date(dossier.dueAt).getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const [year, month, day] = newDate.split('-');
  // The due day itself is no new date: the server names the field and the dialog shows it beside it.
  const dueDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(dossier.dueAt),
  );
  await actions.getByRole('button', { name: 'Xin lỗi, hẹn lại', exact: true }).click();
  const apology = specialist.getByRole('dialog', { name: 'Xin lỗi và hẹn lại ngày trả (Mẫu 04)' });
  await apology.getByLabel('Lý do chậm').fill('Cần xác minh thông tin tại cơ quan công an');
  await apology.getByLabel('Ngày hẹn trả mới').fill(dueDay);
  // The working calendar is looked up for the date typed: the current due day is a working day.
  await expect(apology.getByRole('status').filter({ hasText: 'là ngày' })).toContainText(
    /^\d{2}\/\d{2}\/\d{4} \(Thứ .+\) là ngày làm việc\.$/,
  );
  await apology.getByRole('button', { name: 'Xin lỗi, hẹn lại', exact: true }).click();
  const dateField = apology.getByLabel('Ngày hẹn trả mới');
  await expect(dateField).toHaveAttribute('aria-invalid', 'true');
  await expect(dateField).toHaveAttribute('aria-describedby', /-error/);
  await expect(apology.locator('.field--invalid .field__error')).toBeVisible();
  await expectNoAxeViolations(specialist);
  await apology.getByRole('button', { name: 'Hủy' }).click();
  await expect(apology).toBeHidden();
  await act(specialist, 'Xin lỗi, hẹn lại', async (form) => {
    await expect(form.getByLabel('Ngày hẹn trả mới')).not.toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('Lý do chậm').fill('Cần xác minh thông tin tại cơ quan công an');
    await form.getByLabel('Ngày hẹn trả mới').fill(newDate);
  });
  const overview = specialist.getByRole('region', { name: 'Thông tin chung' });
  await expect(overview.getByText(/^Ngày hẹn trả ban đầu/)).toBeVisible();
  await expect(specialist.locator('.bo-dossier-header')).toContainText(
    `${day ?? ''}/${month ?? ''}/${year ?? ''}`,
  );
  await expect(specialist.getByRole('link', { name: /Mẫu 04: Văn bản xin lỗi/ })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Chuyển tiếp', exact: true })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Xin lỗi, hẹn lại', exact: true })).toHaveCount(0);
  await expect(specialist.getByRole('region', { name: 'Nhật ký xử lý' })).toContainText(
    'Xin lỗi, hẹn lại ngày trả',
  );
  await expectNoAxeViolations(specialist);

  // English, then a phone.
  await specialist.getByRole('button', { name: 'English' }).click();
  await expect(specialist.getByRole('heading', { level: 1, name: `Dossier ${code}` })).toBeVisible();
  await expect(specialist.getByText('Received (National portal status code: 2)')).toBeVisible();
  await onPhone(specialist);
  await specialist.getByRole('button', { name: 'Tiếng Việt' }).click();
});
