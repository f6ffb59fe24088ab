// Bulk seeding for bench/one-stop.ts: `count` dossiers over the two years before today, in SQL
// (generate_series), with their action log and the daily code sequences, in batches that print
// their progress. The mix follows the demo catalogue: every published procedure version, received
// where its receiving agency kinds allow (the province centre weighted up), decided by its competent
// agency; channels online 55 %, counter 40 %, post 5 %; statuses by age (older dossiers mostly
// returned, the last 30 days still open in part, about one in ten decided late).
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { fmtInt } from './stats.ts';
import { REUSE_SEEDED } from './one-stop-config.ts';

const DAYS = 730;
const BATCH = 50_000;

interface Combo {
  procedureId: string;
  versionId: string;
  receivingId: string;
  receivingCode: string;
  competentId: string;
  weight: number;
}

interface VersionRow {
  procedure_id: string;
  id: string;
  content: {
    receivingAgencyKinds?: string[];
    competentAgencyCode?: string | null;
    competentAgencyKind?: string;
  };
}

async function combos(pool: pg.Pool): Promise<Combo[]> {
  const versions = await pool.query<VersionRow>(
    `select distinct on (procedure_id) procedure_id, id, content from procedure_version
      where status = 'published' order by procedure_id, effective_from desc`,
  );
  const agencies = await pool.query<{ id: string; code: string; kind: string }>(
    `select id, code, kind from agency where effective_to is null or effective_to > current_date`,
  );
  const byCode = new Map(agencies.rows.map((a) => [a.code, a]));
  const out: Combo[] = [];
  for (const v of versions.rows) {
    const kinds = v.content.receivingAgencyKinds ?? [];
    const receivers = agencies.rows.filter((a) => kinds.includes(a.kind));
    const named = v.content.competentAgencyCode ? byCode.get(v.content.competentAgencyCode) : undefined;
    for (const r of receivers) {
      const competent = named ?? (r.kind === v.content.competentAgencyKind ? r : undefined);
      if (!competent) continue;
      // The province centre receives most; each commune a little.
      const weight = r.kind === 'trung_tam_phvhcc' ? 20 : 1;
      out.push({
        procedureId: v.procedure_id,
        versionId: v.id,
        receivingId: r.id,
        receivingCode: r.code,
        competentId: competent.id,
        weight,
      });
    }
  }
  if (out.length === 0) throw new Error('no procedure could be placed: is the demo catalogue seeded?');
  return out;
}

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
  'Ngô',
  'Hồ',
  'Dương',
];
const MIDDLE = [
  'Văn',
  'Thị',
  'Minh',
  'Thanh',
  'Ngọc',
  'Hữu',
  'Quốc',
  'Thu',
  'Đức',
  'Hoàng',
  'Thị Kim',
  'Văn Hải',
];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Hương',
  'Khoa',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quân',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Tuyết',
  'Vy',
];

/**
 * One batch: dossiers lo..hi-1 and their events in one statement. Dossier i is received on the day
 * `i % DAYS` days before yesterday, with the sequence number `i / DAYS + 1` of that day (unique per
 * day, so per agency and day too).
 */
