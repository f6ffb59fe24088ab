/**
 * Shape of the demo data of one province. Pure data: the seeder (not in this folder) turns it into
 * admin_unit, admin_unit_succession, agency, org_unit, position, official, appointment and account rows.
 *
 * Codes of administrative units are only unique together with their effective date, exactly as in the
 * admin_unit table (unique (code, effective_from)): the new province keeps code '82', which was the code
 * of the former Tỉnh Tiền Giang. Resolve `formerDistricts[].provinceCode` against `formerProvinces`,
 * never against `province`.
 */
export interface DemoProvince {
  /** The province as it exists from 2025-07-01 (NQ 202/2025/QH15). */
  province: { code: string; name: string; level1AgencyCode: string };
  /** Provinces merged into it on 2025-07-01 (history), may be empty. */
  formerProvinces: { code: string; name: string }[];
  /** District level, abolished 2025-07-01 (history). provinceCode refers to formerProvinces[].code. */
  formerDistricts: { code: string; name: string; provinceCode: string }[];
  /** Pre-2025 communes, wards and towns (history). districtCode refers to formerDistricts[].code. */
  formerCommunes: { code: string; name: string; districtCode: string }[];
  /** Post-2025 communes and wards, each formed on 2025-07-01 from 1–4 formerCommunes codes. */
  communes: { code: string; name: string; formedFrom: string[] }[];
  agencies: DemoAgency[];
  officials: DemoOfficial[];
  citizens: DemoCitizen[];
}

export interface DemoAgency {
  /** Electronic agency code V1V2V3.Z1Z2.Y1Y2.MX1X2 (13 characters), e.g. '000.00.14.H20'. */
  code: string;
  name: string;
  shortName: string;
  kind: 'ubnd_tinh' | 'so' | 'ubnd_xa' | 'trung_tam_phvhcc' | 'khac';
  level: 'province' | 'commune';
  /** Agency code of the parent: UBND tỉnh for a sở and for a UBND xã. */
  parentCode: string | null;
  /** For a UBND xã: the communes[].code it governs; for province agencies: null. */
  communeCode: string | null;
  /** Internal units (phòng, văn phòng, bộ phận), 2–6, unique within the agency. */
  units: string[];
}

export interface DemoAppointment {
  agencyCode: string;
  /** One of the agency's units, or null for a post of the whole agency (Giám đốc, Chủ tịch …). */
  unit: string | null;
  positionType: PositionTypeCode;
  /**
   * Title of the position, the same for everyone who holds it. An acting holder (kind 'acting') keeps
   * the plain title ('Trưởng phòng …'); the UI prefixes 'Quyền' / 'Q.'. A concurrent post (kiêm nhiệm)
   * likewise keeps the plain title.
   */
  title: string;
  kind: 'primary' | 'concurrent' | 'acting';
  /** YYYY-MM-DD */
  startsOn: string;
}

export interface DemoOfficial {
  fullName: string;
  /** a-z 0-9 . _ - , 3–60 characters, unique. */
  username: string;
  /** Unique, @dongthap.gov.vn. */
  email: string;
  /** 10 digits starting with 0, unique across officials and citizens. */
  phone: string;
  appointments: DemoAppointment[];
}

export interface DemoCitizen {
  /** 12 digits: birth-province code (3), gender/century (1), birth year (2), serial (6). Unique. */
  personalId: string;
  fullName: string;
  /** 10 digits starting with 0, unique across officials and citizens. */
  phone: string;
  email: string | null;
}

export type PositionTypeCode =
  | 'chu_tich'
  | 'pho_chu_tich'
  | 'giam_doc'
  | 'pho_giam_doc'
  | 'chanh_van_phong'
  | 'truong_phong'
  | 'pho_truong_phong'
  | 'chuyen_vien'
  | 'van_thu'
  | 'can_bo_mot_cua'
  | 'quan_tri_he_thong'
  | 'thanh_tra';

/** One commune-level merger, shown in the README and the admin-unit history screen. */
export interface DemoMerger {
  effectiveDate: string;
  successor: { code: string; name: string };
  predecessors: { code: string; name: string; districtCode: string }[];
}
