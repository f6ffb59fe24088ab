import { percent, roundHalfUp } from './rounding.ts';

/** The QĐ 766 indicators the one-stop data supports (vn-norms §1.9). */
export const QD766_IDS = [
  '1.4',
  '2.1',
  '2.2',
  '3.1',
  '3.2',
  '3.3',
  '3.5',
  '3.6',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '4.5',
  '5.4',
] as const;
export type Qd766Id = (typeof QD766_IDS)[number];

export interface Indicator {
  id: Qd766Id;
  nameVi: string;
  nameEn: string;
  numerator: number;
  denominator: number;
  /** Percent rounded to 2 decimals (2.2: the average time in the procedure's unit); null = N/A. */
  rate: number | null;
  /** Points out of `maxPoints`, rounded to 2 decimals; null when the rate is. */
  score: number | null;
  maxPoints: number;
  /** The rate that earns full points; null where QĐ 766 gives none (then 100%). */
  threshold: number | null;
  /** What the figure depends on beyond the counts, when something does. */
  note?: string;
}

/**
 * Versioned rule-pack values (STYLE: rules of law are data). The thresholds are F766's [S]. The
 * point maxima are not in anything read [U]: 1 point each by default, so a score reads as a fraction
 * of the indicator's weight until the province loads the real weights.
 */
export interface Qd766Rules {
  maxPoints: Record<Qd766Id, number>;
  thresholds: Partial<Record<Qd766Id, number>>;
}

export const DEFAULT_QD766_RULES: Qd766Rules = {
  maxPoints: Object.fromEntries(QD766_IDS.map((id) => [id, 1])) as Record<Qd766Id, number>,
  thresholds: { '3.1': 80, '3.3': 50, '3.5': 80, '4.2': 80, '4.3': 80, '5.4': 90 },
};

/** min(max, rate × max / threshold), a missing threshold being 100%; null for an N/A rate. */
export function thresholdScore(
  rate: number | null,
  maxPoints: number,
  threshold: number | null,
): number | null {
  if (rate === null) return null;
  return roundHalfUp(Math.min(maxPoints, (Math.max(0, rate) * maxPoints) / (threshold ?? 100)), 2);
}

export const INDICATOR_NAMES: Record<Qd766Id, { nameVi: string; nameEn: string }> = {
  '1.4': { nameVi: 'Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG', nameEn: 'Dossiers synced to the national portal' },
  '2.1': {
    nameVi: 'Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn',
    nameEn: 'Dossiers handled on time or early',
  },
  '2.2': {
    nameVi: 'Thời gian giải quyết trung bình của TTHC',
    nameEn: 'Average processing time of a procedure',
  },
  '3.1': { nameVi: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến', nameEn: 'Procedures offered online' },
  '3.2': { nameVi: 'Tỷ lệ DVCTT có phát sinh hồ sơ', nameEn: 'Online services that received a dossier' },
  '3.3': { nameVi: 'Tỷ lệ hồ sơ nộp trực tuyến', nameEn: 'Dossiers submitted online' },
  '3.5': {
    nameVi: 'Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến',
    nameEn: 'Procedures with fees payable online',
  },
  '3.6': { nameVi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', nameEn: 'Dossiers paid online' },
  '4.1': { nameVi: 'Tỷ lệ hồ sơ có kết quả điện tử', nameEn: 'Dossiers with an electronic result' },
  '4.2': { nameVi: 'Tỷ lệ hồ sơ được số hóa', nameEn: 'Dossiers digitised' },
  '4.3': { nameVi: 'Tỷ lệ tái sử dụng dữ liệu số hóa', nameEn: 'Dossiers reusing digitised data' },
  '4.4': {
    nameVi: 'Tỷ lệ số hóa có kết nối kho dữ liệu trên Cổng DVCQG',
    nameEn: "Dossiers linked to the citizen's data store",
  },
  '4.5': { nameVi: 'Tỷ lệ hồ sơ ứng dụng dữ liệu dân cư', nameEn: 'Dossiers using population data' },
  '5.4': { nameVi: 'Mức độ hài lòng trong giải quyết TTHC', nameEn: 'Satisfaction with procedure handling' },
};

/** An indicator from its counts: percent, then threshold score. */
export function ratioIndicator(
  id: Qd766Id,
  counts: { numerator: number; denominator: number; rate?: number | null; note?: string },
  rules: Qd766Rules,
): Indicator {
  const rate = counts.rate === undefined ? percent(counts.numerator, counts.denominator) : counts.rate;
  const threshold = rules.thresholds[id] ?? null;
  const maxPoints = rules.maxPoints[id];
  return {
    id,
    ...INDICATOR_NAMES[id],
    numerator: counts.numerator,
    denominator: counts.denominator,
    rate,
    score: thresholdScore(rate, maxPoints, threshold),
    maxPoints,
    threshold,
    ...(counts.note ? { note: counts.note } : {}),
  };
}
