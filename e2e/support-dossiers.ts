// A paper dossier received at the provincial service centre's counter by motcua, entered through the
// API as the counter page would (procedure 2.000488, decided by Sở Tư pháp). Shared by the journeys
// that need a received dossier.

import { expect, type APIRequestContext } from '@playwright/test';
import { PASSWORD } from './support.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A paper dossier received at the centre's counter, entered by the desk through the API. */
export async function receivedAtCounter(request: APIRequestContext): Promise<{ id: string; code: string }> {
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
