/**
 * Administrative units of the demo province: the new Tỉnh Đồng Tháp, formed on 01/7/2025 by merging
 * Tỉnh Tiền Giang (82) and Tỉnh Đồng Tháp (87) (NQ 202/2025/QH15), seat in Mỹ Tho. Since 01/7/2025 there
 * is no district level; the 102 communes and wards (20 phường, 82 xã) were formed by
 * NQ 1663/NQ-UBTVQH15 (16/6/2025). The demo keeps 20 of them.
 *
 * What is real and what is illustrative:
 * - Names of the former provinces, districts and communes, and the names of the 20 new communes: real.
 * - Which former communes formed which new one: taken from a public reproduction of the NQ 1663 list
 *   (secondary source [S]). The items for Tân Hồng and TP Hồng Ngự were checked against the text of
 *   NQ 27/NQ-HĐND (28/4/2025) of the Đồng Tháp HĐND quoted by thuvienphapluat.vn. The rest is unchecked.
 *   Phường Sa Đéc (8 predecessors) and Phường Cao Lãnh (9) are left out because the demo allows 1–4.
 * - Province codes (82 new, 82 and 87 former) and district codes (815–825, 866–877): GSO codes as we
 *   know them [S]. The new province really keeps code 82, the code of the former Tiền Giang.
 * - Commune codes, former and new: ILLUSTRATIVE 5-digit codes, not the GSO codes. The real post-2025
 *   codes (QĐ 19/2025/QĐ-TTg) were not obtained. Former communes use 28301+3k (Tiền Giang part) and
 *   29801+3k (Đồng Tháp part); new communes use 28901+3k and 30001+3k, so no code is reused here.
 */
import type { DemoProvince } from './types.ts';

/** The day the merger, the end of the district level and the new communes took effect. */
export const MERGER_DATE = '2025-07-01';

export const province: DemoProvince['province'] = {
  code: '82',
  name: 'Tỉnh Đồng Tháp',
  // H20 is the pre-merger level-1 agency code of Đồng Tháp (QĐ 20/2020/QĐ-TTg). The post-merger code
  // list was not obtained (vn-norms §1.4 [U]); H20 is kept as the illustrative level-1 code.
  level1AgencyCode: 'H20',
};

export const formerProvinces: DemoProvince['formerProvinces'] = [
  { code: '82', name: 'Tỉnh Tiền Giang' },
  { code: '87', name: 'Tỉnh Đồng Tháp' },
];

const district = (code: string, name: string, provinceCode: string) => ({ code, name, provinceCode });

export const formerDistricts: DemoProvince['formerDistricts'] = [
  district('815', 'Thành phố Mỹ Tho', '82'),
  district('816', 'Thành phố Gò Công', '82'),
  district('817', 'Thị xã Cai Lậy', '82'),
  district('818', 'Huyện Tân Phước', '82'),
  district('819', 'Huyện Cái Bè', '82'),
  district('820', 'Huyện Cai Lậy', '82'),
  district('821', 'Huyện Châu Thành', '82'),
  district('822', 'Huyện Chợ Gạo', '82'),
  district('823', 'Huyện Gò Công Tây', '82'),
  district('824', 'Huyện Gò Công Đông', '82'),
  district('825', 'Huyện Tân Phú Đông', '82'),
  district('866', 'Thành phố Cao Lãnh', '87'),
  district('867', 'Thành phố Sa Đéc', '87'),
  district('868', 'Thành phố Hồng Ngự', '87'),
  district('869', 'Huyện Tân Hồng', '87'),
  district('870', 'Huyện Hồng Ngự', '87'),
  district('871', 'Huyện Tam Nông', '87'),
  district('872', 'Huyện Tháp Mười', '87'),
  district('873', 'Huyện Cao Lãnh', '87'),
  district('874', 'Huyện Thanh Bình', '87'),
  district('875', 'Huyện Lấp Vò', '87'),
  district('876', 'Huyện Lai Vung', '87'),
  district('877', 'Huyện Châu Thành', '87'),
];

/**
 * The 20 new units with the former units that formed them: [new code, new name, [former code, former
 * name, former district code][]]. Order matters: the first one hosts the fixed demo account 'canboxa'.
 */
