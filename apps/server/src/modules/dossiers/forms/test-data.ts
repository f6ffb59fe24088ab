/** Realistic Vietnamese inputs for the form tests. */
import type { Applicant, DossierReference, FormHeader } from './types.ts';

export const header: FormHeader = {
  agency: { name: 'Trung tâm Phục vụ hành chính công', parentName: 'Ủy ban nhân dân tỉnh Quảng Trị' },
  place: 'Quảng Trị',
  issuedAt: '2026-11-26T08:30:00Z',
  documentNumber: null,
};

export const dossier: DossierReference = {
  code: 'H45.26-261126-0042',
  lookupUrl: 'https://dichvucong.quangtri.gov.vn/tra-cuu/H45.26-261126-0042',
  procedureName: 'Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở lần đầu',
};

export const applicant: Applicant = {
  fullName: 'Nguyễn Thị Ánh Tuyết',
  address: 'Số 12 đường Lê Duẩn, phường Đông Hà, tỉnh Quảng Trị',
  phone: '0912 345 678',
  email: 'anhtuyet.nguyen@example.vn',
};

export const otherApplicant: Applicant = {
  fullName: 'Đặng Quốc Hưng',
  address: null,
  phone: null,
  email: null,
};

export const signer = { authority: 'KT. Giám đốc', position: 'Phó Giám đốc', fullName: 'Trần Văn Đức' };
