import { describe, expect, it } from 'vitest';
import { buildStatusDocument, parsePortalTime, portalTime, type DossierSnapshot } from './build-payload.ts';

const at = (iso: string) => new Date(iso);
const resultLink = (dossierId: string, fileId: string) =>
  `https://dvc.example.vn/ket-qua/${dossierId}/${fileId}`;

function snapshot(overrides: Partial<DossierSnapshot> = {}): DossierSnapshot {
  return {
    id: '7f1c9a2e-0000-4000-8000-000000000001',
    code: '000.00.14.H20-261126-0001',
    status: 'received',
    channel: 'online',
    procedureCode: '2.000488',
    deadline: { value: 10, unit: 'calendar_day' },
    submittedAt: at('2026-11-26T01:30:00Z'),
    receivedAt: at('2026-11-26T02:00:00Z'),
    dueAt: at('2026-12-06T10:00:00Z'),
    resolvedAt: null,
    returnedAt: null,
    endedAt: null,
    applicant: { fullName: 'Nguyễn Thị Mai', personalId: '087099001234' },
    receivingAgencyCode: '000.00.14.H20',
    components: [
      { id: 'f1', name: 'tờ khai.pdf', sha256: 'a'.repeat(64), componentName: 'Tờ khai', digitised: false },
      { id: 'f2', name: 'cccd.pdf', sha256: 'b'.repeat(64), componentName: null, digitised: true },
    ],
    result: null,
    events: [
      {
        at: at('2026-11-26T01:00:00Z'),
        action: 'create',
        toStatus: 'draft',
        actorLabel: 'Nguyễn Thị Mai (087099001234)',
        agencyName: null,
        stepName: null,
        note: null,
      },
      {
        at: at('2026-11-26T01:30:00Z'),
        action: 'submit',
        toStatus: 'submitted',
        actorLabel: 'Nguyễn Thị Mai (087099001234)',
        agencyName: 'Trung tâm Phục vụ hành chính công',
        stepName: null,
        note: null,
      },
      {
        at: at('2026-11-26T02:00:00Z'),
        action: 'receive',
        toStatus: 'received',
        actorLabel: 'Lê Văn Một Cửa (motcua)',
        agencyName: 'Sở Tư pháp',
        stepName: null,
        note: 'Đủ thành phần',
      },
    ],
    fees: [{ description: 'Lệ phí cấp phiếu LLTP', amountVnd: 200000, paidOnline: 1 }],
    ...overrides,
  };
}

describe('portal time', () => {
  it('writes yyyyMMddHHmmss in Vietnam time, across the date line of UTC', () => {
    expect(portalTime(at('2026-11-26T17:05:09Z'))).toBe('20261127000509');
    expect(parsePortalTime('20261127000509')?.toISOString()).toBe('2026-11-26T17:05:09.000Z');
  });
  it('refuses a stamp that is not a real instant', () => {
    expect(parsePortalTime('20261131120000')).toBeNull();
    expect(parsePortalTime('2026-11-26')).toBeNull();
  });
});

describe('the status document', () => {
  it('carries the received dossier with its dates, channel, applicant, files, history and fees', () => {
    const document = buildStatusDocument(snapshot(), { resultLink });
    expect(document).toMatchObject({
      MaHoSo: '000.00.14.H20-261126-0001',
      MaTTHC: '2.000488',
      NgayNopHoSo: '20261126083000',
      NgayTiepNhan: '20261126090000',
      NgayHenTra: '20261206170000',
      NgayKetThucXuLy: null,
      TrangThaiHoSo: 2,
      KenhThucHien: 2,
      ThoiGianGiaiQuyet: 10,
      DonViTinh: 'Ngày',
      SoDinhDanh: '087099001234',
      HoTen: 'Nguyễn Thị Mai',
      MaCoQuan: '000.00.14.H20',
      DuocThanhToanTrucTuyen: 1,
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp phiếu LLTP', Gia: 200000 }],
      MaKetQua: null,
      DuongDanTepTinKetQua: null,
    });
    expect(document.TaiLieuNop).toEqual([
      {
        TenGiayTo: 'Tờ khai',
        TenTepDinhKem: 'tờ khai.pdf',
        DuocSoHoa: 0,
        DuocLayTuKhoDMQG: 0,
        HashTepTin: 'a'.repeat(64),
      },
      {
        TenGiayTo: null,
        TenTepDinhKem: 'cccd.pdf',
        DuocSoHoa: 1,
        DuocLayTuKhoDMQG: 0,
        HashTepTin: 'b'.repeat(64),
      },
    ]);
    expect(document.QuaTrinhXuLy.map((step) => step.TrangThai)).toEqual([1, 2]);
    expect(document.QuaTrinhXuLy[1]).toEqual({
      NguoiXuLy: 'Lê Văn Một Cửa',
      PhongBanXuLy: 'Sở Tư pháp',
      ThoiDiemXuLy: '20261126090000',
      NoiDungXuLy: 'Tiếp nhận hồ sơ. Đủ thành phần',
      TrangThai: 2,
    });
  });

  it('sends a resolved dossier whose result is not yet handed back as 9, not 10', () => {
    const resolved = snapshot({
      status: 'resolved',
      resolvedAt: at('2026-11-30T03:00:00Z'),
      result: { id: 'r1', name: 'phiếu.pdf', sha256: 'c'.repeat(64), componentName: null, digitised: true },
    });
    const document = buildStatusDocument(resolved, { resultLink });
    expect(document.TrangThaiHoSo).toBe(9);
    expect(document.NgayKetThucXuLy).toBe('20261130100000');
    expect(document.MaKetQua).toBe('r1');
    expect(document.DuongDanTepTinKetQua).toBe(`https://dvc.example.vn/ket-qua/${resolved.id}/r1`);
  });

  it('sends a returned dossier as 10, its end still the resolution time', () => {
    const returned = snapshot({
      status: 'returned',
      resolvedAt: at('2026-11-30T03:00:00Z'),
      returnedAt: at('2026-12-01T03:00:00Z'),
      endedAt: at('2026-12-01T03:00:00Z'),
    });
    const document = buildStatusDocument(returned, { resultLink });
    expect(document.TrangThaiHoSo).toBe(10);
    expect(document.NgayKetThucXuLy).toBe('20261130100000');
  });

  it('counts a counter dossier as trực tiếp, filed when received, and unpaid online as 0', () => {
    const counter = snapshot({
      channel: 'counter',
      submittedAt: null,
      fees: [{ description: 'x', amountVnd: 1, paidOnline: null }],
    });
    const document = buildStatusDocument(counter, { resultLink });
    expect(document).toMatchObject({
      KenhThucHien: 1,
      NgayNopHoSo: '20261126090000',
      DuocThanhToanTrucTuyen: 0,
    });
  });

  it('ends a stopped dossier at its end time and refuses a draft', () => {
    const stopped = snapshot({ status: 'stopped', endedAt: at('2026-11-28T01:00:00Z') });
    expect(buildStatusDocument(stopped, { resultLink })).toMatchObject({
      TrangThaiHoSo: 8,
      NgayKetThucXuLy: '20261128080000',
    });
    expect(() => buildStatusDocument(snapshot({ status: 'draft' }), { resultLink })).toThrow(/draft/);
  });
});
