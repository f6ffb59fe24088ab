import { sql } from 'kysely';
import type { Db } from './db.ts';

/**
 * Versioned parameters (vn-norms R-GEN-1): each key has a default here and may be overridden by rows
 * in `setting` with an effective date. The value in force on a day is the latest row not after it.
 */
export const SETTING_DEFAULTS = {
  /** QCVN 12:2026: lock after 5 failed sign-ins. */
  'security.lockout.maxFailures': 5,
  /** QCVN 12:2026: automatic unlock configurable between 12 hours and 30 days; the strictest short end. */
  'security.lockout.minutes': 720,
  /** QCVN 12:2026: idle lock ≤ 15 min for critical business applications (≤ 5 min ordinary). */
  'security.idleTimeout.officialMinutes': 15,
  'security.idleTimeout.citizenMinutes': 30,
  /** QCVN 12:2026: MFA for administrators. Roles whose holders must enrol. */
  'security.mfa.requiredRoles': ['system_admin', 'agency_admin'],
  /** QCVN 12:2026: at least 8 characters of mixed classes. */
  'security.password.minLength': 8,
  /** Sign-in attempts per sign-in name, or per address, within the window before answers are throttled. */
  'security.throttle.attempts': 10,
  'security.throttle.windowMinutes': 15,
  /** Ngày Văn hóa Việt Nam 24/11 as a day off from 2026: [S] in vn-norms §7.1, off until confirmed. */
  'calendar.vietnamCultureDay': false,
  /** NĐ 61 Art 18: a receipt at or after this time (UTC+7) counts from the next working day. */
  'calendar.cutOff': '15:00',
  /** Office hours (UTC+7) that deadlines in hours count: 8 hours a day, the 40-hour week (QĐ 188/1999). */
  'calendar.workingHours': ['08:00-12:00', '13:00-17:00'],
  /** NĐ 61 Art 19.4: a supplement request at appraisal within 3 working days of receipt, else justified. */
  'dossier.supplementWithinWorkingDays': 3,
  /** NĐ 61 Art 19.9: the apology (form 04) at the latest 1 working day before the due date. */
  'dossier.apologyLeadWorkingDays': 1,
  /** The worklist marks a dossier "due soon" within this many hours of its due instant. */
  'dossier.dueSoonHours': 24,
  /** Step reminders: the holder of a step is reminded once when this share of its budget is left… */
  'dossier.reminder.remainingShare': 0.25,
  /** …or this many working hours (one working half-day), whichever comes first; see dossiers/alerts-rules.ts. */
  'dossier.reminder.remainingHours': 4,
  /** An incoming document's handling deadline when the leader names none and the document sets none (the agency's working rules decide; ADR 0018). */
  'document.handlingWorkingDays': 10,
  /** "My documents" flags, and reminds, an assignment this many days before its deadline. */
  'document.dueSoonDays': 2,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
type Widen<T> = T extends number
  ? number
  : T extends boolean
    ? boolean
    : T extends string
      ? string
      : T extends readonly string[]
        ? string[]
        : T;
export type SettingValue<K extends SettingKey> = Widen<(typeof SETTING_DEFAULTS)[K]>;

/**
 * Settings change a few times a year and are read on every request, so answers are kept for a
 * minute: a new row takes effect on every server copy within SETTINGS_TTL_MS.
 */
const SETTINGS_TTL_MS = 60_000;
const cache = new Map<string, { value: unknown; until: number }>();

export function clearSettingsCache(): void {
  cache.clear();
}

export async function getSetting<K extends SettingKey>(
  db: Db,
  key: K,
  onDay?: string,
): Promise<SettingValue<K>> {
  const cacheKey = `${key}@${onDay ?? 'today'}`;
  const cached = cache.get(cacheKey);
  if (cached && cached.until > Date.now()) return cached.value as SettingValue<K>;
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', key)
    .where('effective_from', '<=', onDay ?? sql<string>`current_date`)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  const value = (row?.value ?? SETTING_DEFAULTS[key]) as SettingValue<K>;
  cache.set(cacheKey, { value, until: Date.now() + SETTINGS_TTL_MS });
  return value;
}