const BATCH_SQL = `
with src as (
  select i,
    (current_date - 1 - (i % ${DAYS})::int) as day,
    (i % ${DAYS}) as age,
    (i / ${DAYS} + 1) as seq,
    ((i * 2654435761) % 4294967296) as h1,
    ((((i * 2654435761) % 4294967296) / 65536) % 100) as r,
    ((i * 2246822519) % 4294967296) as h3
  from generate_series($1::bigint, $2::bigint - 1) as i
), picked as (
  select s.*, c.*,
    case
      when s.age < 30 then case
        when s.r < 5 then 'submitted' when s.r < 35 then 'received' when s.r < 58 then 'in_process'
        when s.r < 63 then 'supplement_requested' when s.r < 80 then 'resolved' when s.r < 95 then 'returned'
        when s.r < 97 then 'not_received' when s.r < 98 then 'withdrawn' else 'stopped' end
      else case
        when s.r < 1 then 'in_process' when s.r < 2 then 'supplement_requested' when s.r < 8 then 'resolved'
        when s.r < 93 then 'returned' when s.r < 96 then 'not_received' when s.r < 98 then 'withdrawn'
        else 'stopped' end
    end as status,
    case when s.h3 % 100 < 55 then 'online' when s.h3 % 100 < 95 then 'counter' else 'post' end as channel,
    ((s.day + time '07:30' + ((s.h3 % 570) * interval '1 minute')) at time zone 'Asia/Ho_Chi_Minh') as submitted_at
  from src s join bench_seed_combo c on c.slot = s.h1 % $3
), shaped as (
  select p.*,
    case when p.status in ('submitted', 'not_received') then null
      else p.submitted_at + ((p.h1 % 90) * interval '1 minute') end as received_at,
    (p.h1 % 100) as late
  from picked p
), final as (
  select sh.*,
    sh.received_at + ((5 + sh.h3 % 11) * interval '1 day') as due_at,
    case when sh.status in ('resolved', 'returned') then least(now(), sh.received_at +
      (case when sh.late < 10 then 18 + sh.h3 % 10 else 1 + sh.h3 % 12 end) * interval '1 day') end as resolved_at
  from shaped sh
), ins as (
  insert into dossier (code, procedure_id, procedure_version_id, channel, status, applicant, applicant_name,
    form_data, fee_amount, delivery_method, delivery_address, receiving_agency_id, competent_agency_id,
    current_agency_id, current_step, step_started_at, step_due_at, submitted_at, received_at, due_at,
    resolved_at, returned_at, ended_at, outcome, delivery_status, sync_status, created_at, updated_at)
  select
    f.receiving_code || '-' || to_char(f.day, 'YYMMDD') || '-' || lpad(f.seq::text, 4, '0'),
    f.procedure_id, f.version_id, f.channel, f.status,
    jsonb_build_object('fullName', n.name, 'personalId', lpad((f.h1 % 1000000000000)::text, 12, '0'),
      'address', 'Số ' || (f.h3 % 200 + 1) || ' đường Lê Lợi', 'phone', '09' || lpad((f.h3 % 100000000)::text, 8, '0')),
    n.name, '{}'::jsonb, 0,
    case when f.channel = 'post' then 'post' when f.channel = 'online' then 'online' else 'counter' end,
    case when f.channel = 'post' then 'Số 1 đường Lê Lợi' end,
    f.receiving_id, f.competent_id,
    case when f.status in ('submitted', 'not_received') then f.receiving_id else f.competent_id end,
    case when f.status in ('received', 'supplement_requested') then 1 when f.status = 'in_process' then 2 end,
    f.received_at, f.received_at + interval '2 days',
    f.submitted_at, f.received_at, f.due_at,
    f.resolved_at,
    case when f.status = 'returned' then f.resolved_at + interval '1 day' end,
    case when f.status = 'not_received' then f.submitted_at + interval '1 hour'
      when f.status in ('withdrawn', 'stopped') then f.received_at + interval '3 days' end,
    case when f.status in ('resolved', 'returned') then case when f.h1 % 20 = 0 then 'refused' else 'approved' end end,
    case when f.status = 'returned' then 'delivered' when f.status = 'resolved' then 'ready' else 'not_ready' end,
    case when f.status = 'submitted' then 'pending' else 'synced' end,
    f.submitted_at, coalesce(f.resolved_at, f.received_at, f.submitted_at)
  from final f
  cross join lateral (select $4::text[] as s, $5::text[] as m, $6::text[] as g) a
  cross join lateral (select a.s[1 + f.h1 % array_length(a.s, 1)] || ' ' || a.m[1 + f.h3 % array_length(a.m, 1)]
    || ' ' || a.g[1 + (f.h1 / 7) % array_length(a.g, 1)] as name) n
  returning id, status, receiving_agency_id, competent_agency_id, submitted_at, received_at, resolved_at,
    returned_at, ended_at
)
insert into dossier_event (dossier_id, at, action, from_status, to_status, actor_label, agency_id, data)
select ins.id, e.at, e.action, e.from_status, e.to_status, 'seed', e.agency_id, '{}'::jsonb
from ins cross join lateral (values
  (1, ins.submitted_at, 'create', null, 'draft', ins.receiving_agency_id),
  (2, ins.submitted_at, 'submit', 'draft', 'submitted', ins.receiving_agency_id),
  (3, coalesce(ins.received_at, ins.ended_at), case when ins.status = 'not_received' then 'refuse' else 'receive' end,
    'submitted', case when ins.status = 'not_received' then 'not_received' else 'received' end, ins.competent_agency_id),
  (4, ins.received_at + interval '1 day', 'forward', 'received', 'in_process', ins.competent_agency_id),
  (5, ins.resolved_at, 'resolve', 'in_process', 'resolved', ins.competent_agency_id),
  (6, ins.returned_at, 'return', 'resolved', 'returned', ins.receiving_agency_id),
  (7, ins.ended_at, case when ins.status = 'stopped' then 'stop' else 'withdraw' end, 'received', ins.status, ins.competent_agency_id)
) as e(k, at, action, from_status, to_status, agency_id)
where e.k <= 2
  or (e.k = 3 and ins.status <> 'submitted')
  or (e.k = 4 and ins.status in ('in_process', 'resolved', 'returned'))
  or (e.k = 5 and ins.status in ('resolved', 'returned'))
  or (e.k = 6 and ins.status = 'returned')
  or (e.k = 7 and ins.status in ('withdrawn', 'stopped'))`;

