/**
 * Thời hạn bảo quản (retention) of a work file, pure: a number of years, or permanent (vĩnh viễn).
 * A file without a retention of its own keeps its documents as long as the longest of their types
 * asks (R-ARC-2); permanent outlasts any number of years.
 */
export type Retention = number | 'permanent';

/** The longest of the retentions; a file with no documents yet has none (null). */
export function longestRetention(retentions: readonly Retention[]): Retention | null {
  if (retentions.length === 0) return null;
  if (retentions.includes('permanent')) return 'permanent';
  return Math.max(...(retentions as number[]));
}

/** The column pair a retention is stored in. */
export const retentionColumns = (retention: Retention) =>
  retention === 'permanent'
    ? { retention_years: null, retention_permanent: true }
    : { retention_years: retention, retention_permanent: false };

/** Back from the column pair; null when neither is set. */
export function retentionOf(row: {
  retention_years: number | null;
  retention_permanent: boolean;
}): Retention | null {
  if (row.retention_permanent) return 'permanent';
  return row.retention_years;
}

/**
 * Hạn nộp lưu (NĐ 30/2020 Art 30): within one year after the work ends, or three months after the
 * final settlement for a basic-construction (XDCB) file. Dates are ISO days; the end of February
 * rolls back to the last day of the month.
 */
export function archiveDueOn(endDate: string, kind: 'general' | 'construction'): string {
  const [year, month, day] = endDate.split('-').map(Number) as [number, number, number];
  const months = kind === 'construction' ? 3 : 12;
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** FileCode of Phụ lục VI: OrganId, FileCatalog (the year) and FileNotation, joined by dots. */
export const fileCode = (organId: string, fileCatalog: number, fileNotation: string): string =>
  `${organId}.${fileCatalog}.${fileNotation}`;
