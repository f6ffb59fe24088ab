import { describe, expect, it } from 'vitest';
import { codeOf, parseInbound } from './parse-inbound.ts';

const filed = {
  MaHoSo: 'G22.99-20261126-0001234',
  MaTTHC: '2.000488',
  MaCoQuan: '000.00.14.H20',
  NgayNopHoSo: '20261126083000',
  ChuHoSo: {
    HoTen: 'Trần Văn Bình',
    SoDinhDanh: '082185003417',
    DiaChi: 'Số 3 đường Nguyễn Huệ, phường Mỹ Tho',
    SoDienThoai: '09-123',
    Email: 'binh@example.com',
  },
  DuLieuBieuMau: { loaiPhieu: 'Phiếu số 1' },
};

describe('a dossier filed on the portal', () => {
  it('becomes an online, submitted dossier under its own code, a malformed phone dropped', () => {
    const parsed = parseInbound(filed);
    expect(parsed).toEqual({
      ok: true,
      dossier: {
        code: 'G22.99-20261126-0001234',
        procedureCode: '2.000488',
        receivingAgencyCode: '000.00.14.H20',
        competentAgencyCode: null,
        applicant: {
          fullName: 'Trần Văn Bình',
          personalId: '082185003417',
          address: 'Số 3 đường Nguyễn Huệ, phường Mỹ Tho',
          phone: null,
          email: 'binh@example.com',
        },
        formData: { loaiPhieu: 'Phiếu số 1' },
        submittedAt: new Date('2026-11-26T01:30:00Z'),
        deliveryMethod: 'online',
      },
    });
  });

  it.each([
    [{ ...filed, MaHoSo: 'not a code' }, 'MaHoSo'],
    [{ ...filed, MaTTHC: undefined }, 'MaTTHC'],
    [{ ...filed, MaCoQuan: 'x y' }, 'MaCoQuan'],
    [{ ...filed, NgayNopHoSo: '2026-11-26' }, 'NgayNopHoSo'],
    [{ ...filed, ChuHoSo: { ...filed.ChuHoSo, HoTen: ' ' } }, 'ChuHoSo.HoTen'],
    [{ ...filed, ChuHoSo: { ...filed.ChuHoSo, SoDinhDanh: { id: 1 } } }, 'ChuHoSo.SoDinhDanh'],
    [{ ...filed, HinhThucNhanKetQua: 7 }, 'HinhThucNhanKetQua'],
    ['a string', ''],
  ])('is refused, naming the field (%#)', (document, field) => {
    const parsed = parseInbound(document);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.field).toBe(field);
  });

  it('keeps the code of a refused document when it has one', () => {
    expect(codeOf({ ...filed, MaTTHC: 1 })).toBe('G22.99-20261126-0001234');
    expect(codeOf([1])).toBeNull();
  });
});