/** Inserts `count` dossiers in batches of BATCH, printing the progress; returns the events written. */
async function insertDossiers(pool: pg.Pool, count: number, log: (line: string) => void): Promise<number> {
  const list = await combos(pool);
  await pool.query('drop table if exists bench_seed_combo');
  await pool.query(`create table bench_seed_combo (slot bigint primary key, procedure_id uuid, version_id uuid,
    receiving_id uuid, receiving_code text, competent_id uuid)`);
  let slot = 0;
  for (const c of list) {
    for (let w = 0; w < c.weight; w++) {
      await pool.query('insert into bench_seed_combo values ($1, $2, $3, $4, $5, $6)', [
        slot++,
        c.procedureId,
        c.versionId,
        c.receivingId,
        c.receivingCode,
        c.competentId,
      ]);
    }
  }
  const procedures = new Set(list.map((c) => c.procedureId)).size;
  const receivers = new Set(list.map((c) => c.receivingId)).size;
  log(
    `\nseeding ${fmtInt(count)} dossiers over ${DAYS} days: ${procedures} procedures, ${receivers} receiving agencies, ` +
      `${list.length} placements (${slot} weighted slots), batches of ${fmtInt(BATCH)}`,
  );
  const t0 = performance.now();
  const client = await pool.connect();
  let events = 0;
  try {
    // Durability of the bulk load is not what is measured; commits stay cheap.
    await client.query('set synchronous_commit = off');
    for (let lo = 0; lo < count; lo += BATCH) {
      const hi = Math.min(count, lo + BATCH);
      const r = await client.query(BATCH_SQL, [lo, hi, slot, SURNAMES, MIDDLE, GIVEN]);
      events += r.rowCount ?? 0;
      const s = (performance.now() - t0) / 1000;
      const eta = (s / hi) * (count - hi);
      log(
        `  ${fmtInt(hi).padStart(10)} / ${fmtInt(count)} dossiers, ${fmtInt(events)} events, ${s.toFixed(0)} s` +
          ` (${fmtInt(hi / s)}/s, about ${eta.toFixed(0)} s left)`,
      );
    }
    const seq = await client.query(`insert into dossier_sequence (agency_id, day, last)
      select receiving_agency_id, (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, max(right(code, 4)::int)
        from dossier where code is not null and submitted_at < current_date group by 1, 2
      on conflict (agency_id, day) do update set last = greatest(dossier_sequence.last, excluded.last)`);
    const tSeq = (performance.now() - t0) / 1000;
    log(`  ${fmtInt(seq.rowCount ?? 0)} sequence rows, ${tSeq.toFixed(0)} s; analyze…`);
    await client.query('analyze dossier; analyze dossier_event; analyze dossier_sequence');
  } finally {
    client.release();
  }
  await pool.query('drop table if exists bench_seed_combo');
  return events;
}

/**
 * Seeds `count` dossiers, or with --reuse-seeded keeps a database that already holds as many (the
 * seed of an earlier run on the same cluster: seeding a million takes 15 minutes).
 */
export async function seedDossiers(
  pool: pg.Pool,
  count: number,
  log: (line: string) => void,
): Promise<{ report: string; sampleCode: string; seconds: number }> {
  const t0 = performance.now();
  const held = await pool.query<{ n: number }>(`select count(*)::int as n from dossier`);
  const existing = held.rows[0]?.n ?? 0;
  const isReused = REUSE_SEEDED && existing >= count;
  if (isReused) log(`\n--reuse-seeded: the database holds ${fmtInt(existing)} dossiers; not seeding`);
  const events = isReused ? 0 : await insertDossiers(pool, count, log);
  const seconds = (performance.now() - t0) / 1000;
  const sizes = await pool.query<{ d: string; e: string }>(
    `select pg_size_pretty(pg_total_relation_size('dossier')) as d, pg_size_pretty(pg_total_relation_size('dossier_event')) as e`,
  );
  const mix = await pool.query<{ status: string; n: string }>(
    `select status, count(*) as n from dossier group by 1 order by 2 desc`,
  );
  const sample = await pool.query<{ code: string }>(
    `select code from dossier where status = 'returned' and submitted_at < now() - interval '100 days' limit 1`,
  );
  const seeded = isReused
    ? `Reused a database seeded earlier, holding ${fmtInt(existing)} dossiers`
    : `Seeded ${fmtInt(count)} dossiers and ${fmtInt(events)} events in ${seconds.toFixed(0)} s ` +
      `(${fmtInt(count / seconds)} dossiers/s, synchronous_commit off, analyze included)`;
  const report =
    `${seeded}; dossier ${sizes.rows[0]?.d}, ` +
    `dossier_event ${sizes.rows[0]?.e} with indexes. Statuses: ` +
    mix.rows.map((m) => `${m.status} ${fmtInt(Number(m.n))}`).join(', ') +
    '.';
  log(report);
  return { report, sampleCode: sample.rows[0]?.code ?? '', seconds };
}
