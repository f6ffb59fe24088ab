import { describe, expect, it, vi } from 'vitest';
import { MERGER_DATE, demoMerger, demoProvince } from './demo-province.ts';

const {
  province,
  formerProvinces,
  formerDistricts,
  formerCommunes,
  communes,
  agencies,
  officials,
  citizens,
} = demoProvince;

const duplicates = (values: string[]): string[] =>
  values.filter((value, index) => values.indexOf(value) !== index);
const appointments = officials.flatMap((official) =>
  official.appointments.map((appointment) => ({ ...appointment, username: official.username })),
);
/** Same as AGENCY_CODE_PATTERN in @tinhso/contracts (org.ts). */
const AGENCY_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-K][0-9]{2}$/;
const agencyByCode = new Map(agencies.map((agency) => [agency.code, agency]));
const ubndTinh = agencies.find((agency) => agency.kind === 'ubnd_tinh');

describe('demo province: administrative units', () => {
  it('is the new Tỉnh Đồng Tháp with its level-1 agency code', () => {
    expect(province).toEqual({ code: '82', name: 'Tỉnh Đồng Tháp', level1AgencyCode: 'H20' });
    expect(formerProvinces.map((p) => p.name)).toEqual(['Tỉnh Tiền Giang', 'Tỉnh Đồng Tháp']);
  });

  it('has exactly 20 communes, each formed from 1–4 former communes', () => {
    expect(communes).toHaveLength(20);
    for (const commune of communes) {
      expect(commune.formedFrom.length, commune.name).toBeGreaterThanOrEqual(1);
      expect(commune.formedFrom.length, commune.name).toBeLessThanOrEqual(4);
    }
  });

  it('uses unique 5-digit codes for communes and former communes, and unique district codes', () => {
    for (const unit of [...communes, ...formerCommunes]) expect(unit.code).toMatch(/^[0-9]{5}$/);
    expect(duplicates(communes.map((c) => c.code))).toEqual([]);
    expect(duplicates(formerCommunes.map((c) => c.code))).toEqual([]);
    expect(duplicates(formerDistricts.map((d) => d.code))).toEqual([]);
  });

  it('forms every commune from existing former communes, each used at most once', () => {
    const known = new Set(formerCommunes.map((c) => c.code));
    const used = communes.flatMap((c) => c.formedFrom);
    for (const code of used) expect(known.has(code), code).toBe(true);
    expect(duplicates(used)).toEqual([]);
  });

  it('links former communes to former districts and former districts to former provinces', () => {
    const districtCodes = new Set(formerDistricts.map((d) => d.code));
    const provinceCodes = new Set(formerProvinces.map((p) => p.code));
    for (const commune of formerCommunes)
      expect(districtCodes.has(commune.districtCode), commune.name).toBe(true);
    for (const district of formerDistricts)
      expect(provinceCodes.has(district.provinceCode), district.name).toBe(true);
  });

  it('illustrates one merger, consistent with communes[].formedFrom', () => {
    expect(demoMerger.effectiveDate).toBe('2025-07-01');
    expect(MERGER_DATE).toBe('2025-07-01');
    const successor = communes.find((c) => c.code === demoMerger.successor.code);
    expect(successor?.name).toBe(demoMerger.successor.name);
    expect(demoMerger.predecessors.map((p) => p.code)).toEqual(successor?.formedFrom);
    expect(demoMerger.predecessors.length).toBeGreaterThanOrEqual(2);
  });
});

