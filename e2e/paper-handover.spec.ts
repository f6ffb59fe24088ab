// R-DOS-10 in the back office: the one-stop desk records that the paper file of a counter dossier
// left for the deciding unit. The dossier is entered through the API as the counter page would;
// the desk hands it over from the dossier's action panel, with a note of who carried it.
//
// motcua is the desk of the provincial service centre; Sở Tư pháp decides 2.000488.

import { expect, test, type APIRequestContext } from '@playwright/test';
import { PASSWORD, expectNoAxeViolations, signIn } from './support.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A paper dossier received at the centre's counter, entered by the desk through the API. */
async function receivedAtCounter(request: APIRequestContext): Promise<{ id: string; code: string }> {
  const login = await request.post('/api/auth/login', { data: { username: 'motcua', password: PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { session } = (await login.json()) as { session: { csrfToken: string } };
  const headers = { 'x-csrf-token': session.csrfToken };
  const upload = async (name: string) => {
    const answer = await request.post('/api/files', {
      headers,
      multipart: { file: { name, mimeType: 'application/pdf', buffer: PDF } },
    });
    expect(answer.status(), await answer.text()).toBe(201);
    return ((await answer.json()) as { id: string }).id;
  };
  const agencies = (await (await request.get('/api/public/agencies')).json()) as {
    items: { id: string; kind: string }[];
  };
  const centre = agencies.items.find((agency) => agency.kind === 'trung_tam_phvhcc');
  expect(centre).toBeDefined();
  const answer = await request.post('/api/dossiers/counter', {
    headers,
    data: {
      procedureCode: '2.000488',
      receivingAgencyId: centre?.id,
      channel: 'counter',
      applicant: {
        fullName: 'Trần Văn Hùng',
        address: 'Số 3 đường Nguyễn Huệ, phường Mỹ Tho, tỉnh Đồng Tháp',
        phone: '0912000222',
      },
      formData: {
        nguoiYeuCau: { hoTen: 'Trần Văn Hùng', soDinhDanh: '087099001236', soDienThoai: '0912000222' },
        loaiPhieu: 'Phiếu số 1',
        soLuong: 1,
        mucDich: 'Bổ sung hồ sơ xin việc',
      },
      feeCase: 0,
      deliveryMethod: 'counter',
      files: [
        { componentIndex: 0, fileId: await upload('to-khai.pdf') },
        { componentIndex: 1, fileId: await upload('cccd.pdf') },
      ],
      outcome: { kind: 'receive' },
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as { id: string; code: string };
}

test('the desk hands the paper file over once; the overview, the log and the control slip show it', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { id, code } = await receivedAtCounter(request);
  await signIn(page, 'motcua');
  await expect(page).toHaveURL(/\/workspace$/);
  await page.goto(`/workspace/dossiers/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` })).toBeVisible();

  const overview = page.getByRole('region', { name: 'Thông tin chung' });
  await expect(overview).toContainText('Chưa bàn giao cho đơn vị giải quyết');
  const actions = page.getByRole('region', { name: 'Thao tác' });
  await actions.getByRole('button', { name: 'Bàn giao hồ sơ giấy', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Bàn giao hồ sơ giấy' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('đầu giờ ngày làm việc tiếp theo');
  await expectNoAxeViolations(page);
  await dialog.getByLabel(/^Ghi chú/).fill('Anh Lê Văn Bình mang sang Sở Tư pháp');
  await dialog.getByRole('button', { name: 'Bàn giao hồ sơ giấy', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Đã thực hiện: Bàn giao hồ sơ giấy.')).toBeVisible();

  await expect(overview).not.toContainText('Chưa bàn giao');
  await expect(overview).toContainText(/Bàn giao hồ sơ giấy\s*\d{2}\/\d{2}\/\d{4}/);
  await expect(actions.getByRole('button', { name: 'Bàn giao hồ sơ giấy', exact: true })).toHaveCount(0);
  const log = page.getByRole('region', { name: 'Nhật ký xử lý' });
  await expect(log).toContainText('Anh Lê Văn Bình mang sang Sở Tư pháp');
  const slip = page.getByRole('table', { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' });
  const row = slip.getByRole('row').filter({ hasText: 'Bàn giao hồ sơ giấy' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Đúng hạn');
});
