/**
 * Deterministic generators for demo people: a seeded PRNG (mulberry32), Vietnamese full names, sign-in
 * names and phone numbers. The same seed and the same sequence of calls always give the same data.
 *
 * The people are fictional; any resemblance to a real person is a coincidence. Phone numbers are
 * well-formed Vietnamese mobile numbers and may belong to someone: demo notifications must go to a
 * simulator, never to a real SMS or Zalo gateway.
 */

/** mulberry32: a tiny 32-bit PRNG, good enough for demo data. Returns floats in [0, 1). */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export type Rng = () => number;

export const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/** Family names, repeated roughly by frequency in the Mekong Delta (Nguyễn first, Huỳnh and Võ common). */
const FAMILY = [
  ...Array<string>(8).fill('Nguyễn'),
  ...Array<string>(3).fill('Trần'),
  ...Array<string>(3).fill('Lê'),
  ...Array<string>(2).fill('Phạm'),
  ...Array<string>(2).fill('Huỳnh'),
  ...Array<string>(2).fill('Võ'),
  'Hoàng',
  'Phan',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];

const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Hữu', 'Minh', 'Thanh', 'Quốc', 'Công', 'Đức', 'Hoàng', 'Trung'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Mỹ', 'Hồng', 'Bích'];
/** Second middle name after 'Thị' / 'Văn' in four-word names: 'Nguyễn Thị Ngọc Hân'. */
const MIDDLE2_MALE = ['Minh', 'Thanh', 'Hoàng', 'Quốc', 'Tấn'];
const MIDDLE2_FEMALE = ['Ngọc', 'Kim', 'Thanh', 'Mỹ', 'Thu', 'Hồng'];

// prettier-ignore
const GIVEN_MALE = [
  'An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Hải', 'Hậu', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khang',
  'Khoa', 'Lộc', 'Long', 'Luân', 'Nam', 'Nghĩa', 'Nhân', 'Phong', 'Phúc', 'Quang', 'Sang', 'Sơn', 'Tài',
  'Tâm', 'Thành', 'Thắng', 'Thiện', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Vinh', 'Vũ',
];
// prettier-ignore
const GIVEN_FEMALE = [
  'Anh', 'Châu', 'Diễm', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hân', 'Hoa', 'Hương', 'Lan', 'Liên',
  'Linh', 'Loan', 'Mai', 'Ngân', 'Nhi', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thùy', 'Trang',
  'Trâm', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Yến',
];

/** Vietnamese text to the a-z alphabet: 'Nguyễn Thị Ngọc Hân' → 'nguyen thi ngoc han'. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

export interface PersonName {
  fullName: string;
  username: string;
}

/**
 * A source of unique names and sign-in names. `taken` seeds it with names already used (the fixed demo
 * accounts) so that generated people never share a full name or a username with them.
 */
export const nameSource = (rng: Rng, taken: { fullNames: string[]; usernames: string[] }) => {
  const fullNames = new Set(taken.fullNames);
  const usernames = new Set(taken.usernames);
  return (): PersonName => {
    for (;;) {
      const female = rng() < 0.45;
      const family = pick(rng, FAMILY);
      const middle = pick(rng, female ? MIDDLE_FEMALE : MIDDLE_MALE);
      const fourWords = rng() < 0.25 && (middle === 'Thị' || middle === 'Văn');
      const middle2 = fourWords ? ` ${pick(rng, female ? MIDDLE2_FEMALE : MIDDLE2_MALE)}` : '';
      const given = pick(rng, female ? GIVEN_FEMALE : GIVEN_MALE);
      const fullName = `${family} ${middle}${middle2} ${given}`;
      if (middle === family || middle2 === ` ${family}` || fullNames.has(fullName)) continue; // no 'Hoàng Hoàng …'
      fullNames.add(fullName);
      const base = fold(fullName).split(' ').join('.');
      let username = base;
      for (let n = 2; usernames.has(username); n += 1) username = `${base}${n}`;
      usernames.add(username);
      return { fullName, username };
    }
  };
};

/** Mobile prefixes of Vietnamese carriers (10-digit numbers since 2018). */
// prettier-ignore
const MOBILE_PREFIXES = [
  '090', '093', '089', '070', '079', '077', '076', '078', // MobiFone
  '091', '094', '088', '083', '084', '085', '081', '082', // VinaPhone
  '096', '097', '098', '086', '032', '033', '034', '035', '036', '037', '038', '039', // Viettel
];

/** A source of unique 10-digit mobile numbers; `taken` holds numbers already used. */
export const phoneSource = (rng: Rng, taken: string[] = []) => {
  const used = new Set(taken);
  return (): string => {
    for (;;) {
      const subscriber = String(Math.floor(rng() * 10_000_000)).padStart(7, '0');
      const phone = `${pick(rng, MOBILE_PREFIXES)}${subscriber}`;
      if (used.has(phone)) continue;
      used.add(phone);
      return phone;
    }
  };
};

const DAY_MS = 86_400_000;

/** A date in [from, to], both YYYY-MM-DD, as YYYY-MM-DD. */
export const dateBetween = (rng: Rng, from: string, to: string): string => {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / DAY_MS);
  return new Date(start + Math.floor(rng() * (days + 1)) * DAY_MS).toISOString().slice(0, 10);
};
