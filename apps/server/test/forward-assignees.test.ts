import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier, DossierSummary } from '@tinhso/contracts';
import { agencyOf, draftBody } from './dossier-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

// Choosing who handles the next step when forwarding: GET /api/dossiers/:id/assignees lists the
// officials of the step's agency holding its role; forward's assigneeId must be one of them.

let t: TestApp;
let motcua: TestClient;
let chuyenvien: TestClient;
let centreId: string;

interface ErrorBody {
  code: string;
  issues?: { field: string; message: string }[];
}
interface Candidates {
  step: { index: number; name: string; role: string; unit: string } | null;
  agency: { id: string; name: string } | null;
  items: { id: string; name: string; title: string; unit: string | null; isInStepUnit: boolean }[];
}

async function accountOf(username: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('account')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Another leader of Sở Tư pháp than 'giamdoc' (a Phó Giám đốc or the Chánh Văn phòng). */
async function otherJusticeLeader(justiceId: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .select('a.username')
    .where('p.agency_id', '=', justiceId)
    .where('p.position_type', '=', 'pho_giam_doc')
    .where('a.username', '!=', 'giamdoc')
    .executeTakeFirstOrThrow();
  return row.username;
}

/** A paper dossier received at the centre: it waits at the specialist's step of Sở Tư pháp. */
async function atSpecialist(): Promise<Dossier> {
  const body = await draftBody(motcua, centreId);
  const answer = await motcua.post<Dossier>('/api/dossiers/counter', {
    ...body,
    channel: 'counter',
    deliveryMethod: 'counter',
    outcome: { kind: 'receive' },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect(answer.body.currentStep?.role).toBe('chuyen_vien');
  return answer.body;
}

beforeAll(async () => {
  t = await startTestApp();
  motcua = await t.signedIn('motcua');
  chuyenvien = await t.signedIn('chuyenvien');
  centreId = (await agencyOf(t, 'motcua')).id;
});
afterAll(async () => t?.close());

describe('choosing the official for the next step', () => {
  it('lists the leaders of the deciding agency for the approval step, not its specialists or clerks', async () => {
    const dossier = await atSpecialist();
    const answer = await chuyenvien.get<Candidates>(`/api/dossiers/${dossier.id}/assignees`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.step).toMatchObject({ index: 2, role: 'lanh_dao' });
    expect(answer.body.agency?.id).toBe(dossier.currentAgency.id);
    const ids = answer.body.items.map((item) => item.id);
    expect(ids).toContain(await accountOf('giamdoc'));
    expect(ids).toContain(await accountOf(await otherJusticeLeader(dossier.currentAgency.id)));
    expect(ids).not.toContain(await accountOf('chuyenvien'));
    expect(ids).not.toContain(await accountOf('vanthu'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is open only to who may forward the dossier: the desk gets 409, another agency 404', async () => {
    const dossier = await atSpecialist();
    const desk = await motcua.get<ErrorBody>(`/api/dossiers/${dossier.id}/assignees`);
    expect(desk.status).toBe(409);
    expect(desk.body.issues?.[0]?.field).toBe('action');
    const commune = await t.signedIn('canboxa');
    expect((await commune.get(`/api/dossiers/${dossier.id}/assignees`)).status).toBe(404);
    const citizen = await t.signedIn('087099001234');
    expect((await citizen.get(`/api/dossiers/${dossier.id}/assignees`)).status).toBe(403);
  });

  it('refuses an assignee outside the list, naming assigneeId, and leaves the dossier where it was', async () => {
    const dossier = await atSpecialist();
    for (const assigneeId of [
      await accountOf('chuyenvien'),
      await accountOf('motcua'),
      crypto.randomUUID(),
    ]) {
      const answer = await chuyenvien.post<ErrorBody>(`/api/dossiers/${dossier.id}/forward`, { assigneeId });
      expect(answer.status).toBe(400);
      expect(answer.body.issues?.[0]?.field).toBe('assigneeId');
    }
    const after = await chuyenvien.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(after.body.currentStep?.role).toBe('chuyen_vien');
  });

  it('hands the step to the chosen leader, whose "assigned to me" list shows it', async () => {
    const dossier = await atSpecialist();
    const giamdocId = await accountOf('giamdoc');
    const forwarded = await chuyenvien.post<Dossier>(
      `/api/dossiers/${dossier.id}/forward`,
      { note: 'Trình Giám đốc', assigneeId: giamdocId },
      { 'idempotency-key': `forward-${dossier.id}` },
    );
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    expect(forwarded.body.currentStep?.role).toBe('lanh_dao');
    expect(forwarded.body.assignee?.id).toBe(giamdocId);

    const giamdoc = await t.signedIn('giamdoc');
    const mine = await giamdoc.get<{ items: DossierSummary[] }>('/api/dossiers?mine=true&limit=100');
    expect(mine.body.items.map((item) => item.id)).toContain(dossier.id);
    const other = await t.signedIn(await otherJusticeLeader(dossier.currentAgency.id));
    const theirs = await other.get<{ items: DossierSummary[] }>('/api/dossiers?mine=true&limit=100');
    expect(theirs.body.items.map((item) => item.id)).not.toContain(dossier.id);
  });

  it('leaves the step to the unit when nobody is chosen', async () => {
    const dossier = await atSpecialist();
    const forwarded = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/forward`, {});
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.currentStep?.role).toBe('lanh_dao');
    expect(forwarded.body.assignee).toBeNull();
  });
});
