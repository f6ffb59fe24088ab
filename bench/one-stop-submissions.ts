// Part of bench/one-stop.ts (the one-stop benchmarks; see the comment at its top).
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { percentile } from './stats.ts';
import { CLIENTS, SUBMIT_SECONDS, LLTP, CEILING_DAY } from './one-stop-config.ts';
import type { Session } from './one-stop-http.ts';

// ---------------------------------------------------------------------------------------------
// 1. submissions

export interface Demo {
  centre: { id: string; code: string };
  motcuaId: string;
  procedureId: string;
  versionId: string;
}

export async function loadDemo(client: pg.Pool): Promise<Demo> {
  const centre = await client.query<{ id: string; code: string; account_id: string }>(
    `select g.id, g.code, a.id as account_id from account a
       join official o on o.account_id = a.id join appointment ap on ap.official_id = o.id
       join position p on p.id = ap.position_id join agency g on g.id = p.agency_id
      where a.username = 'motcua' and ap.kind = 'primary'`,
  );
  const version = await client.query<{ procedure_id: string; id: string }>(
    `select v.procedure_id, v.id from procedure_version v join procedure p on p.id = v.procedure_id
      where p.code = $1 and v.status = 'published' order by v.effective_from desc limit 1`,
    [LLTP],
  );
  const c = centre.rows[0];
  const v = version.rows[0];
  if (!c || !v) throw new Error('demo data missing: motcua or procedure ' + LLTP);
  return {
    centre: { id: c.id, code: c.code },
    motcuaId: c.account_id,
    procedureId: v.procedure_id,
    versionId: v.id,
  };
}

export function counterBody(centreId: string, n: number) {
  return JSON.stringify({
    procedureCode: LLTP,
    receivingAgencyId: centreId,
    applicant: {
      fullName: 'Nguyễn Thị Mai',
      personalId: '087099001234',
      address: 'Số 12 đường Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
      phone: '0912345678',
      email: 'nguyenthimai@example.com',
    },
    formData: {
      nguoiYeuCau: { hoTen: 'Nguyễn Thị Mai', soDinhDanh: '087099001234', soDienThoai: '0912345678' },
      loaiPhieu: 'Phiếu số 1',
      soLuong: 1,
      mucDich: `Bổ sung hồ sơ xin việc ${n}`,
    },
    feeCase: 0,
    channel: 'counter',
    deliveryMethod: 'counter',
    files: [],
    outcome: { kind: 'receive' },
  });
}

export interface LoadFigures {
  perSec: number;
  done: number;
  failed: number;
  p50: number;
  p99: number;
  firstError?: string;
}

/** `clients` loops for `seconds`, each running `once` back to back; latencies of the successful ones. */
export async function closedLoop(
  clients: number,
  seconds: number,
  once: (n: number) => Promise<void>,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let failed = 0;
  let n = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const s = performance.now();
        try {
          await once(n++);
          latencies.push(performance.now() - s);
        } catch (error) {
          failed++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    perSec: latencies.length / elapsed,
    done: latencies.length,
    failed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    ...(firstError ? { firstError } : {}),
  };
}