describe('demo province: agencies', () => {
  it('has unique codes that match the electronic agency code pattern', () => {
    for (const agency of agencies) {
      expect(agency.code, agency.name).toMatch(AGENCY_CODE);
      expect(agency.code.endsWith(`.${province.level1AgencyCode}`), agency.code).toBe(true);
    }
    expect(duplicates(agencies.map((a) => a.code))).toEqual([]);
  });

  it('has one UBND tỉnh at 000.00.00.H20, at least 10 sở, a Văn phòng, a one-stop centre and the Thanh tra', () => {
    expect(agencies.filter((a) => a.kind === 'ubnd_tinh')).toHaveLength(1);
    expect(ubndTinh?.code).toBe('000.00.00.H20');
    expect(ubndTinh?.parentCode).toBeNull();
    expect(agencies.filter((a) => a.kind === 'so').length).toBeGreaterThanOrEqual(10);
    const names = agencies.map((a) => a.shortName);
    for (const name of [
      'Sở Nội vụ',
      'Sở Tài chính',
      'Sở Khoa học và Công nghệ',
      'Sở Tư pháp',
      'Sở Xây dựng',
      'Sở Nông nghiệp và Môi trường',
      'Sở Y tế',
      'Sở Giáo dục và Đào tạo',
      'Sở Công Thương',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Văn phòng UBND tỉnh',
      'Thanh tra tỉnh',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(agencies.filter((a) => a.kind === 'trung_tam_phvhcc' && a.level === 'province')).toHaveLength(1);
    expect(agencies.find((a) => a.shortName === 'Văn phòng UBND tỉnh')?.kind).toBe('khac');
  });

  it('has parents that exist, sở under UBND tỉnh, and no cycles', () => {
    for (const agency of agencies) {
      if (agency.kind === 'ubnd_tinh') continue;
      expect(agency.parentCode, agency.name).not.toBeNull();
      expect(agencyByCode.has(agency.parentCode ?? ''), agency.name).toBe(true);
      if (agency.kind === 'so' || agency.kind === 'ubnd_xa') expect(agency.parentCode).toBe(ubndTinh?.code);
      const seen = new Set<string>();
      for (let code: string | null = agency.code; code; code = agencyByCode.get(code)?.parentCode ?? null) {
        expect(seen.has(code), `cycle at ${code}`).toBe(false);
        seen.add(code);
      }
    }
  });

  it('has exactly one UBND xã per commune, at commune level, and no commune for province agencies', () => {
    const communeAgencies = agencies.filter((a) => a.kind === 'ubnd_xa');
    expect(communeAgencies).toHaveLength(communes.length);
    expect(communeAgencies.map((a) => a.communeCode).sort()).toEqual(communes.map((c) => c.code).sort());
    for (const agency of agencies) {
      expect(agency.level, agency.name).toBe(agency.kind === 'ubnd_xa' ? 'commune' : 'province');
      if (agency.kind !== 'ubnd_xa') expect(agency.communeCode, agency.name).toBeNull();
    }
  });

  it('has 2–6 unique units per agency; a sở has a Văn phòng Sở and a commune a one-stop centre', () => {
    for (const agency of agencies) {
      expect(agency.units.length, agency.name).toBeGreaterThanOrEqual(2);
      expect(agency.units.length, agency.name).toBeLessThanOrEqual(6);
      expect(duplicates(agency.units), agency.name).toEqual([]);
      if (agency.kind === 'so' && agency.shortName.startsWith('Sở '))
        expect(agency.units).toContain('Văn phòng Sở');
      if (agency.kind === 'ubnd_xa') {
        expect(agency.units.some((u) => u.startsWith('Trung tâm Phục vụ hành chính công'))).toBe(true);
      }
    }
  });
});

describe('demo province: officials', () => {
  it('has about 100 officials', () => {
    expect(officials.length).toBeGreaterThanOrEqual(95);
    expect(officials.length).toBeLessThanOrEqual(110);
  });

  it('has unique, well-formed usernames, emails and phones (phones unique with citizens too)', () => {
    for (const official of officials) {
      expect(official.username).toMatch(/^[a-z0-9._-]{3,60}$/);
      expect(official.email).toMatch(/^[a-z0-9._-]+@dongthap\.gov\.vn$/);
      expect(official.phone).toMatch(/^0[0-9]{9}$/);
      expect(official.fullName.split(' ').length, official.fullName).toBeGreaterThanOrEqual(3);
      expect(official.appointments.length, official.username).toBeGreaterThanOrEqual(1);
    }
    expect(duplicates(officials.map((o) => o.username))).toEqual([]);
    expect(duplicates(officials.map((o) => o.email))).toEqual([]);
    expect(duplicates([...officials.map((o) => o.phone), ...citizens.map((c) => c.phone)])).toEqual([]);
  });

  it('appoints only to existing agencies and to units of that agency (or none)', () => {
    for (const appointment of appointments) {
      const agency = agencyByCode.get(appointment.agencyCode);
      expect(agency, `${appointment.username} → ${appointment.agencyCode}`).toBeDefined();
      if (appointment.unit !== null) expect(agency?.units, appointment.username).toContain(appointment.unit);
      expect(appointment.title.length).toBeGreaterThan(0);
    }
  });

  it('dates province posts 2020-01-01…2025-07-01 and commune posts from 2025-07-01', () => {
    for (const appointment of appointments) {
      expect(appointment.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(appointment.startsOn))).toBe(false);
      if (agencyByCode.get(appointment.agencyCode)?.level === 'commune') {
        expect(appointment.startsOn >= '2025-07-01', appointment.username).toBe(true);
      } else {
        expect(appointment.startsOn >= '2020-01-01' && appointment.startsOn <= '2025-07-01').toBe(true);
      }
    }
  });

  it('has at least 3 concurrent and 2 acting posts, each held next to a primary post', () => {
    expect(appointments.filter((a) => a.kind === 'concurrent').length).toBeGreaterThanOrEqual(3);
    expect(appointments.filter((a) => a.kind === 'acting').length).toBeGreaterThanOrEqual(2);
    expect(appointments.some((a) => a.kind === 'acting' && a.positionType === 'truong_phong')).toBe(true);
    for (const official of officials) {
      expect(
        official.appointments.filter((a) => a.kind === 'primary'),
        official.username,
      ).toHaveLength(1);
    }
  });

  it('staffs the UBND tỉnh, every sở and every UBND xã with a leader', () => {
    const heads = (code: string, type: string) =>
      appointments.filter((a) => a.agencyCode === code && a.positionType === type && a.kind === 'primary');
    expect(heads(ubndTinh?.code ?? '', 'chu_tich')).toHaveLength(1);
    expect(heads(ubndTinh?.code ?? '', 'pho_chu_tich').length).toBeGreaterThanOrEqual(1);
    for (const agency of agencies) {
      if (agency.kind === 'so') expect(heads(agency.code, 'giam_doc'), agency.name).toHaveLength(1);
      if (agency.kind === 'ubnd_xa') {
        expect(heads(agency.code, 'chu_tich'), agency.name).toHaveLength(1);
        expect(heads(agency.code, 'can_bo_mot_cua'), agency.name).toHaveLength(1);
      }
    }
  });

  it('puts the fixed demo accounts first, with the stated positions', () => {
    const expected: [string, string, string, string | null][] = [
      ['quantri', 'Sở Khoa học và Công nghệ', 'quan_tri_he_thong', 'Trung tâm Chuyển đổi số'],
      ['lanhdao', 'Ủy ban nhân dân tỉnh', 'chu_tich', null],
      ['giamdoc', 'Sở Tư pháp', 'giam_doc', null],
      ['chuyenvien', 'Sở Tư pháp', 'chuyen_vien', 'Phòng Hành chính tư pháp'],
      ['vanthu', 'Sở Tư pháp', 'van_thu', 'Văn phòng Sở'],
      [
        'motcua',
        'Trung tâm Phục vụ hành chính công tỉnh',
        'can_bo_mot_cua',
        'Bộ phận Tiếp nhận và Trả kết quả',
      ],
      ['canboxa', 'UBND phường Mỹ Tho', 'can_bo_mot_cua', 'Trung tâm Phục vụ hành chính công phường'],
      ['thanhtra', 'Thanh tra tỉnh', 'thanh_tra', 'Phòng Thanh tra kinh tế - xã hội'],
      ['vanthutinh', 'Văn phòng UBND tỉnh', 'van_thu', 'Phòng Hành chính - Tổ chức'],
    ];
    expect(officials.slice(0, expected.length).map((o) => o.username)).toEqual(expected.map(([u]) => u));
    for (const [username, agencyShortName, positionType, unit] of expected) {
      const official = officials.find((o) => o.username === username);
      const primary = official?.appointments.find((a) => a.kind === 'primary');
      expect(agencyByCode.get(primary?.agencyCode ?? '')?.shortName, username).toBe(agencyShortName);
      expect(primary?.positionType, username).toBe(positionType);
      expect(primary?.unit, username).toBe(unit);
    }
    const firstCommuneAgency = agencies.find((a) => a.kind === 'ubnd_xa');
    expect(firstCommuneAgency?.communeCode).toBe(communes[0]?.code);
    expect(officials.find((o) => o.username === 'canboxa')?.appointments[0]?.agencyCode).toBe(
      firstCommuneAgency?.code,
    );
  });
});

describe('demo province: citizens', () => {
  it('has about 10 citizens with unique 12-digit personal ids, the fixed one first', () => {
    expect(citizens.length).toBeGreaterThanOrEqual(8);
    expect(citizens.length).toBeLessThanOrEqual(12);
    expect(citizens[0]).toMatchObject({ personalId: '087099001234', fullName: 'Nguyễn Thị Mai' });
    for (const citizen of citizens) {
      expect(citizen.personalId).toMatch(/^0[0-9]{2}[0-3][0-9]{8}$/);
      expect(citizen.phone).toMatch(/^0[0-9]{9}$/);
    }
    expect(duplicates(citizens.map((c) => c.personalId))).toEqual([]);
    const emails = citizens.flatMap((c) => (c.email ? [c.email] : []));
    expect(duplicates([...emails, ...officials.map((o) => o.email)])).toEqual([]);
  });
});

describe('demo province: determinism', () => {
  it('builds the same data when every module is evaluated again', async () => {
    vi.resetModules();
    const again = await import('./demo-province.ts');
    expect(again.demoProvince).not.toBe(demoProvince);
    expect(JSON.stringify(again.demoProvince)).toBe(JSON.stringify(demoProvince));
  });
});
