/**
 * Officials of the demo province and their appointments. The fixed demo accounts come first, with
 * fixed usernames used by the tests and the README; everybody else is generated from a fixed seed.
 *
 * Staffing (about 106 people):
 * - UBND tỉnh: Chủ tịch ('lanhdao'), 3 Phó Chủ tịch; all from 2025-07-01, the day the new province began.
 * - Văn phòng UBND tỉnh: Chánh Văn phòng, Phó Chánh Văn phòng (kiêm Giám đốc Trung tâm Phục vụ hành chính
 *   công tỉnh), Văn thư ('vanthutinh'). Trung tâm: 'motcua' and one more one-stop officer.
 * - Thanh tra tỉnh: Chánh Thanh tra, Phó Chánh Thanh tra (kiêm Trưởng phòng), 'thanhtra'.
 * - Each sở: Giám đốc, Phó Giám đốc, Chánh Văn phòng, Chuyên viên, Văn thư. Its Trưởng phòng post is held
 *   either by the Phó Giám đốc (kiêm nhiệm, 'concurrent') or by the Chuyên viên of that phòng (quyền,
 *   'acting'). Sở Tư pháp holds 'giamdoc', 'chuyenvien' and 'vanthu'; Sở KH&CN holds 'quantri'.
 * - Each UBND xã/phường: Chủ tịch and a one-stop officer; the first one ('canboxa' works there) also has a
 *   Phó Chủ tịch kiêm Giám đốc of its Trung tâm Phục vụ hành chính công, a Văn thư and a Chuyên viên.
 *
 * Dates: province posts between 2020-01-01 and 2025-07-01 (not before 2025-03-01 in the sở created by the
 * 2025 mergers); commune posts from 2025-07-01, when the communes were formed.
 */
import {
  AGENCY,
  MERGED_SO_SINCE,
  agencies,
  communeAgencyCode,
  communeCentreUnit,
  communeUnits,
} from './agencies.ts';
import { MERGER_DATE, communes, inSentence, province } from './geography.ts';
import { dateBetween, fold, mulberry32, nameSource, phoneSource } from './names.ts';
import type { DemoAppointment, DemoOfficial, PositionTypeCode } from './types.ts';

const SEED = 20250701;
const EARLIEST = '2020-01-01';
export const EMAIL_DOMAIN = `${fold(province.name.replace(/^Tỉnh /, '')).replace(/ /g, '')}.gov.vn`;

const appointment = (
  agencyCode: string,
  unit: string | null,
  positionType: PositionTypeCode,
  title: string,
  startsOn: string,
  kind: DemoAppointment['kind'] = 'primary',
): DemoAppointment => ({ agencyCode, unit, positionType, title, kind, startsOn });

const agencyByCode = new Map(agencies.map((agency) => [agency.code, agency]));
const agency = (code: string) => {
  const found = agencyByCode.get(code);
  if (!found) throw new Error(`unknown agency ${code}`);
  return found;
};
const unitAt = (code: string, index: number): string => {
  const unit = agency(code).units[index];
  if (unit === undefined) throw new Error(`agency ${code} has no unit #${index}`);
  return unit;
};
/** 'Phòng Hành chính tư pháp' → 'Trưởng phòng Hành chính tư pháp'. */
const headOf = (unit: string): string => `Trưởng ${unit.charAt(0).toLowerCase()}${unit.slice(1)}`;

const firstCommune = communes[0];
if (!firstCommune) throw new Error('the demo needs at least one commune');

const ONE_STOP_TITLE = 'Công chức tiếp nhận và trả kết quả';
const CLERK_TITLE = 'Văn thư cơ quan';