export async function submitOnce(base: string, session: Session, centreId: string, n: number, run: string) {
  const res = await fetch(`${base}/api/dossiers/counter`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'idempotency-key': `bench-${run}-${n}`,
    },
    body: counterBody(centreId, n),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/dossiers/counter ${res.status}: ${text.slice(0, 300)}`);
}

export const COUNTED = [
  'dossier',
  'dossier_event',
  'audit_event',
  'outbox',
  'notification',
  'idempotency_key',
  'fee_invoice',
] as const;

export async function counts(pool: pg.Pool): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of COUNTED) {
    const r = await pool.query<{ n: string }>(`select count(*) as n from ${t}`);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

/**
 * The ceiling: the rows one counter receipt writes, as plain inserts in one transaction through
 * node-postgres. Audit and outbox rows go to copies of their tables (same columns and indexes, no
 * hash chain, not seen by the server's outbox worker); the rest to the real tables (foreign keys
 * checked). The sequence row of a day of its own (CEILING_DAY) is bumped in a statement of its own
 * before the transaction, as the server does for today's counter receipts.
 */
export async function ceilingRun(pool: pg.Pool, demo: Demo, rows: Record<string, number>, run: string) {
  const events = Math.max(1, Math.round(rows.dossier_event ?? 3));
  const audits = Math.max(1, Math.round(rows.audit_event ?? 3));
  // outbox, notification and fee invoice rows, all written as rows of the outbox copy
  const others = Math.max(
    0,
    Math.round((rows.outbox ?? 2) + (rows.notification ?? 0) + (rows.fee_invoice ?? 0)),
  );
  const applicant = JSON.parse(counterBody(demo.centre.id, 0)) as { applicant: unknown; formData: unknown };
  return closedLoop(CLIENTS, SUBMIT_SECONDS, async (n) => {
    const client = await pool.connect();
    try {
      // The number first, committed at once, as the server takes it (ADR 0013).
      const seq = await client.query<{ last: number }>(
        `insert into dossier_sequence (agency_id, day, last) values ($1, $2, 1)
         on conflict (agency_id, day) do update set last = dossier_sequence.last + 1 returning last`,
        [demo.centre.id, CEILING_DAY],
      );
      await client.query('begin');
      const code = `${demo.centre.code}-991231-${seq.rows[0]!.last}`;
      const now = new Date();
      const d = await client.query<{ id: string }>(
        `insert into dossier (code, procedure_id, procedure_version_id, channel, status, applicant, applicant_name,
           form_data, fee_case, fee_amount, delivery_method, receiving_agency_id, competent_agency_id,
           current_agency_id, current_step, step_started_at, step_due_at, submitted_at, received_at, due_at, created_by)
         values ($1, $2, $3, 'counter', 'received', $4, 'Nguyễn Thị Mai', $5, 0, 200000, 'counter', $6, $6, $6, 1,
           $7, $7, $7, $7, $7, $8) returning id`,
        [
          code,
          demo.procedureId,
          demo.versionId,
          JSON.stringify(applicant.applicant),
          JSON.stringify(applicant.formData),
          demo.centre.id,
          now,
          demo.motcuaId,
        ],
      );
      const id = d.rows[0]!.id;
      // One statement per table, its rows together: the fewest round trips these writes can take.
      await client.query(
        `insert into dossier_event (dossier_id, at, action, from_status, to_status, actor_account_id, actor_label, agency_id, data)
         select $1, $2, a, 'draft', 'received', $3, 'motcua', $4, '{}' from unnest($5::text[]) as a`,
        [
          id,
          now,
          demo.motcuaId,
          demo.centre.id,
          Array.from({ length: events }, (_, e) => ['create', 'submit', 'receive'][e % 3]),
        ],
      );
      await client.query(
        `insert into bench_audit_event (seq, occurred_at, type, actor_account_id, actor_label, entity_type, entity_id,
           agency_id, data, prev_hash, hash)
         select nextval('bench_audit_seq'), $1, 'dossier.changed', $2, 'motcua', 'dossier', $3, $4, $5, $6, $3 || '-' || k
           from generate_series(1, $7::int) as k`,
        [
          now,
          demo.motcuaId,
          id,
          demo.centre.id,
          JSON.stringify({ action: 'receive', from: 'submitted', to: 'received', code }),
          '0'.repeat(64),
          audits,
        ],
      );
      await client.query(
        `insert into bench_outbox (topic, payload) select 'dvcqg.sync', jsonb_build_object('dossierId', $1::text, 'n', k)
           from generate_series(1, $2::int) as k`,
        [id, others],
      );
      await client.query(
        `insert into idempotency_key (key, account_id, request_hash, status_code, response) values ($1, $2, $3, 200, $4)`,
        [`ceiling-${run}-${n}`, demo.motcuaId, '0'.repeat(64), JSON.stringify({ id, code })],
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
}

export async function dropCeilingRows(pool: pg.Pool, demo: Demo) {
  await pool.query(
    `delete from dossier_event where dossier_id in (select id from dossier where code like '%-991231-%')`,
  );
  await pool.query(`delete from dossier where code like '%-991231-%'`);
  await pool.query(`delete from dossier_sequence where day = $1`, [CEILING_DAY]);
  await pool.query(`delete from idempotency_key where key like 'ceiling-%'`);
  await pool.query(
    `drop table if exists bench_audit_event, bench_outbox; drop sequence if exists bench_audit_seq`,
  );
  void demo;
}
