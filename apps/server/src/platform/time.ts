/** Business days are counted in Vietnam's time (UTC+7), whatever the server's zone (vn-norms R-GEN-2). */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInVietnam(now: Date = new Date()): string {
  return VIETNAM_DAY.format(now);
}
