import {
  CHANNEL_CODES,
  DVCQG_STATUS_CODES,
  type Channel,
  type DeadlineUnit,
  type DossierStatus,
} from '@tinhso/contracts';

/**
 * The status-sync document of Cổng DVCQG (đồng bộ hồ sơ, vn-norms §1.5), built from a snapshot of a
 * dossier. Pure: the snapshot is read by read-snapshot.ts, the document sent by portal-client.ts.
 *
 * The field names follow those seen across independent integrations (OpenCPS, provincial one-stop
 * systems) and the F766 indicator workbook. They vary between the portal's API versions and vendors:
 * every name, code and format here MUST be confirmed against the integration specification that the
 * Văn phòng Chính phủ (VPCP) gives the province with its access token (see README.md).
 */

/** A dossier as the portal needs it, read from the dossier, procedure, agency, file and fee tables. */
export interface DossierSnapshot {
  id: string;
  code: string;
  status: DossierStatus;
  channel: Channel;
  procedureCode: string;
  deadline: { value: number; unit: DeadlineUnit };
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  endedAt: Date | null;
  applicant: { fullName: string; personalId: string | null };
  /** mã định danh of the agency that received the dossier. */
  receivingAgencyCode: string;
  components: SnapshotFile[];
  result: SnapshotFile | null;
  events: SnapshotEvent[];
  /** Fees owed: the invoice when there is one, otherwise the dossier's fee amount. */
  fees: { description: string; amountVnd: number; paidOnline: 1 | 2 | null }[];
}

export interface SnapshotFile {
  id: string;
  name: string;
  sha256: string;
  /** The procedure's component name, when the file answers one. */
  componentName: string | null;
  digitised: boolean;
}

export interface SnapshotEvent {
  at: Date;
  action: string;
  toStatus: DossierStatus;
  actorLabel: string | null;
  agencyName: string | null;
  stepName: string | null;
  note: string | null;
}

export interface TaiLieuNop {
  TenGiayTo: string | null;
  TenTepDinhKem: string;
  /** 1 when a paper component was scanned at the counter (R-DOS-13). */
  DuocSoHoa: 0 | 1;
  /** 1 when taken from the citizen's store on the portal; we never take from it yet. */
  DuocLayTuKhoDMQG: 0;
  /** sha256 of the file, lower-case hex. */
  HashTepTin: string;
}

export interface QuaTrinhXuLy {
  NguoiXuLy: string;
  PhongBanXuLy: string;
  ThoiDiemXuLy: string;
  NoiDungXuLy: string;
  /** TrangThaiHoSo the dossier entered. */
  TrangThai: number;
}

