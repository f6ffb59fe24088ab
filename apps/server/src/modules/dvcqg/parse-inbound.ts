import { LENIENT_DOSSIER_CODE_PATTERN, PROCEDURE_CODE_PATTERN } from '@tinhso/contracts';
import type { ExternalDossier } from '../dossiers/import-dossier.ts';
import { parsePortalTime } from './build-payload.ts';

/**
 * A dossier filed on Cổng DVCQG, as the portal sends it to the province (assumed shape, to confirm
 * with the VPCP specification):
 *
 * ```
 * { MaHoSo, MaTTHC, MaCoQuan (receiving agency), MaCoQuanGiaiQuyet? (competent agency),
 *   NgayNopHoSo: yyyyMMddHHmmss (UTC+7),
 *   ChuHoSo: { HoTen, SoDinhDanh?, DiaChi, SoDienThoai?, Email? },
 *   DuLieuBieuMau?: { …the e-form… }, HinhThucNhanKetQua?: 1 trực tiếp | 2 bưu chính | 3 trực tuyến }
 * ```
 *
 * Lenient on what is only contact detail (a malformed phone or e-mail is dropped), strict on what
 * the back office cannot work without: the answer names the first field that is missing or wrong.
 */
export type ParsedInbound =
  { ok: true; dossier: ExternalDossier } | { ok: false; field: string; reason: string };

const CODE = new RegExp(LENIENT_DOSSIER_CODE_PATTERN);
const PROCEDURE = new RegExp(PROCEDURE_CODE_PATTERN);
const AGENCY = /^[0-9A-Z.]{3,20}$/;
const PERSONAL_ID = /^[0-9]{12}$/;
const PHONE = /^0[0-9]{9}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const DELIVERY = { 1: 'counter', 2: 'post', 3: 'online' } as const;

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : null;
/** A string or number as text; anything else (an object, a list) as null. */
const scalar = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null;
const refuse = (field: string, reason: string): ParsedInbound => ({ ok: false, field, reason });

/** The MaHoSo of a document, for the record of a refused one; null when there is none. */
export function codeOf(document: unknown): string | null {
  return isObject(document) ? text(document.MaHoSo, 40) : null;
}

export function parseInbound(document: unknown): ParsedInbound {
  if (!isObject(document)) return refuse('', 'not an object');
  const code = text(document.MaHoSo, 40);
  if (!code || !CODE.test(code)) return refuse('MaHoSo', 'missing or not a dossier code');
  const procedureCode = text(document.MaTTHC, 40);
  if (!procedureCode || !PROCEDURE.test(procedureCode))
    return refuse('MaTTHC', 'missing or not a procedure code');
  const receivingAgencyCode = text(document.MaCoQuan, 20);
  if (!receivingAgencyCode || !AGENCY.test(receivingAgencyCode))
    return refuse('MaCoQuan', 'missing or not an agency code');
  const competent = scalar(document.MaCoQuanGiaiQuyet);
  if (
    document.MaCoQuanGiaiQuyet !== undefined &&
    document.MaCoQuanGiaiQuyet !== null &&
    (competent === null || !AGENCY.test(competent))
  )
    return refuse('MaCoQuanGiaiQuyet', 'not an agency code');
  const submittedAt = typeof document.NgayNopHoSo === 'string' ? parsePortalTime(document.NgayNopHoSo) : null;
  if (!submittedAt) return refuse('NgayNopHoSo', 'missing or not yyyyMMddHHmmss');
  const owner = document.ChuHoSo;
  if (!isObject(owner)) return refuse('ChuHoSo', 'missing');
  const fullName = text(owner.HoTen, 200);
  if (!fullName) return refuse('ChuHoSo.HoTen', 'missing');
  const address = text(owner.DiaChi, 500);
  if (!address) return refuse('ChuHoSo.DiaChi', 'missing');
  const personalId =
    owner.SoDinhDanh === undefined || owner.SoDinhDanh === null ? null : (scalar(owner.SoDinhDanh) ?? '');
  if (personalId !== null && !PERSONAL_ID.test(personalId))
    return refuse('ChuHoSo.SoDinhDanh', 'not 12 digits');
  const formData = document.DuLieuBieuMau ?? {};
  if (!isObject(formData)) return refuse('DuLieuBieuMau', 'not an object');
  const delivery = document.HinhThucNhanKetQua ?? 3;
  const deliveryMethod = DELIVERY[delivery as keyof typeof DELIVERY];
  if (!deliveryMethod) return refuse('HinhThucNhanKetQua', 'not 1, 2 or 3');
  const phone =
    typeof owner.SoDienThoai === 'string' && PHONE.test(owner.SoDienThoai) ? owner.SoDienThoai : null;
  const email = typeof owner.Email === 'string' && EMAIL.test(owner.Email) ? owner.Email : null;
  return {
    ok: true,
    dossier: {
      code,
      procedureCode,
      receivingAgencyCode,
      competentAgencyCode: competent,
      applicant: { fullName, personalId, address, phone, email },
      formData,
      submittedAt,
      deliveryMethod,
    },
  };
}