/** The fixed demo accounts, in this order, first in the list. */
const FIXED: Omit<DemoOfficial, 'email' | 'phone'>[] = [
  {
    fullName: 'Trần Minh Khoa',
    username: 'quantri',
    appointments: [
      appointment(
        AGENCY.khcn,
        'Trung tâm Chuyển đổi số',
        'quan_tri_he_thong',
        'Quản trị hệ thống',
        '2025-03-01',
      ),
    ],
  },
  {
    fullName: 'Võ Thành Đạt',
    username: 'lanhdao',
    appointments: [
      appointment(AGENCY.ubndTinh, null, 'chu_tich', 'Chủ tịch Ủy ban nhân dân tỉnh', MERGER_DATE),
    ],
  },
  {
    fullName: 'Huỳnh Thị Ngọc Hân',
    username: 'giamdoc',
    appointments: [appointment(AGENCY.tuPhap, null, 'giam_doc', 'Giám đốc Sở Tư pháp', '2023-03-15')],
  },
  {
    fullName: 'Nguyễn Hoàng Phúc',
    username: 'chuyenvien',
    appointments: [
      appointment(
        AGENCY.tuPhap,
        'Phòng Hành chính tư pháp',
        'chuyen_vien',
        'Chuyên viên Phòng Hành chính tư pháp',
        '2021-08-02',
      ),
    ],
  },
  {
    fullName: 'Lê Thị Thu Hà',
    username: 'vanthu',
    appointments: [appointment(AGENCY.tuPhap, 'Văn phòng Sở', 'van_thu', CLERK_TITLE, '2020-10-01')],
  },
  {
    fullName: 'Đặng Thị Kim Ngân',
    username: 'motcua',
    appointments: [
      appointment(
        AGENCY.ttPvhcc,
        'Bộ phận Tiếp nhận và Trả kết quả',
        'can_bo_mot_cua',
        ONE_STOP_TITLE,
        '2022-04-01',
      ),
    ],
  },
  {
    fullName: 'Phan Văn Tài',
    username: 'canboxa',
    appointments: [
      appointment(
        communeAgencyCode(0),
        communeCentreUnit(firstCommune.name),
        'can_bo_mot_cua',
        ONE_STOP_TITLE,
        MERGER_DATE,
      ),
    ],
  },
  {
    fullName: 'Bùi Quốc Bảo',
    username: 'thanhtra',
    appointments: [
      appointment(
        AGENCY.thanhTra,
        'Phòng Thanh tra kinh tế - xã hội',
        'thanh_tra',
        'Thanh tra viên',
        '2022-09-12',
      ),
    ],
  },
  {
    // The receiving clerk of the exchange demo: Sở Tư pháp sends, Văn phòng UBND tỉnh receives.
    fullName: 'Trương Thị Mỹ Linh',
    username: 'vanthutinh',
    appointments: [
      appointment(AGENCY.vpUbnd, unitAt(AGENCY.vpUbnd, 0), 'van_thu', CLERK_TITLE, '2021-06-01'),
    ],
  },
];

const rng = mulberry32(SEED);
const nextName = nameSource(rng, {
  fullNames: FIXED.map((official) => official.fullName),
  usernames: FIXED.map((official) => official.username),
});
const provinceDate = (agencyCode: string, notBefore: string = EARLIEST): string => {
  const since = MERGED_SO_SINCE[agencyCode] ?? EARLIEST;
  return dateBetween(rng, since > notBefore ? since : notBefore, MERGER_DATE);
};

/** Appointments of one generated person each; names, usernames and phones are added below. */
const generated: DemoAppointment[][] = [];
const person = (...appointments: DemoAppointment[]) => generated.push(appointments);

// UBND tỉnh: three Phó Chủ tịch.
for (let i = 0; i < 3; i += 1) {
  person(
    appointment(AGENCY.ubndTinh, null, 'pho_chu_tich', 'Phó Chủ tịch Ủy ban nhân dân tỉnh', MERGER_DATE),
  );
}

// Văn phòng UBND tỉnh and the provincial one-stop centre.
person(
  appointment(
    AGENCY.vpUbnd,
    null,
    'chanh_van_phong',
    'Chánh Văn phòng UBND tỉnh',
    provinceDate(AGENCY.vpUbnd),
  ),
);
{
  const startsOn = provinceDate(AGENCY.vpUbnd);
  person(
    appointment(AGENCY.vpUbnd, null, 'pho_giam_doc', 'Phó Chánh Văn phòng UBND tỉnh', startsOn),
    appointment(
      AGENCY.ttPvhcc,
      null,
      'giam_doc',
      'Giám đốc Trung tâm Phục vụ hành chính công tỉnh',
      provinceDate(AGENCY.ttPvhcc, startsOn),
      'concurrent',
    ),
  );
}
// Its Văn thư is the fixed 'vanthutinh'; the draw stays, so the dates drawn after it do not move.
provinceDate(AGENCY.vpUbnd);
person(
  appointment(
    AGENCY.ttPvhcc,
    'Bộ phận Tiếp nhận và Trả kết quả',
    'can_bo_mot_cua',
    ONE_STOP_TITLE,
    provinceDate(AGENCY.ttPvhcc),
  ),
);

// Thanh tra tỉnh.
person(appointment(AGENCY.thanhTra, null, 'giam_doc', 'Chánh Thanh tra tỉnh', provinceDate(AGENCY.thanhTra)));
{
  const startsOn = provinceDate(AGENCY.thanhTra);
  const unit = 'Phòng Giám sát, kiểm tra và xử lý sau thanh tra';
  person(
    appointment(AGENCY.thanhTra, null, 'pho_giam_doc', 'Phó Chánh Thanh tra tỉnh', startsOn),
    appointment(
      AGENCY.thanhTra,
      unit,
      'truong_phong',
      headOf(unit),
      provinceDate(AGENCY.thanhTra, startsOn),
      'concurrent',
    ),
  );
}

