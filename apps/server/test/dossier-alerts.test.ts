import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier, DossierSummary } from '@tinhso/contracts';
import { yearOf } from '../src/modules/calendar/iso-day.ts';
import { loadWorkCalendar } from '../src/modules/calendar/repository.ts';
import { scanDossierAlerts, type SentAlert } from '../src/modules/dossiers/alerts.ts';
import { handoverDueAt, stepReminderAt } from '../src/modules/dossiers/alerts-rules.ts';
import { budgetHours } from '../src/modules/procedures/rules.ts';
import { clearSettingsCache, getSetting } from '../src/platform/settings.ts';
import { todayInVietnam } from '../src/platform/time.ts';
import { addDays } from '../src/modules/calendar/iso-day.ts';
import { agencyOf, CITIZEN, draftBody } from './dossier-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

/**
 * Alerts and reminders to officials (R-DOS-10, R-DOS-11, step reminders). The dossiers are filed and
 * handled through the API at the real time; the scan is then called with a later `now`, and what the
 * officials see is read back through their inboxes.
 */
let t: TestApp;
let citizen: TestClient;
let motcua: TestClient;
let chuyenvien: TestClient;
let giamdoc: TestClient;
let taichinh: TestClient;
let canboxa: TestClient;
let centreId: string;
let taichinhId: string;

const SECOND = 1_000;
const DAY = 86_400_000;
const later = (instant: string | Date, ms: number) => new Date(new Date(instant).getTime() + ms);

interface InboxItem {
  template: string;
  subject: string;
  body: string;
  entity: { kind: string; id: string } | null;
}

async function alertsIn(client: TestClient, dossierId: string): Promise<string[]> {
  const inbox = await client.get<{ items: InboxItem[] }>('/api/me/notifications?limit=100');
  expect(inbox.status).toBe(200);
  return inbox.body.items.filter((item) => item.entity?.id === dossierId).map((item) => item.template);
}

async function scan(now: Date, dossierId: string, kind?: SentAlert['kind']): Promise<SentAlert[]> {
  const report = await scanDossierAlerts(t.database.db, { now });
  return report.sent.filter((alert) => alert.dossierId === dossierId && (!kind || alert.kind === kind));
}

async function paperDossier(): Promise<Dossier> {
  const body = await draftBody(motcua, centreId);
  const answer = await motcua.post<Dossier>('/api/dossiers/counter', {
    ...body,
    channel: 'counter',
    deliveryMethod: 'counter',
    outcome: { kind: 'receive' },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect(answer.body.status).toBe('received');
  return answer.body;
}

async function calendarAround(instant: string) {
  const year = yearOf(todayInVietnam(new Date(instant)));
  return loadWorkCalendar(t.database.db, year - 1, year + 1);
}

async function staffOf(agencyCode: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .innerJoin('agency as g', 'g.id', 'p.agency_id')
    .select(['a.username', 'g.id as agency_id'])
    .where('g.code', '=', agencyCode)
    .where('p.position_type', '=', 'chuyen_vien')
    .executeTakeFirstOrThrow();
  taichinhId = row.agency_id;
  return row.username;
}

beforeAll(async () => {
  t = await startTestApp();
  citizen = await t.signedIn(CITIZEN);
  motcua = await t.signedIn('motcua');
  chuyenvien = await t.signedIn('chuyenvien');
  giamdoc = await t.signedIn('giamdoc');
  canboxa = await t.signedIn('canboxa');
  taichinh = await t.signedIn(await staffOf('000.00.03.H20'));
  centreId = (await agencyOf(t, 'motcua')).id;
});

afterAll(async () => t?.close());

describe('R-DOS-10: a paper dossier not handed over in time', () => {
  it('alerts the desk and the deciding agency’s leaders once, after the hand-over time the calendar gives', async () => {
    const dossier = await paperDossier();
    const receivedAt = dossier.receivedAt!;
    const dueAt = handoverDueAt(await calendarAround(receivedAt), new Date(receivedAt), {
      cutOff: await getSetting(t.database.db, 'calendar.cutOff'),
      workingHours: await getSetting(t.database.db, 'calendar.workingHours'),
    });
    expect(dueAt.getTime()).toBeGreaterThan(new Date(receivedAt).getTime());

    expect(await scan(later(dueAt, -SECOND), dossier.id, 'handover_late')).toEqual([]);
    const sent = await scan(later(dueAt, SECOND), dossier.id, 'handover_late');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ code: dossier.code, dueAt: dueAt.toISOString() });
    expect(sent[0]!.recipients).toBeGreaterThanOrEqual(2);
    expect(await scan(later(dueAt, 40 * DAY), dossier.id, 'handover_late')).toEqual([]);

    expect(await alertsIn(motcua, dossier.id)).toContain('dossier.alert.handover_late');
    expect(await alertsIn(giamdoc, dossier.id)).toContain('dossier.alert.handover_late');
    expect(await alertsIn(chuyenvien, dossier.id)).not.toContain('dossier.alert.handover_late');
    expect(await alertsIn(canboxa, dossier.id)).toEqual([]);
    expect(await alertsIn(citizen, dossier.id)).not.toContain('dossier.alert.handover_late');

    const inbox = await motcua.get<{ items: InboxItem[] }>('/api/me/notifications?limit=100');
    const alert = inbox.body.items.find((item) => item.template === 'dossier.alert.handover_late');
    expect(alert?.subject).toContain(dossier.code!);
    expect(alert?.body).toContain('Điều 18');

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['type', 'data'])
      .where('entity_id', '=', dossier.id)
      .where('type', '=', 'dossier.alerted')
      .execute();
    const handovers = audit.filter((event) => (event.data as { kind: string }).kind === 'handover_late');
    expect(handovers).toHaveLength(1);
    expect(handovers[0]!.data).toMatchObject({ code: dossier.code, dueAt: dueAt.toISOString() });
    const emails = await t.database.db
      .selectFrom('notification')
      .select('address')
      .where('entity_id', '=', dossier.id)
      .where('template', '=', 'dossier.alert.handover_late')
      .where('channel', '=', 'email')
      .execute();
    expect(emails.length).toBeGreaterThan(0);
  });

  it('raises none for an online dossier, nor for a paper one the deciding unit took up', async () => {
    const draft = await citizen.post<Dossier>('/api/dossiers', await draftBody(citizen, centreId));
    await citizen.post(`/api/dossiers/${draft.body.id}/submit`);
    const online = await motcua.post<Dossier>(`/api/dossiers/${draft.body.id}/receive`, {});
    expect(online.status, JSON.stringify(online.body)).toBe(200);
    const takenUp = await paperDossier();
    const forwarded = await chuyenvien.post<Dossier>(`/api/dossiers/${takenUp.id}/forward`, {
      note: 'Đủ điều kiện',
    });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);

    const now = later(new Date(), 40 * DAY);
    expect(await scan(now, online.body.id, 'handover_late')).toEqual([]);
    expect(await scan(now, takenUp.id, 'handover_late')).toEqual([]);
  });
});

