import { expect } from 'vitest';
import type { TestApp, TestClient } from './harness.ts';

/** The demo citizen whose dossiers the one-stop tests file. */
export const CITIZEN = '087099001234';
/** Phiếu lý lịch tư pháp: Sở Tư pháp decides, received at the province centre. */
export const LLTP = '2.000488';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The agency of a demo official's primary post. */
export async function agencyOf(t: TestApp, username: string) {
  return t.database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .innerJoin('agency as g', 'g.id', 'p.agency_id')
    .select(['g.id', 'g.code', 'g.name'])
    .where('a.username', '=', username)
    .where('ap.kind', '=', 'primary')
    .executeTakeFirstOrThrow();
}

export async function uploadPdf(client: TestClient, name = 'to-khai.pdf'): Promise<string> {
  const answer = await client.upload<{ id: string }>('/api/files', {
    bytes: PDF,
    name,
    type: 'application/pdf',
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

/** A complete application for a judicial record certificate, its two required files uploaded by `client`. */
export async function draftBody(client: TestClient, receivingAgencyId: string) {
  return {
    procedureCode: LLTP,
    receivingAgencyId,
    applicant: {
      fullName: 'Nguyễn Thị Mai',
      personalId: CITIZEN,
      address: 'Số 12 đường Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
      phone: '0912345678',
      email: 'nguyenthimai@example.com',
    },
    formData: {
      nguoiYeuCau: { hoTen: 'Nguyễn Thị Mai', soDinhDanh: CITIZEN, soDienThoai: '0912345678' },
      loaiPhieu: 'Phiếu số 1',
      soLuong: 1,
      mucDich: 'Bổ sung hồ sơ xin việc',
    },
    feeCase: 0,
    deliveryMethod: 'online',
    files: [
      { componentIndex: 0, fileId: await uploadPdf(client, 'tờ khai.pdf') },
      { componentIndex: 1, fileId: await uploadPdf(client, 'cccd.pdf') },
    ],
  };
}
