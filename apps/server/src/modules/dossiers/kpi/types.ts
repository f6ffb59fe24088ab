import type { DeadlineUnit } from '@tinhso/contracts';

/**
 * What the KPI rules need to know about dossiers, procedures and agencies. Plain records: the dossier
 * module loads them from its tables and passes them in; nothing here reads a database. Instants are
 * `Date`s (UTC inside, Vietnam's days where a day matters). An optional field the module cannot fill
 * is left out: a TT 01/2018 index without data is then excluded, and a QĐ 766 flag counts as "no".
 */

/** KenhThucHien: 1 trực tiếp (counter), 2 trực tuyến (online), 3 bưu chính công ích (post). */
export type Channel = 1 | 2 | 3;

/** A supplement request (yêu cầu bổ sung): the dossier waits from the request to the completion. */
export interface SupplementRequest {
  requestedAt: Date;
  /** Null while the citizen has not completed the dossier. */
  completedAt: Date | null;
}

/** Points 0, 1 or 2 of a TT 01/2018 index. */
export type IndexPoints = 0 | 1 | 2;

/** A TT 01/2018 index number, 1 to 9. */
export type IndexNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** The indices a citizen scores on the form, the device or online (TT 01/2018 Art 14). */
export type CitizenIndexNumber = 1 | 3 | 4 | 7;

/** A citizen's evaluation of one dossier (R-KPI-3). */
export interface Rating {
  /** The points the citizen gave; they win over what the data would say. */
  points?: Partial<Record<CitizenIndexNumber, IndexPoints>>;
  /** Hài lòng / không hài lòng (QĐ 766 5.4 counts a dislike). */
  sentiment?: 'like' | 'dislike';
}

/** One hand-over of the dossier to a unit (a row of the phiếu kiểm soát quá trình). */
export interface ProcessingStep {
  unitId: string;
  /** The official who handled the step, when known. */
  officialId?: string;
  /** When the unit's allotted time runs out. */
  dueAt: Date;
  /** Null while the unit still holds the dossier. */
  finishedAt: Date | null;
  /** The hand-over's timeliness when the module already judged it (dossier_event.timeliness); wins over the dates. */
  timeliness?: 'early' | 'on_time' | 'late';
}

/** What was said about a dossier through PAKN (phản ánh, kiến nghị), not counting what was proven false. */
export interface DossierPakn {
  /** At least one PAKN about the dossier. */
  hasAny: boolean;
  /** At least one about staff conduct (nhũng nhiễu, gây phiền hà): TT 01/2018 index 7 scores 0. */
  hasAboutStaffConduct: boolean;
}

/**
 * One dossier as it stands. `supplements` may include requests made at the desk before receipt; they
 * are ignored by the on-time rule but count as contacts for TT 01/2018 index 3.
 */