/**
 * How each sở fills its Trưởng phòng post: by its Phó Giám đốc (kiêm nhiệm) in phòng #1, by its
 * Chuyên viên (quyền) in phòng #2, or by a separate Trưởng phòng.
 */
const SO_STAFFING: [string, 'concurrent' | 'acting' | 'separate'][] = [
  [AGENCY.noiVu, 'concurrent'],
  [AGENCY.taiChinh, 'acting'],
  [AGENCY.khcn, 'concurrent'],
  [AGENCY.tuPhap, 'separate'],
  [AGENCY.xayDung, 'concurrent'],
  [AGENCY.nnmt, 'concurrent'],
  [AGENCY.yTe, 'acting'],
  [AGENCY.gddt, 'concurrent'],
  [AGENCY.congThuong, 'acting'],
  [AGENCY.vhttdl, 'concurrent'],
];
/** Posts already held by a fixed account. */
const FIXED_POSTS: Record<string, PositionTypeCode[]> = {
  [AGENCY.tuPhap]: ['giam_doc', 'chuyen_vien', 'van_thu'],
  [AGENCY.khcn]: ['chuyen_vien'], // 'quantri' works there
};

for (const [code, staffing] of SO_STAFFING) {
  const so = agency(code).shortName;
  const office = unitAt(code, 0);
  const deputyUnit = unitAt(code, 1);
  const specialistUnit = unitAt(code, 2);
  const open = (type: PositionTypeCode) => !(FIXED_POSTS[code] ?? []).includes(type);

  if (open('giam_doc')) person(appointment(code, null, 'giam_doc', `Giám đốc ${so}`, provinceDate(code)));
  const deputyFrom = provinceDate(code);
  person(
    appointment(code, null, 'pho_giam_doc', `Phó Giám đốc ${so}`, deputyFrom),
    ...(staffing === 'concurrent'
      ? [
          appointment(
            code,
            deputyUnit,
            'truong_phong',
            headOf(deputyUnit),
            provinceDate(code, deputyFrom),
            'concurrent',
          ),
        ]
      : []),
  );
  person(appointment(code, office, 'chanh_van_phong', `Chánh Văn phòng ${so}`, provinceDate(code)));
  if (staffing === 'separate') {
    person(appointment(code, deputyUnit, 'truong_phong', headOf(deputyUnit), provinceDate(code)));
  }
  if (open('chuyen_vien')) {
    const specialistFrom = provinceDate(code);
    person(
      appointment(code, specialistUnit, 'chuyen_vien', `Chuyên viên ${specialistUnit}`, specialistFrom),
      ...(staffing === 'acting'
        ? [
            appointment(
              code,
              specialistUnit,
              'truong_phong',
              headOf(specialistUnit),
              provinceDate(code, specialistFrom),
              'acting',
            ),
          ]
        : []),
    );
  }
  if (open('van_thu')) person(appointment(code, office, 'van_thu', CLERK_TITLE, provinceDate(code)));
}

// UBND xã/phường. The first one also gets a deputy chair, a clerk and a specialist.
communes.forEach((commune, index) => {
  const code = communeAgencyCode(index);
  const ofCommune = `UBND ${inSentence(commune.name)}`;
  const [office, economy] = communeUnits(commune.name);
  const centre = communeCentreUnit(commune.name);
  person(appointment(code, null, 'chu_tich', `Chủ tịch ${ofCommune}`, MERGER_DATE));
  if (index === 0) {
    person(
      appointment(code, null, 'pho_chu_tich', `Phó Chủ tịch ${ofCommune}`, MERGER_DATE),
      appointment(code, centre, 'giam_doc', `Giám đốc ${centre}`, MERGER_DATE, 'concurrent'),
    );
    if (office) person(appointment(code, office, 'van_thu', CLERK_TITLE, MERGER_DATE));
    if (economy) person(appointment(code, economy, 'chuyen_vien', `Chuyên viên ${economy}`, MERGER_DATE));
  } else {
    person(appointment(code, centre, 'can_bo_mot_cua', ONE_STOP_TITLE, MERGER_DATE));
  }
});

const nextPhone = phoneSource(rng);

export const officials: DemoOfficial[] = [
  ...FIXED.map((official) => ({
    ...official,
    email: `${official.username}@${EMAIL_DOMAIN}`,
    phone: nextPhone(),
  })),
  ...generated.map((appointments) => {
    const { fullName, username } = nextName();
    return { fullName, username, email: `${username}@${EMAIL_DOMAIN}`, phone: nextPhone(), appointments };
  }),
];