export interface StatusDocument {
  MaHoSo: string;
  MaTTHC: string;
  /** Times are yyyyMMddHHmmss in Vietnam time (UTC+7); null when the step has not happened. */
  NgayNopHoSo: string;
  NgayTiepNhan: string | null;
  NgayHenTra: string | null;
  NgayKetThucXuLy: string | null;
  TrangThaiHoSo: number;
  /** 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
  KenhThucHien: 1 | 2 | 3;
  /** The legal time allowed (thời hạn giải quyết) in DonViTinh. */
  ThoiGianGiaiQuyet: number;
  DonViTinh: string;
  SoDinhDanh: string | null;
  HoTen: string;
  /** mã định danh of the receiving agency. */
  MaCoQuan: string;
  TaiLieuNop: TaiLieuNop[];
  QuaTrinhXuLy: QuaTrinhXuLy[];
  /** 1 paid on the DVCQG payment platform, 2 on the provincial gateway, 0 otherwise. */
  DuocThanhToanTrucTuyen: 0 | 1 | 2;
  DanhSachLePhi: { TenPhiLePhi: string; Gia: number }[];
  MaKetQua: string | null;
  DuongDanTepTinKetQua: string | null;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** yyyyMMddHHmmss in Vietnam time, the portal's usual timestamp. */
export function portalTime(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** The instant of a yyyyMMddHHmmss Vietnam-time stamp, or null when it is not one. */
export function parsePortalTime(text: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const at = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}+07:00`);
  return Number.isNaN(at.getTime()) || portalTime(at) !== text ? null : at;
}

/** DonViTinh of the legal deadline. [U] The portal may expect a numeric unit code instead. */
export const UNIT_LABELS: Record<DeadlineUnit, string> = {
  working_day: 'Ngày làm việc',
  calendar_day: 'Ngày',
  hour: 'Giờ',
  month: 'Tháng',
};

const ACTION_LABELS: Record<string, string> = {
  create: 'Tạo hồ sơ',
  submit: 'Nộp hồ sơ',
  receive: 'Tiếp nhận hồ sơ',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  supplement: 'Bổ sung hồ sơ',
  forward: 'Chuyển bước xử lý',
  send_back: 'Trả lại bước trước',
  consult: 'Lấy ý kiến',
  reply_consultation: 'Trả lời ý kiến',
  transfer: 'Chuyển xử lý',
  apologise: 'Xin lỗi, hẹn lại ngày trả',
  resolve: 'Đã xử lý xong',
  return: 'Trả kết quả',
  stop: 'Dừng xử lý',
  withdraw: 'Công dân rút hồ sơ',
  hand_over: 'Bàn giao hồ sơ giấy',
  pay: 'Nộp phí, lệ phí',
};

const isFiled = (event: SnapshotEvent) => event.toStatus !== 'draft';

const optionalTime = (at: Date | null) => (at === null ? null : portalTime(at));

/** "Nguyễn Văn A (motcua)" → "Nguyễn Văn A": the portal shows the name, not our user name. */
const personOf = (label: string | null) => (label ?? '').replace(/\s*\([^()]*\)\s*$/, '').trim();

/** TrangThaiHoSo of a status; a draft has none (the portal hears of a dossier from its filing). */
function statusCodeOf(status: DossierStatus): number {
  const code = DVCQG_STATUS_CODES[status];
  if (code === null) throw new Error(`a ${status} dossier is not known to the portal`);
  return code;
}

function processStep(event: SnapshotEvent): QuaTrinhXuLy {
  const action = ACTION_LABELS[event.action] ?? event.action;
  const content = [event.stepName ? `${action}: ${event.stepName}` : action, event.note]
    .filter((part): part is string => Boolean(part))
    .join('. ');
  return {
    NguoiXuLy: personOf(event.actorLabel),
    PhongBanXuLy: event.agencyName ?? '',
    ThoiDiemXuLy: portalTime(event.at),
    NoiDungXuLy: content,
    TrangThai: statusCodeOf(event.toStatus),
  };
}

/**
 * The document for the dossier's present state. A resolved dossier whose result has not been handed
 * back is 9 (Đã xử lý xong), not 10 (Đã trả kết quả): "resolved" ≠ "returned" (R-DOS-3).
 */
export function buildStatusDocument(
  snapshot: DossierSnapshot,
  options: { resultLink: (dossierId: string, fileId: string) => string },
): StatusDocument {
  const status = statusCodeOf(snapshot.status);
  const filedAt = snapshot.submittedAt ?? snapshot.receivedAt;
  if (filedAt === null) throw new Error(`dossier ${snapshot.code} has no filing time`);
  const paidOnline = snapshot.fees.find((fee) => fee.paidOnline !== null)?.paidOnline ?? 0;
  const { result } = snapshot;
  return {
    MaHoSo: snapshot.code,
    MaTTHC: snapshot.procedureCode,
    NgayNopHoSo: portalTime(filedAt),
    NgayTiepNhan: optionalTime(snapshot.receivedAt),
    NgayHenTra: optionalTime(snapshot.dueAt),
    // F766 indicator 2.1: the end is the first of resolved, returned, stopped/refused/withdrawn.
    NgayKetThucXuLy: optionalTime(snapshot.resolvedAt ?? snapshot.returnedAt ?? snapshot.endedAt),
    TrangThaiHoSo: status,
    KenhThucHien: CHANNEL_CODES[snapshot.channel],
    ThoiGianGiaiQuyet: snapshot.deadline.value,
    DonViTinh: UNIT_LABELS[snapshot.deadline.unit],
    SoDinhDanh: snapshot.applicant.personalId,
    HoTen: snapshot.applicant.fullName,
    MaCoQuan: snapshot.receivingAgencyCode,
    TaiLieuNop: snapshot.components.map((file) => ({
      TenGiayTo: file.componentName,
      TenTepDinhKem: file.name,
      DuocSoHoa: file.digitised ? 1 : 0,
      DuocLayTuKhoDMQG: 0,
      HashTepTin: file.sha256,
    })),
    // A draft's editing is the citizen's own business: the portal hears of the dossier from its filing.
    QuaTrinhXuLy: snapshot.events.filter(isFiled).map(processStep),
    DuocThanhToanTrucTuyen: paidOnline,
    DanhSachLePhi: snapshot.fees.map((fee) => ({ TenPhiLePhi: fee.description, Gia: fee.amountVnd })),
    MaKetQua: result ? result.id : null,
    DuongDanTepTinKetQua: result ? options.resultLink(snapshot.id, result.id) : null,
  };
}