export interface DossierFacts {
  /** MaHoSo. */
  code: string;
  /** MaTTHC, the national procedure code. */
  procedureCode: string;
  /** The agency where it was received (phi địa giới: may differ from the competent one). */
  receivingAgencyId: string;
  /** The agency that decides. */
  competentAgencyId: string;
  channel: Channel;
  /** NgayTiepNhan. A dossier that was never received is not a DossierFacts. */
  receivedAt: Date;
  /**
   * NgayHenTra as given on the receipt slip: the instant on-time is measured against (QĐ 766 2.1).
   * Not moved by a supplement (2.1 subtracts the waiting time instead) nor by an apology letter.
   * Missing: the legal deadline below is used.
   */
  dueAt?: Date | null;
  /**
   * The new date promised in an apology letter (Mẫu 04, NĐ 61 Art 19.9). Shown, never used for
   * on-time: an apology does not make a late dossier on time.
   */
  rescheduledDueAt?: Date | null;
  /** ThoiGianGiaiQuyet + DonViTinh of the procedure version the dossier is pinned to. */
  legalDeadline: { amount: number; unit: DeadlineUnit };
  /** Đã xử lý xong (TrangThaiHoSo 9). */
  resolvedAt?: Date | null;
  /** Đã trả kết quả (10). */
  returnedAt?: Date | null;
  /** Dừng xử lý (8). */
  stoppedAt?: Date | null;
  /** Từ chối giải quyết after receipt. */
  refusedAt?: Date | null;
  /** Công dân rút hồ sơ (7). */
  withdrawnAt?: Date | null;
  supplements: SupplementRequest[];
  /** The procedure charges fees or charges (has a fee list in CSDL TTHC). */
  hasFees?: boolean;
  /** Every fee of this dossier was 0 (exempt): then it is left out of QĐ 766 3.6. */
  areFeesAllZero?: boolean;
  /** DuocThanhToanTrucTuyen: 1 on Cổng DVCQG, 2 on the province's gateway, null not online. */
  paidOnline?: 1 | 2 | null;
  /** Every component was attached as a file (digitised at receipt or submitted online). */
  hasAllComponentFiles?: boolean;
  /** At least one component reused from digitised data (DuocSoHoa=1 / HoSoCoThanhPhanSoHoa=1). */
  hasReusedComponent?: boolean;
  /** At least one component taken from the citizen's store on Cổng DVCQG (DuocLayTuKhoDMQG=1). */
  hasComponentFromCitizenStore?: boolean;
  /** The result file was attached and synced (MaKetQua + DuongDanTepTinKetQua). */
  hasResultFile?: boolean;
  /** The result is an electronic document (not only a scan of paper). */
  isResultElectronic?: boolean;
  /** The result was pushed to the citizen's store (kho dữ liệu) on Cổng DVCQG. */
  isResultInCitizenStore?: boolean;
  /** TaiKhoanDuocXacThucVoiVNeID=1, or data taken from the population database. */
  usesPopulationData?: boolean;
  rating?: Rating;
  pakn?: DossierPakn;
  steps?: ProcessingStep[];
  /**
   * Times the applicant had to come back to complete the dossier, not counting those caused by the
   * applicant (TT 01/2018 index 3). Missing: the number of supplement requests is used.
   */
  extraContacts?: number;
  /** Bodies the applicant had to contact (index 4): 0, the Bộ phận Một cửa = 1, … Missing: excluded. */
  bodiesContacted?: number;
}

/** What the KPI rules need of a procedure (from the catalogue and CSDL quốc gia về TTHC). */
export interface ProcedureFacts {
  code: string;
  /** The online service offered, null when none (QĐ 766 3.1). */
  onlineLevel: 'toan_trinh' | 'mot_phan' | null;
  /** Flagged "đủ điều kiện toàn trình" in CSDL TTHC (NĐ 224 Art 19 toàn trình rate). */
  isEligibleForToanTrinh?: boolean;
  /** Charges fees in CSDL TTHC (3.5). */
  hasFees?: boolean;
  /** The fee data is synced (≠ 0) so the fees can be paid online (3.5). */
  isOnlinePaymentIntegrated?: boolean;
  /** The result is a paper document (4.1, and 3.3 then wants an electronic result too). */
  returnsPaperResult?: boolean;
  /** The applicants are citizens, not organisations (4.5). */
  isForCitizens?: boolean;
  /** TT 01/2018 index 6. Missing: the index is excluded for the procedure's dossiers. */
  publication?: { isPostedAtOffice: boolean; isPublishedOnline: boolean; isAccurateAndTimely: boolean };
}

/** A half-open interval of instants [from, to). */
export interface Period {
  from: Date;
  to: Date;
}

/**
 * Working days from the day of `from` to the day of `to` in Vietnam's time, the day of `from` being
 * day 0 as in the calendar module (received Monday, resolved Wednesday of the same week: 2). The
 * calendar module supplies it; nothing here knows the holidays.
 */
export type WorkingDaysBetween = (from: Date, to: Date) => number;

/** How elapsed time is measured in each deadline unit. */
export interface Elapsed {
  workingDaysBetween: WorkingDaysBetween;
  /** Working hours between two instants; missing: clock hours are used. */
  workingHoursBetween?: (from: Date, to: Date) => number;
}
