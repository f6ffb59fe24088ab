/**
 * Agencies of the demo province with their electronic agency codes (mã định danh, QĐ 20/2020/QĐ-TTg as
 * amended by QĐ 09/2025/QĐ-TTg): V1V2V3.Z1Z2.Y1Y2.MX1X2.
 *
 * ILLUSTRATIVE codes. The post-merger code list of the 34 provinces was not obtained (vn-norms §1.4 [U]).
 * We keep Đồng Tháp's pre-merger level-1 code H20 and allocate plausible digits:
 * - level 1 (UBND tỉnh):                000.00.00.H20
 * - level 2 (under UBND tỉnh): Y1Y2     sở and equivalents 01–12, UBND xã/phường 31–50
 * - level 3 (under a level-2): Z1Z2     Trung tâm Phục vụ hành chính công tỉnh = 000.01.01.H20 (under VP UBND)
 * Before 2025 UBND huyện were level 2 and UBND xã level 3. With 102 communes directly under the province,
 * two digits of Y1Y2 cannot hold every sở and every commune; how provinces allocate codes now is [U].
 *
 * The set of sở follows the 2025 reorganisation: Sở TT&TT merged into Sở KH&CN (which now runs the
 * provincial IT and digital transformation), Sở KH&ĐT into Sở Tài chính, Sở LĐ-TB&XH into Sở Nội vụ,
 * Sở GTVT into Sở Xây dựng, Sở NN&PTNT and Sở TN&MT into Sở Nông nghiệp và Môi trường. The list is not
 * exhaustive (no Sở Ngoại vụ, Sở Dân tộc và Tôn giáo …). Unit names are realistic, not official.
 */
import { communes, inSentence, isWard, province } from './geography.ts';
import type { DemoAgency } from './types.ts';

const H = province.level1AgencyCode;
const code = (z: number, y: number): string =>
  `000.${String(z).padStart(2, '0')}.${String(y).padStart(2, '0')}.${H}`;

/** Codes the officials and the tests refer to. */
export const AGENCY = {
  ubndTinh: code(0, 0),
  vpUbnd: code(0, 1),
  noiVu: code(0, 2),
  taiChinh: code(0, 3),
  khcn: code(0, 4),
  tuPhap: code(0, 5),
  xayDung: code(0, 6),
  nnmt: code(0, 7),
  yTe: code(0, 8),
  gddt: code(0, 9),
  congThuong: code(0, 10),
  vhttdl: code(0, 11),
  thanhTra: code(0, 12),
  ttPvhcc: code(1, 1),
} as const;

/** Code of the UBND of the i-th commune (0-based, in communes[] order). */
export const communeAgencyCode = (index: number): string => code(0, 31 + index);

const PROVINCE_NAME = province.name.replace(/^Tỉnh /, 'tỉnh '); // 'tỉnh Đồng Tháp'

interface ProvinceAgencySpec {
  code: string;
  shortName: string;
  kind: DemoAgency['kind'];
  parentCode: string | null;
  units: string[];
}

const SO_OFFICE = 'Văn phòng Sở';