// prettier-ignore
const FORMATION: [string, string, [string, string, string][]][] = [
  // Tiền Giang part
  ['28901', 'Phường Mỹ Tho', [['28301', 'Phường 1', '815'], ['28304', 'Phường 2', '815'], ['28307', 'Phường Tân Long', '815']]],
  ['28904', 'Phường Đạo Thạnh', [['28310', 'Phường 4', '815'], ['28313', 'Phường 5', '815'], ['28316', 'Xã Đạo Thạnh', '815']]],
  ['28907', 'Phường Mỹ Phong', [['28319', 'Phường 9', '815'], ['28322', 'Xã Tân Mỹ Chánh', '815'], ['28325', 'Xã Mỹ Phong', '815']]],
  ['28910', 'Phường Thới Sơn', [['28328', 'Phường 6', '815'], ['28331', 'Xã Thới Sơn', '815']]],
  ['28913', 'Phường Trung An', [['28334', 'Phường 10', '815'], ['28337', 'Xã Phước Thạnh', '815'], ['28340', 'Xã Trung An', '815']]],
  ['28916', 'Phường Gò Công', [['28343', 'Phường 1', '816'], ['28346', 'Phường 5', '816'], ['28349', 'Phường Long Hòa', '816']]],
  ['28919', 'Phường Cai Lậy', [['28352', 'Phường 4', '817'], ['28355', 'Phường 5', '817'], ['28358', 'Xã Long Khánh', '817']]],
  ['28922', 'Xã Tân Phước 1', [['28361', 'Thị trấn Mỹ Phước', '818'], ['28364', 'Xã Thạnh Mỹ', '818'], ['28367', 'Xã Tân Hòa Đông', '818']]],
  ['28925', 'Xã Cái Bè', [['28370', 'Thị trấn Cái Bè', '819'], ['28373', 'Xã Đông Hòa Hiệp', '819'], ['28376', 'Xã Hòa Khánh', '819']]],
  ['28928', 'Xã Chợ Gạo', [['28379', 'Thị trấn Chợ Gạo', '822'], ['28382', 'Xã Long Bình Điền', '822'], ['28385', 'Xã Song Bình', '822']]],
  // Đồng Tháp part
  ['30001', 'Phường Mỹ Trà', [['29801', 'Phường Mỹ Phú', '866'], ['29804', 'Xã Mỹ Trà', '866'], ['29807', 'Xã Nhị Mỹ', '873'], ['29810', 'Xã An Bình', '873']]],
  ['30004', 'Phường Hồng Ngự', [['29813', 'Phường An Thạnh', '868'], ['29816', 'Xã Bình Thạnh', '868'], ['29819', 'Xã Tân Hội', '868']]],
  ['30007', 'Phường An Bình', [['29822', 'Phường An Lộc', '868'], ['29825', 'Phường An Bình A', '868'], ['29828', 'Phường An Bình B', '868']]],
  ['30010', 'Phường Thường Lạc', [['29831', 'Phường An Lạc', '868'], ['29834', 'Xã Thường Thới Hậu A', '870'], ['29837', 'Xã Thường Lạc', '870']]],
  ['30013', 'Xã Tân Hồng', [['29840', 'Thị trấn Sa Rài', '869'], ['29843', 'Xã Bình Phú', '869'], ['29846', 'Xã Tân Công Chí', '869']]],
  ['30016', 'Xã An Phước', [['29849', 'Xã An Phước', '869'], ['29852', 'Xã Tân Phước', '869']]],
  ['30019', 'Xã Thường Phước', [['29855', 'Thị trấn Thường Thới Tiền', '870'], ['29858', 'Xã Thường Phước 1', '870'], ['29861', 'Xã Thường Phước 2', '870']]],
  ['30022', 'Xã Tràm Chim', [['29864', 'Thị trấn Tràm Chim', '871'], ['29867', 'Xã Tân Công Sính', '871']]],
  ['30025', 'Xã Tháp Mười', [['29870', 'Thị trấn Mỹ An', '872'], ['29873', 'Xã Mỹ An', '872'], ['29876', 'Xã Mỹ Hòa', '872']]],
  ['30028', 'Xã Tân Dương', [['29879', 'Xã Tân Phú Đông', '867'], ['29882', 'Xã Hòa Thành', '876'], ['29885', 'Xã Tân Dương', '876']]],
];

export const formerCommunes: DemoProvince['formerCommunes'] = FORMATION.flatMap(([, , from]) =>
  from.map(([code, name, districtCode]) => ({ code, name, districtCode })),
);

export const communes: DemoProvince['communes'] = FORMATION.map(([code, name, from]) => ({
  code,
  name,
  formedFrom: from.map(([formerCode]) => formerCode),
}));

/** 'Phường Mỹ Tho' → 'phường Mỹ Tho' (the unit type is lower-case inside a longer name). */
export const inSentence = (communeName: string): string =>
  communeName.charAt(0).toLowerCase() + communeName.slice(1);

export const isWard = (communeName: string): boolean => communeName.startsWith('Phường ');
