import type { Transaction } from 'kysely';
import { systemActor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { recordEvent } from '../audit/record-event.ts';
import { hashPassword } from '../identity/password.ts';
import { demoProvince, MERGER_DATE } from './demo/demo-province.ts';
import type { DemoProvince } from './demo/types.ts';

/** The demo accounts' password, printed in the README. */
export const DEMO_PASSWORD = 'TinhSo@2026';
/** Illustrative start of the pre-2025 units: their real founding dates are not part of the demo. */
const HISTORY_START = '2004-01-01';

export type SeedProgress = (step: string, done: number, total: number) => void;

async function hashAll(passwords: number, onProgress: SeedProgress): Promise<string[]> {
  const hashes: string[] = [];
  for (let start = 0; start < passwords; start += 8) {
    const batch = Array.from({ length: Math.min(8, passwords - start) }, () => hashPassword(DEMO_PASSWORD));
    hashes.push(...(await Promise.all(batch)));
    onProgress('passwords', hashes.length, passwords);
  }
  return hashes;
}

async function insertAdminUnits(tx: Transaction<DB>, data: DemoProvince): Promise<Map<string, string>> {
  const ids = new Map<string, string>(); // 'former:code' or 'current:code' → id
  const add = async (
    key: string,
    unit: {
      code: string;
      name: string;
      level: 'province' | 'district' | 'commune';
      parent: string | null;
      from: string;
      to: string | null;
    },
  ) => {
    const row = await tx
      .insertInto('admin_unit')
      .values({
        code: unit.code,
        name: unit.name,
        level: unit.level,
        parent_id: unit.parent ? ids.get(unit.parent)! : null,
        effective_from: unit.from,
        effective_to: unit.to,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(key, row.id);
  };
  for (const p of data.formerProvinces)
    await add(`fp:${p.code}`, {
      ...p,
      level: 'province',
      parent: null,
      from: HISTORY_START,
      to: MERGER_DATE,
    });
  for (const d of data.formerDistricts)
    await add(`fd:${d.code}`, {
      ...d,
      level: 'district',
      parent: `fp:${d.provinceCode}`,
      from: HISTORY_START,
      to: MERGER_DATE,
    });
  for (const c of data.formerCommunes)
    await add(`fc:${c.code}`, {
      ...c,
      level: 'commune',
      parent: `fd:${c.districtCode}`,
      from: HISTORY_START,
      to: MERGER_DATE,
    });
  await add('province', { ...data.province, level: 'province', parent: null, from: MERGER_DATE, to: null });
  for (const c of data.communes)
    await add(`c:${c.code}`, { ...c, level: 'commune', parent: 'province', from: MERGER_DATE, to: null });
  const successions = [
    ...data.formerProvinces.map((p) => ({
      predecessor_id: ids.get(`fp:${p.code}`)!,
      successor_id: ids.get('province')!,
    })),
    ...data.communes.flatMap((c) =>
      c.formedFrom.map((code) => ({
        predecessor_id: ids.get(`fc:${code}`)!,
        successor_id: ids.get(`c:${c.code}`)!,
      })),
    ),
  ];
  await tx
    .insertInto('admin_unit_succession')
    .values(successions.map((s) => ({ ...s, effective_date: MERGER_DATE })))
    .execute();
  return ids;
}

async function insertAgencies(tx: Transaction<DB>, data: DemoProvince, unitIds: Map<string, string>) {
  const agencyIds = new Map<string, string>();
  const orgUnitIds = new Map<string, string>(); // `${agencyCode}|${unit}` → id
  // Parents first: the data lists UBND tỉnh before the agencies under it, but do not rely on it.
  const pending = [...data.agencies];
  while (pending.length) {
    const index = pending.findIndex(
      (agency) => agency.parentCode === null || agencyIds.has(agency.parentCode),
    );
    if (index < 0)
      throw new Error(`demo agencies with unknown parents: ${pending.map((a) => a.code).join(', ')}`);
    const agency = pending.splice(index, 1)[0]!;
    const row = await tx
      .insertInto('agency')
      .values({
        code: agency.code,
        name: agency.name,
        short_name: agency.shortName,
        kind: agency.kind,
        level: agency.level,
        parent_id: agency.parentCode ? agencyIds.get(agency.parentCode)! : null,
        admin_unit_id: agency.communeCode
          ? unitIds.get(`c:${agency.communeCode}`)!
          : unitIds.get('province')!,
        effective_from: MERGER_DATE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    agencyIds.set(agency.code, row.id);
    if (agency.units.length) {
      const units = await tx
        .insertInto('org_unit')
        .values(agency.units.map((name) => ({ agency_id: row.id, name })))
        .returning(['id', 'name'])
        .execute();
      for (const unit of units) orgUnitIds.set(`${agency.code}|${unit.name}`, unit.id);
    }
  }
  return { agencyIds, orgUnitIds };
}

/**
 * Loads the demo province (Tỉnh Đồng Tháp after the 2025 merger): administrative units with their
 * history, agencies, units, positions, about a hundred officials and some citizens, all with the
 * password DEMO_PASSWORD. Does nothing when agencies already exist. One transaction: all or nothing.
 */
export async function seedDemo(db: Db, onProgress: SeedProgress = () => {}): Promise<{ seeded: boolean }> {
  const existing = await db.selectFrom('agency').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false };
  const data = demoProvince;
  const hashes = await hashAll(data.officials.length + data.citizens.length, onProgress);
  await db.transaction().execute(async (tx) => {
    const unitIds = await insertAdminUnits(tx, data);
    onProgress('administrative units', unitIds.size, unitIds.size);
    const { agencyIds, orgUnitIds } = await insertAgencies(tx, data, unitIds);
    onProgress('agencies', agencyIds.size, data.agencies.length);
    const positionIds = new Map<string, string>();
    let done = 0;
    for (const person of data.officials) {
      const account = await tx
        .insertInto('account')
        .values({
          kind: 'official',
          username: person.username,
          display_name: person.fullName,
          email: person.email,
          phone: person.phone,
          password_hash: hashes[done]!,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const official = await tx
        .insertInto('official')
        .values({
          account_id: account.id,
          full_name: person.fullName,
          email: person.email,
          phone: person.phone,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const post of person.appointments) {
        const key = `${post.agencyCode}|${post.unit ?? ''}|${post.positionType}|${post.title}`;
        let positionId = positionIds.get(key);
        if (!positionId) {
          const position = await tx
            .insertInto('position')
            .values({
              agency_id: agencyIds.get(post.agencyCode)!,
              org_unit_id: post.unit ? orgUnitIds.get(`${post.agencyCode}|${post.unit}`)! : null,
              position_type: post.positionType,
              title: post.title,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          positionId = position.id;
          positionIds.set(key, positionId);
        }
        await tx
          .insertInto('appointment')
          .values({
            official_id: official.id,
            position_id: positionId,
            kind: post.kind,
            starts_on: post.startsOn,
          })
          .execute();
      }
      done += 1;
      if (done % 10 === 0 || done === data.officials.length)
        onProgress('officials', done, data.officials.length);
    }
    await tx
      .insertInto('account')
      .values(
        data.citizens.map((citizen, index) => ({
          kind: 'citizen' as const,
          username: citizen.personalId,
          display_name: citizen.fullName,
          personal_id: citizen.personalId,
          phone: citizen.phone,
          email: citizen.email,
          password_hash: hashes[data.officials.length + index]!,
        })),
      )
      .execute();
    onProgress('citizens', data.citizens.length, data.citizens.length);
    await recordEvent(tx, systemActor('seed'), {
      type: 'demo.seeded',
      entityType: 'system',
      entityId: 'demo',
      data: { agencies: agencyIds.size, officials: data.officials.length, citizens: data.citizens.length },
    });
  });
  return { seeded: true };
}