const PROVINCE_AGENCIES: ProvinceAgencySpec[] = [
  {
    code: AGENCY.ubndTinh,
    shortName: 'Ủy ban nhân dân tỉnh',
    kind: 'ubnd_tinh',
    parentCode: null,
    units: ['Thường trực Ủy ban nhân dân tỉnh', 'Tổ Thư ký - Giúp việc lãnh đạo tỉnh'],
  },
  {
    code: AGENCY.vpUbnd,
    shortName: 'Văn phòng UBND tỉnh',
    kind: 'khac',
    parentCode: AGENCY.ubndTinh,
    units: [
      'Phòng Hành chính - Tổ chức',
      'Phòng Tổng hợp',
      'Phòng Kinh tế',
      'Phòng Văn hóa - Xã hội',
      'Phòng Kiểm soát thủ tục hành chính',
      'Ban Tiếp công dân tỉnh',
    ],
  },
  {
    code: AGENCY.noiVu,
    shortName: 'Sở Nội vụ',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      SO_OFFICE,
      'Phòng Tổ chức, biên chế và tổ chức phi chính phủ',
      'Phòng Công chức, viên chức',
      'Phòng Xây dựng chính quyền và công tác thanh niên',
      'Phòng Lao động, việc làm và bảo hiểm xã hội',
      'Phòng Cải cách hành chính và Văn thư - Lưu trữ',
    ],
  },
  {
    code: AGENCY.taiChinh,
    shortName: 'Sở Tài chính',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      SO_OFFICE,
      'Phòng Quản lý ngân sách',
      'Phòng Tài chính đầu tư',
      'Phòng Quản lý giá và công sản',
      'Phòng Doanh nghiệp, kinh tế tập thể và tư nhân',
      'Phòng Tổng hợp, quy hoạch',
    ],
  },
  {
    code: AGENCY.khcn,
    shortName: 'Sở Khoa học và Công nghệ',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      SO_OFFICE,
      'Phòng Chuyển đổi số và Công nghệ thông tin',
      'Phòng Quản lý khoa học và công nghệ',
      'Phòng Bưu chính, Viễn thông',
      'Trung tâm Chuyển đổi số',
    ],
  },
  {
    code: AGENCY.tuPhap,
    shortName: 'Sở Tư pháp',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      SO_OFFICE,
      'Phòng Hành chính tư pháp',
      'Phòng Bổ trợ tư pháp',
      'Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật',
      'Phòng Phổ biến, giáo dục pháp luật',
    ],
  },
  {
    code: AGENCY.xayDung,
    shortName: 'Sở Xây dựng',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      SO_OFFICE,
      'Phòng Quy hoạch - Kiến trúc',
      'Phòng Quản lý xây dựng',
      'Phòng Quản lý giao thông',
      'Phòng Phát triển đô thị và Nhà ở',
    ],
  },
  {
    code: AGENCY.nnmt,
    shortName: 'Sở Nông nghiệp và Môi trường',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      SO_OFFICE,
      'Phòng Quản lý đất đai',
      'Phòng Trồng trọt, chăn nuôi và thủy sản',
      'Phòng Môi trường',
      'Phòng Tài nguyên nước, khoáng sản và biến đổi khí hậu',
      'Phòng Kinh tế hợp tác và phát triển nông thôn',
    ],
  },
  {
    code: AGENCY.yTe,
    shortName: 'Sở Y tế',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      SO_OFFICE,
      'Phòng Nghiệp vụ Y',
      'Phòng Nghiệp vụ Dược',
      'Phòng Kế hoạch - Tài chính',
      'Phòng Bảo trợ xã hội và Trẻ em',
    ],
  },
  {
    code: AGENCY.gddt,
    shortName: 'Sở Giáo dục và Đào tạo',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      SO_OFFICE,
      'Phòng Giáo dục Mầm non và Tiểu học',
      'Phòng Giáo dục Trung học',
      'Phòng Giáo dục nghề nghiệp và Giáo dục thường xuyên',
      'Phòng Khảo thí và Quản lý chất lượng',
      'Phòng Tổ chức cán bộ',
    ],
  },
  {
    code: AGENCY.congThuong,
    shortName: 'Sở Công Thương',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      SO_OFFICE,
      'Phòng Quản lý công nghiệp',
      'Phòng Quản lý thương mại',
      'Phòng Quản lý năng lượng',
      'Phòng Kỹ thuật an toàn - Môi trường',
    ],
  },
  {
    code: AGENCY.vhttdl,
    shortName: 'Sở Văn hóa, Thể thao và Du lịch',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      SO_OFFICE,
      'Phòng Quản lý văn hóa và Gia đình',
      'Phòng Quản lý thể dục thể thao',
      'Phòng Quản lý du lịch',
      'Phòng Báo chí, Xuất bản',
    ],
  },
  {
    // A cơ quan chuyên môn of UBND tỉnh on a par with a sở, hence kind 'so'.
    code: AGENCY.thanhTra,
    shortName: 'Thanh tra tỉnh',
    kind: 'so',
    parentCode: AGENCY.ubndTinh,
    units: [
      'Văn phòng Thanh tra tỉnh',
      'Phòng Tiếp công dân và xử lý đơn',
      'Phòng Thanh tra kinh tế - xã hội',
      'Phòng Phòng, chống tham nhũng',
      'Phòng Giám sát, kiểm tra và xử lý sau thanh tra',
    ],
  },
  {
    // The provincial centre belongs to the Văn phòng UBND tỉnh (NĐ 61/2018, kept by NĐ 118/2025 [U]).
    code: AGENCY.ttPvhcc,
    shortName: 'Trung tâm Phục vụ hành chính công tỉnh',
    kind: 'trung_tam_phvhcc',
    parentCode: AGENCY.vpUbnd,
    units: [
      'Bộ phận Tiếp nhận và Trả kết quả',
      'Bộ phận Hướng dẫn và Hỗ trợ trực tuyến',
      'Bộ phận Giám sát, đánh giá',
      'Bộ phận Hành chính - Tổng hợp',
    ],
  },
];

/** Full name: 'Sở Tư pháp tỉnh Đồng Tháp', 'Văn phòng Ủy ban nhân dân tỉnh Đồng Tháp' … */
const fullName = (shortName: string): string =>
  `${shortName.replace(/ tỉnh$/, '').replace('UBND', 'Ủy ban nhân dân')} ${PROVINCE_NAME}`;

/** Name of the commune-level one-stop centre inside a UBND xã/phường. */
export const communeCentreUnit = (communeName: string): string =>
  `Trung tâm Phục vụ hành chính công ${isWard(communeName) ? 'phường' : 'xã'}`;

/** Units of a UBND xã/phường after 01/7/2025 (phòng chuyên môn at commune level, NĐ 150/2025/NĐ-CP [U]). */
export const communeUnits = (communeName: string): string[] => [
  'Văn phòng HĐND và UBND',
  isWard(communeName) ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế',
  'Phòng Văn hóa - Xã hội',
  communeCentreUnit(communeName),
];

export const agencies: DemoAgency[] = [
  ...PROVINCE_AGENCIES.map((spec): DemoAgency => ({
    code: spec.code,
    name: fullName(spec.shortName),
    shortName: spec.shortName,
    kind: spec.kind,
    level: 'province',
    parentCode: spec.parentCode,
    communeCode: null,
    units: spec.units,
  })),
  ...communes.map((commune, index): DemoAgency => ({
    code: communeAgencyCode(index),
    name: `Ủy ban nhân dân ${inSentence(commune.name)}`,
    shortName: `UBND ${inSentence(commune.name)}`,
    kind: 'ubnd_xa',
    level: 'commune',
    parentCode: AGENCY.ubndTinh,
    communeCode: commune.code,
    units: communeUnits(commune.name),
  })),
];

/** Sở created by the 2025 mergers of sở (effective 01/3/2025); nobody can hold a post there earlier. */
export const MERGED_SO_SINCE: Readonly<Record<string, string>> = {
  [AGENCY.noiVu]: '2025-03-01',
  [AGENCY.taiChinh]: '2025-03-01',
  [AGENCY.khcn]: '2025-03-01',
  [AGENCY.xayDung]: '2025-03-01',
  [AGENCY.nnmt]: '2025-03-01',
};
