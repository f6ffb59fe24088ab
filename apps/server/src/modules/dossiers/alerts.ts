import { systemActor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { yearOf } from '../calendar/iso-day.ts';
import { loadWorkCalendar } from '../calendar/repository.ts';
import { notify } from '../notifications/notify.ts';
import {
  dueConsultations,
  dueHandovers,
  dueReminders,
  dueTransfers,
  type DueAlert,
  type ScanContext,
} from './alerts-candidates.ts';
import { resolveRecipients } from './alerts-recipients.ts';
import type { AlertKind } from './alerts-rules.ts';
import './alerts-tables.ts';

/**
 * Alerts and reminders to officials (vn-norms R-DOS-10, R-DOS-11, step reminders): a scan finds
 * what is due, and sends each once per dossier, subject and kind. Each alert is one transaction: its
 * row in dossier_alert (the unique key makes a second scan, or a second server, send nothing), the
 * in-app and e-mail notifications of every recipient, and its audit event.
 */

export interface SentAlert {
  dossierId: string;
  code: string;
  kind: AlertKind;
  subject: string;
  dueAt: string;
  recipients: number;
}

export interface AlertScanReport {
  sent: SentAlert[];
  /** Alerts that could not be sent this time (they are tried again by the next scan). */
  failed: { dossierId: string; kind: AlertKind; error: string }[];
}

const ACTOR = systemActor('Cảnh báo, nhắc việc tự động');
const DEFAULT_LIMIT = 500;

/** Runs one scan at `now` (the clock by default; the tests pass a later instant). */
export async function scanDossierAlerts(
  db: Db,
  options: { now?: Date; limit?: number } = {},
): Promise<AlertScanReport> {
  const now = options.now ?? new Date();
  const today = todayInVietnam(now);
  const year = yearOf(today);
  const context: ScanContext = {
    db,
    now,
    calendar: await loadWorkCalendar(db, year - 1, year + 1),
    office: {
      cutOff: await getSetting(db, 'calendar.cutOff', today),
      workingHours: await getSetting(db, 'calendar.workingHours', today),
    },
    threshold: {
      remainingShare: await getSetting(db, 'dossier.reminder.remainingShare', today),
      remainingHours: await getSetting(db, 'dossier.reminder.remainingHours', today),
    },
    limit: options.limit ?? DEFAULT_LIMIT,
  };
  const due = [
    ...(await dueHandovers(context)),
    ...(await dueConsultations(context)),
    ...(await dueTransfers(context)),
    ...(await dueReminders(context)),
  ];
  const sent: SentAlert[] = [];
  const failed: AlertScanReport['failed'] = [];
  for (const alert of due) {
    // One alert that cannot be sent (a template parameter missing, a lost connection) must not
    // hold back the others; its transaction rolled back, so the next scan tries it again.
    const recipients = await sendAlert(db, alert, today).catch((error: unknown) => {
      failed.push({
        dossierId: alert.dossierId,
        kind: alert.kind,
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    });
    if (recipients === null) continue;
    sent.push({
      dossierId: alert.dossierId,
      code: alert.code,
      kind: alert.kind,
      subject: alert.subject,
      dueAt: alert.dueAt.toISOString(),
      recipients,
    });
  }
  return { sent, failed };
}

/** Sends one alert; answers how many officials it reached, or null when it had been sent already. */
async function sendAlert(db: Db, alert: DueAlert, today: string): Promise<number | null> {
  return db.transaction().execute(async (tx) => {
    const recipients = await resolveRecipients(tx, alert.recipients, today);
    const inserted = await tx
      .insertInto('dossier_alert')
      .values({
        dossier_id: alert.dossierId,
        kind: alert.kind,
        subject: alert.subject,
        step_index: alert.stepIndex,
        step_started_at: alert.stepStartedAt,
        consultation_id: alert.consultationId,
        due_at: alert.dueAt,
        recipients: recipients.length,
      })
      .onConflict((conflict) => conflict.columns(['dossier_id', 'kind', 'subject']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return null;
    for (const recipient of recipients) {
      await notify(tx, {
        accountId: recipient.accountId,
        email: recipient.email,
        language: 'vi',
        template: alert.template,
        params: alert.params,
        entity: { kind: 'dossier', id: alert.dossierId },
      });
    }
    await recordEvent(tx, ACTOR, {
      type: 'dossier.alerted',
      entityType: 'dossier',
      entityId: alert.dossierId,
      agencyId: alert.agencyId,
      data: {
        kind: alert.kind,
        subject: alert.subject,
        code: alert.code,
        dueAt: alert.dueAt.toISOString(),
        recipients: recipients.length,
      },
    });
    return recipients.length;
  });
}
