import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  OutgoingColleagueList,
  SigningAuthorisation,
  SigningAuthorisationList,
} from '@tinhso/contracts';
import { AGENCY } from '../src/modules/organisation/demo/agencies.ts';
import { officials } from '../src/modules/organisation/demo/officials.ts';
import { todayInVietnam } from '../src/platform/time.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { officialOf } from './signing-keys-fixture.ts';

type Problem = { issues?: { field: string; message: string }[] };

const path = '/api/documents/signing-authorisations';
const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let t: TestApp;
let giamdoc: TestClient;
let deputy: TestClient;
let vanthu: TestClient;
let chuyenvien: TestClient;
let chuyenvienId: string;

const deputyUsername = officials.find((official) =>
  official.appointments.some(
    (post) => post.agencyCode === AGENCY.tuPhap && post.positionType === 'pho_giam_doc',
  ),
)!.username;

/** The lines chuyenvien would sign with today, as the drafting form shows them. */
const linesOfSpecialist = async () =>
  (await chuyenvien.get<OutgoingColleagueList>('/api/documents/outgoing/colleagues')).body.items.find(
    (colleague) => colleague.officialId === chuyenvienId,
  )?.signingLines;

beforeAll(async () => {
  t = await startTestApp();
  [giamdoc, deputy, vanthu, chuyenvien] = await Promise.all([
    t.signedIn('giamdoc'),
    t.signedIn(deputyUsername),
    t.signedIn('vanthu'),
    t.signedIn('chuyenvien'),
  ]);
  chuyenvienId = (await officialOf(t, 'chuyenvien')).officialId;
});
afterAll(() => t.close());

describe('giấy ủy quyền (TUQ.)', () => {
  it('the head authorises a specialist, who then signs "TUQ. GIÁM ĐỐC", until the head ends it', async () => {
    const today = todayInVietnam();
    expect(await linesOfSpecialist()).toBeNull();

    const granted = await giamdoc.post<SigningAuthorisation>(
      path,
      {
        granteeId: chuyenvienId,
        startsOn: today,
        note: 'Ký các văn bản chứng thực trong thời gian đi công tác',
      },
      { 'idempotency-key': 'tuq-grant-1' },
    );
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    expect(granted.body).toMatchObject({ granteeId: chuyenvienId, startsOn: today, endsOn: null });
    const replay = await giamdoc.post<SigningAuthorisation>(
      path,
      {
        granteeId: chuyenvienId,
        startsOn: today,
        note: 'Ký các văn bản chứng thực trong thời gian đi công tác',
      },
      { 'idempotency-key': 'tuq-grant-1' },
    );
    expect(replay.body.id).toBe(granted.body.id);

    expect(await linesOfSpecialist()).toEqual(['TUQ. GIÁM ĐỐC', 'CHUYÊN VIÊN']);
    const list = await deputy.get<SigningAuthorisationList>(path);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: granted.body.id,
        current: true,
        granteeName: expect.any(String) as string,
      }),
    ]);

    const ended = await giamdoc.post<SigningAuthorisation>(`${path}/${granted.body.id}/end`, {});
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.endsOn).toBe(today);
    expect(await linesOfSpecialist()).toBeNull();
    // Started today, so ending it today withdraws it: it is gone, the audit trail keeps it.
    const again = await giamdoc.post<Problem>(`${path}/${granted.body.id}/end`, {});
    expect(again.status).toBe(404);

    // One that ran for a while and has ended cannot be ended again.
    const giamdocId = (await officialOf(t, 'giamdoc')).officialId;
    const past = await t.database.db
      .insertInto('signing_authorisation')
      .values({
        agency_id: granted.body.agencyId,
        grantor_official_id: giamdocId,
        grantee_official_id: chuyenvienId,
        starts_on: dayAfter(today, -30),
        ends_on: dayAfter(today, -10),
        created_by: (
          await t.database.db
            .selectFrom('account')
            .select('id')
            .where('username', '=', 'giamdoc')
            .executeTakeFirstOrThrow()
        ).id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await giamdoc.post(`${path}/${past.id}/end`, {})).status).toBe(409);

    const events = await t.database.db
      .selectFrom('audit_event')
      .select('type')
      .where('entity_id', '=', granted.body.id)
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.type)).toEqual([
      'outgoing.authorisation_granted',
      'outgoing.authorisation_ended',
    ]);
  });

  it('one that has not started is withdrawn when ended', async () => {
    const start = dayAfter(todayInVietnam(), 7);
    const granted = await giamdoc.post<SigningAuthorisation>(path, {
      granteeId: chuyenvienId,
      startsOn: start,
      endsOn: dayAfter(start, 14),
    });
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    expect(await linesOfSpecialist(), 'not yet in force').toBeNull();
    const ended = await giamdoc.post<SigningAuthorisation>(`${path}/${granted.body.id}/end`, {});
    expect(ended.status).toBe(200);
    const row = await t.database.db
      .selectFrom('signing_authorisation')
      .select('id')
      .where('id', '=', granted.body.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('only the head grants; bad dates, oneself and an official of another agency are refused by field', async () => {
    const today = todayInVietnam();
    const byDeputy = await deputy.post<Problem>(path, { granteeId: chuyenvienId, startsOn: today });
    expect(byDeputy.status).toBe(403);
    expect(byDeputy.body.issues?.[0]?.field).toBe('granteeId');
    expect((await vanthu.post(path, { granteeId: chuyenvienId, startsOn: today })).status).toBe(403);
    expect((await vanthu.get(path)).status).toBe(403);

    const field = async (body: object) => {
      const answer = await giamdoc.post<Problem>(path, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      return answer.body.issues?.[0]?.field;
    };
    expect(await field({ granteeId: chuyenvienId, startsOn: today, endsOn: today })).toBe('endsOn');
    expect(await field({ granteeId: chuyenvienId, startsOn: dayAfter(today, -1) })).toBe('startsOn');
    expect(await field({ granteeId: chuyenvienId, startsOn: 'ngày mai' })).toBe('startsOn');
    const self = await officialOf(t, 'giamdoc');
    expect(await field({ granteeId: self.officialId, startsOn: today })).toBe('granteeId');
    const elsewhere = await officialOf(t, 'vanthutinh');
    expect(await field({ granteeId: elsewhere.officialId, startsOn: today })).toBe('granteeId');
    const count = await t.database.db
      .selectFrom('signing_authorisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('grantee_official_id', '=', elsewhere.officialId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('another agency’s authorisation answers 404', async () => {
    const granted = await giamdoc.post<SigningAuthorisation>(path, {
      granteeId: chuyenvienId,
      startsOn: todayInVietnam(),
    });
    expect(granted.status).toBe(201);
    const chairman = await t.signedIn('lanhdao');
    expect((await chairman.post(`${path}/${granted.body.id}/end`, {})).status).toBe(404);
  });
});
