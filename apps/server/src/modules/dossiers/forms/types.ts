/**
 * Plain data for the one-stop forms (TT 03/2025/TT-VPCP, Phụ lục I). The dossier module builds these
 * from its rows; nothing here knows a database. Instants are ISO 8601 strings with an offset ('Z' or
 * '+07:00'); they are printed in Vietnam's time (UTC+7) whatever the server's time zone.
 */
import type { COMPONENT_KINDS, Channel, DeliveryMethod } from '@tinhso/contracts';

/** An instant with its offset, e.g. '2026-11-26T08:30:00Z' or '2026-11-26T15:30:00+07:00'. */
export type IsoDateTime = string;
/** A calendar day, 'YYYY-MM-DD', read as a day in Vietnam. */
export type IsoDay = string;

export interface Agency {
  name: string;
  /** The governing agency printed above the name (e.g. 'UBND TỈNH ...'); null prints nothing. */
  parentName: string | null;
}

export interface Applicant {
  fullName: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

/** What every form prints at its top. */
export interface FormHeader {
  agency: Agency;
  /** The place of the date line: '<place>, ngày … tháng … năm …'. */
  place: string;
  /** When the form is issued; its date line and the PDF's creation date. */
  issuedAt: IsoDateTime;
  /** The document number ('Số: …') when the agency numbers the form; null leaves dots to fill in. */
  documentNumber: string | null;
}

export interface DossierReference {
  /** Mã hồ sơ, printed and encoded in the QR code's lookup URL. */
  code: string;
  /** The public lookup URL the QR code encodes. */
  lookupUrl: string;
  /** Tên thủ tục hành chính (nội dung yêu cầu giải quyết). */
  procedureName: string;
}

/**
 * How a paper is handed in (the procedure's component kind): bản chính, bản sao có chứng thực,
 * bản sao, bản chính để xuất trình.
 */
export type ComponentForm = (typeof COMPONENT_KINDS)[number];

export interface DossierComponentRow {
  name: string;
  form: ComponentForm;
  count: number;
}

/** Kênh tiếp nhận (the dossier's channel): trực tiếp, trực tuyến, qua bưu chính. */
export type ReceivingChannel = Channel;
/** Nơi nhận kết quả (the dossier's delivery method): Bộ phận Một cửa, bưu chính, trực tuyến. */
export type ResultDelivery = DeliveryMethod;

export interface Person {
  fullName: string;
}

/** Who signs for the agency: 'KT. CHỦ TỊCH' above 'PHÓ CHỦ TỊCH', then the name. */
export interface AgencySigner {
  /** The authority line (TM., KT., TL., TUQ.), or null when the head signs in person. */
  authority: string | null;
  position: string;
  fullName: string;
}

interface DossierForm {
  header: FormHeader;
  dossier: DossierReference;
  applicant: Applicant;
}

/** Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export interface ReceiptFormData extends DossierForm {
  channel: ReceivingChannel;
  components: DossierComponentRow[];
  /** Số lượng hồ sơ (bộ). */
  setCount: number;
  /** Thời gian giải quyết theo quy định, as the procedure states it: '10 ngày làm việc'. */
  legalProcessingTime: string;
  receivedAt: IsoDateTime;
  dueAt: IsoDateTime;
  resultDelivery: ResultDelivery;
  /** Sổ theo dõi hồ sơ: quyển số, số thứ tự; null leaves dots to fill in. */
  registerEntry: { bookNumber: string; sequence: string } | null;
  receiver: Person;
}

export interface SupplementItem {
  name: string;
  /** The form required (bản chính, bản sao có chứng thực…) or any other requirement, free text. */
  requirement: string;
  reason: string;
}

/** Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementRequestFormData extends DossierForm {
  receivedAt: IsoDateTime;
  items: SupplementItem[];
  /** The officer giving guidance, who signs. */
  officer: Person & { position: string | null; phone: string | null };
}

/** Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export interface RefusalFormData extends DossierForm {
  receivedAt: IsoDateTime;
  reasons: string[];
  officer: Person;
}

/** Mẫu số 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết. */
export interface ApologyLetterData extends DossierForm {
  receivedAt: IsoDateTime;
  originalDueAt: IsoDateTime;
  newDueAt: IsoDateTime;
  delayReason: string;
  signer: AgencySigner;
}

export type StopReason =
  | { kind: 'applicant_withdrawal'; requestedAt: IsoDateTime | null }
  | { kind: 'legal_reason'; detail: string };

/** Mẫu số 05: Thông báo dừng giải quyết hồ sơ. */
export interface StopNoticeData extends DossierForm {
  receivedAt: IsoDateTime;
  stoppedAt: IsoDateTime;
  reason: StopReason;
  signer: AgencySigner;
}

/** Kết quả giải quyết at a hand-over: trước hạn, đúng hạn, quá hạn; null when not yet judged. */
export type StepOutcome = 'early' | 'on_time' | 'late';

export interface Handover {
  from: { unit: string; person: string };
  to: { unit: string; person: string };
  at: IsoDateTime;
  outcome: StepOutcome | null;
  note: string | null;
}

/** Mẫu số 06: Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export interface ControlSheetData extends DossierForm {
  receivedAt: IsoDateTime;
  dueAt: IsoDateTime;
  handovers: Handover[];
}

export type RegisterStatus = StepOutcome | 'in_progress';

export interface RegisterRow {
  code: string;
  procedureName: string;
  applicantName: string;
  receivedAt: IsoDateTime;
  dueAt: IsoDateTime;
  resultAt: IsoDateTime | null;
  returnedAt: IsoDateTime | null;
  status: RegisterStatus;
  note: string | null;
}

/** Mẫu số 07: Sổ theo dõi hồ sơ, for a period. */
export interface RegisterData {
  header: FormHeader;
  period: { from: IsoDay; to: IsoDay };
  bookNumber: string | null;
  rows: RegisterRow[];
}