describe('R-DOS-11: consultations and liên thông past their own time limits', () => {
  it('alerts the lead unit and the desk once when a consultation is unanswered after its due date', async () => {
    const dossier = await paperDossier();
    const dueDate = todayInVietnam();
    const asked = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/consult`, {
      agencyId: taichinhId,
      question: 'Đề nghị cho ý kiến về nghĩa vụ tài chính',
      dueDate,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const answeredToo = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/consult`, {
      agencyId: taichinhId,
      question: 'Đề nghị xác nhận khoản lệ phí đã nộp',
      dueDate,
    });
    const answered = answeredToo.body.consultations.find((c) => c.question.includes('lệ phí'))!;
    const replied = await taichinh.post(`/api/dossiers/${dossier.id}/consultations/${answered.id}/reply`, {
      answer: 'Đã nộp đủ',
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);

    expect(await scan(new Date(), dossier.id, 'consultation_overdue')).toEqual([]);
    const sent = await scan(later(new Date(), DAY), dossier.id, 'consultation_overdue');
    expect(sent).toHaveLength(1);
    const unanswered = asked.body.consultations.find((c) => c.question.includes('nghĩa vụ'))!;
    expect(sent[0]!.subject).toBe(`consultation:${unanswered.id}`);
    expect(await scan(later(new Date(), 3 * DAY), dossier.id, 'consultation_overdue')).toEqual([]);

    for (const lead of [motcua, giamdoc, chuyenvien])
      expect(await alertsIn(lead, dossier.id)).toContain('dossier.alert.consultation_overdue');
    expect(await alertsIn(taichinh, dossier.id)).not.toContain('dossier.alert.consultation_overdue');

    // The worklist marks the dossier once the unanswered consultation's day is past.
    const marked = async () => {
      const list = await chuyenvien.get<{ items: DossierSummary[] }>(`/api/dossiers?q=${dossier.code}`);
      return list.body.items.find((item) => item.id === dossier.id)?.overdueConsultation;
    };
    expect(await marked()).toBe(false);
    await t.database.db
      .updateTable('dossier_consultation')
      .set({ due_date: addDays(dueDate, -1) })
      .where('id', '=', unanswered.id)
      .execute();
    expect(await marked()).toBe(true);
  });

  it('alerts the desk and the competent agency’s leaders when a transferred dossier runs past its step', async () => {
    const dossier = await paperDossier();
    const moved = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/transfer`, {
      agencyId: taichinhId,
      note: 'Chuyển Sở Tài chính thẩm định',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const stepDue = moved.body.currentStep!.dueAt;

    expect(await scan(later(stepDue, -SECOND), dossier.id, 'transfer_overdue')).toEqual([]);
    expect(await scan(later(stepDue, SECOND), dossier.id, 'transfer_overdue')).toHaveLength(1);
    expect(await scan(later(stepDue, 10 * DAY), dossier.id, 'transfer_overdue')).toEqual([]);
    expect(await alertsIn(motcua, dossier.id)).toContain('dossier.alert.transfer_overdue');
    expect(await alertsIn(giamdoc, dossier.id)).toContain('dossier.alert.transfer_overdue');
  });
});

describe('step reminders', () => {
  it('reminds whoever holds the step once, when the share of its budget in the settings is left', async () => {
    const dossier = await paperDossier();
    const step = dossier.currentStep!;
    const version = await t.database.db
      .selectFrom('dossier as d')
      .innerJoin('procedure_version as pv', 'pv.id', 'd.procedure_version_id')
      .select('pv.content')
      .where('d.id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    const steps = (version.content as { steps: { budget: { value: number; unit: 'hour' } }[] }).steps;
    const remindAt = stepReminderAt(
      await calendarAround(step.startedAt),
      { startedAt: new Date(step.startedAt), budgetHours: budgetHours(steps[step.index]!.budget) },
      {
        remainingShare: await getSetting(t.database.db, 'dossier.reminder.remainingShare'),
        remainingHours: await getSetting(t.database.db, 'dossier.reminder.remainingHours'),
      },
      await getSetting(t.database.db, 'calendar.workingHours'),
    );
    expect(remindAt.getTime()).toBeLessThan(new Date(step.dueAt).getTime());

    expect(await scan(later(remindAt, -SECOND), dossier.id, 'step_reminder')).toEqual([]);
    const sent = await scan(later(remindAt, SECOND), dossier.id, 'step_reminder');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.dueAt).toBe(remindAt.toISOString());
    expect(await scan(later(step.dueAt, DAY), dossier.id, 'step_reminder')).toEqual([]);
    // The appraisal step is the specialists' (dossier.process at Sở Tư pháp), not the desk's.
    expect(await alertsIn(chuyenvien, dossier.id)).toContain('dossier.reminder.step_due');
    expect(await alertsIn(motcua, dossier.id)).not.toContain('dossier.reminder.step_due');

    // The next step is a new one: its holder (the leader it was assigned to) is reminded in turn.
    const giamdocId = (
      await t.database.db
        .selectFrom('account')
        .select('id')
        .where('username', '=', 'giamdoc')
        .executeTakeFirstOrThrow()
    ).id;
    const forwarded = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/forward`, {
      note: 'Trình ký',
      assigneeId: giamdocId,
    });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    const next = await scan(later(forwarded.body.currentStep!.dueAt, SECOND), dossier.id, 'step_reminder');
    expect(next).toEqual([expect.objectContaining({ recipients: 1 })]);
    expect(await alertsIn(giamdoc, dossier.id)).toContain('dossier.reminder.step_due');
  });

  it('reads the threshold as a dated setting: a new share counts from its effective day', async () => {
    const dossier = await paperDossier();
    const step = dossier.currentStep!;
    const version = await t.database.db
      .selectFrom('procedure_version as pv')
      .innerJoin('dossier as d', 'd.procedure_version_id', 'pv.id')
      .select('pv.content')
      .where('d.id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    const steps = (version.content as { steps: { budget: { value: number; unit: 'hour' } }[] }).steps;
    const budget = budgetHours(steps[step.index]!.budget);
    const workingHours = await getSetting(t.database.db, 'calendar.workingHours');
    const calendar = await calendarAround(step.startedAt);
    const at = (share: number) =>
      stepReminderAt(
        calendar,
        { startedAt: new Date(step.startedAt), budgetHours: budget },
        { remainingShare: share, remainingHours: 4 },
        workingHours,
      );
    const early = at(1);
    expect(early.getTime()).toBeLessThan(at(0.25).getTime());
    const scanDay = todayInVietnam(later(early, SECOND));
    const setShare = async (from: string) => {
      await t.database.db
        .insertInto('setting')
        .values({ key: 'dossier.reminder.remainingShare', effective_from: from, value: JSON.stringify(1) })
        .execute();
      clearSettingsCache();
    };
    try {
      await setShare(addDays(scanDay, 1));
      expect(await scan(later(early, SECOND), dossier.id, 'step_reminder')).toEqual([]);
      await setShare(scanDay);
      const sent = await scan(later(early, SECOND), dossier.id, 'step_reminder');
      expect(sent.map((alert) => alert.dueAt)).toEqual([early.toISOString()]);
    } finally {
      await t.database.db
        .deleteFrom('setting')
        .where('key', '=', 'dossier.reminder.remainingShare')
        .execute();
      clearSettingsCache();
    }
  });
});
