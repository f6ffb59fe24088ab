// Search over 1,000,000 incoming documents (issue 4, "search p95 with 1,000,000 documents"):
//
//   figure   listIncoming() with `q`: the register’s page (50 rows, latest số đến first) and its total
//            counted up to 1,000, through Kysely, as GET /api/documents/incoming?q=… runs it (no HTTP)
//   ceiling  the raw SQL of the same page query alone, over node-postgres (no count, no query builder)
//
// The documents match with or without diacritics in the summary, issuer, number and symbol, and the
// text extracted from the scan (stored unaccented in `search_text`, one trigram index after the agency,
// migration 0026). A database `tinhso_bench_documents`
// is created at DATABASE_URL (PostgreSQL only: 1M rows), loaded with generate_series (the trigram
// indexes are dropped during the load and rebuilt after, as a bulk import would), and dropped at the end
// unless BENCH_KEEP=1. Prints a table and appends it to bench/results/latest.md.
//
//   DATABASE_URL=postgres://… npx node bench/documents-search.ts   [BENCH_DOCUMENTS=1000000 BENCH_QUERIES=200]
//   (BENCH_KEEP=1 keeps the database; BENCH_REUSE=1 then measures over it again without loading)
import { appendFileSync, mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { listIncoming, openDatabase, runMigrations } from '@tinhso/server';
import { percentile } from './stats.ts';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const AGENCIES = 20;
const DATABASE = 'tinhso_bench_documents';

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) throw new Error('DATABASE_URL must name a PostgreSQL server (1M rows are not for PGlite)');
const url = new URL(baseUrl);
url.pathname = `/${DATABASE}`;

// What people type: words without marks, a number and symbol, a word of the scan's text only.
const SEARCHES = [
  'quy hoach su dung dat',
  'phong chong thien tai',
  'chuyen doi so',
  'tuyen dung vien chuc',
  'Ủy ban nhân dân xã',
  'ke hoach kiem tra',
  'cai cach hanh chinh',
  '4521/UBND',
  '987654/',
  'ngan sach nha nuoc',
  'dich benh gia cam',
  'xay dung nong thon moi',
  'tiep cong dan',
  'thu tuc hanh chinh',
  'ban giao tai san',
];

async function load(admin: pg.Client): Promise<void> {
  await admin.query(`drop database if exists ${DATABASE}`);
  await admin.query(`create database ${DATABASE}`);
  const database = await openDatabase({
    databaseUrl: url.toString(),
    pgliteDataDir: 'memory://',
    poolMax: 4,
  });
  try {
    const db = database.db;
    await runMigrations(db);
    const started = performance.now();
    await sql`insert into agency (code, name, kind, level)
      select format('999.%s.99.K99', lpad(n::text, 2, '0')), 'Sở Bench ' || n, 'so', 'province'
      from generate_series(1, ${AGENCIES}) n`.execute(db);
    await sql`insert into account (kind, username, display_name, password_hash)
      values ('official', 'bench-clerk', 'Văn thư bench', 'x')`.execute(db);
    // The trigram indexes are dropped during the load and rebuilt after, as a bulk import would.
    const indexes = await sql<{ name: string; def: string }>`select indexname as name, indexdef as def
      from pg_indexes where tablename = 'incoming_document' and indexdef like '%gin_trgm_ops%'`.execute(db);
    for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
    // 1M rows in one statement: summaries and texts composed from Vietnamese phrases by the row number.
    await sql`
      with agencies as (select array_agg(id order by code) as ids from agency where code like '999.%'),
           clerk as (select id from account where username = 'bench-clerk'),
           words as (select
             array['quy hoạch sử dụng đất', 'phòng chống thiên tai', 'chuyển đổi số', 'tuyển dụng viên chức',
                   'kế hoạch kiểm tra', 'cải cách hành chính', 'ngân sách nhà nước', 'dịch bệnh gia cầm',
                   'xây dựng nông thôn mới', 'tiếp công dân', 'thủ tục hành chính', 'bàn giao tài sản',
                   'an toàn giao thông', 'bảo vệ môi trường', 'giáo dục nghề nghiệp', 'khuyến công'] as topic,
             array['Ủy ban nhân dân tỉnh', 'Bộ Tư pháp', 'Sở Tài chính', 'Ủy ban nhân dân xã Mỹ Phong',
                   'Văn phòng Chính phủ', 'Bộ Nội vụ', 'Sở Xây dựng', 'Công an tỉnh'] as issuer,
             array['UBND-VP', 'BTP-VP', 'STC-NS', 'UBND', 'VPCP-KSTT', 'BNV-TCBC', 'SXD-QH', 'CAT-PV01'] as symbol)
      insert into incoming_document (agency_id, year, arrival_number, received_at, issuer_name, number_symbol,
        issued_on, type_code, summary, urgency, confidentiality, registered_by, status, body_text)
      select a.ids[1 + n % ${AGENCIES}], 2020 + (n / ${AGENCIES}) % 7, 1 + n / (${AGENCIES} * 7),
        timestamptz '2020-01-02 08:00+07' + make_interval(days => n % 2500),
        w.issuer[1 + n % 8], (n % 9999 + 1) || '/' || w.symbol[1 + (n / 7) % 8],
        date '2020-01-01' + n % 2500, 'cong_van',
        'Về việc ' || w.topic[1 + n % 16] || ' và ' || w.topic[1 + (n / 16) % 16] || ' đợt ' || (n % 12 + 1),
        (array['thuong', 'thuong', 'thuong', 'khan'])[1 + n % 4], 'thuong', c.id,
        (array['registered', 'assigned', 'in_progress', 'done', 'closed'])[1 + n % 5],
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc. Kính gửi các cơ quan, đơn vị. Thực hiện chỉ đạo về '
          || w.topic[1 + (n / 3) % 16] || ', đề nghị các đơn vị triển khai ' || w.topic[1 + (n / 5) % 16]
          || ' và báo cáo kết quả ' || w.topic[1 + (n / 11) % 16] || ' trước ngày ' || (n % 28 + 1) || ' tháng '
          || (n % 12 + 1) || '. Nơi nhận: như trên; lưu VT. Mã ' || md5(n::text)
      from generate_series(0, ${DOCUMENTS - 1}) n, agencies a, clerk c, words w`.execute(db);
    const loaded = performance.now();
    await sql`set maintenance_work_mem = '512MB'`.execute(db);
    for (const index of indexes.rows) await sql.raw(index.def).execute(db);
    await sql`analyze incoming_document`.execute(db);
    console.log(
      `loaded ${DOCUMENTS.toLocaleString('en')} documents in ${((loaded - started) / 1000).toFixed(1)} s, trigram indexes built in ${((performance.now() - loaded) / 1000).toFixed(1)} s`,
    );
  } finally {
    await database.close();
  }
}

async function measure(): Promise<{ figure: number[]; ceiling: number[]; agencyRows: number }> {
  const database = await openDatabase({
    databaseUrl: url.toString(),
    pgliteDataDir: 'memory://',
    poolMax: 4,
  });
  const raw = new pg.Client({ connectionString: url.toString() });
  await raw.connect();
  try {
    const db = database.db;
    const agency = await db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', '999.01.99.K99')
      .executeTakeFirstOrThrow();
    const scope = { all: false as const, agencyIds: [agency.id] };
    const agencyRows = Number(
      (
        await raw.query<{ n: string }>('select count(*) n from incoming_document where agency_id = $1', [
          agency.id,
        ])
      ).rows[0]?.n,
    );
    const figure: number[] = [];
    const ceiling: number[] = [];
    for (let i = 0; i < QUERIES; i += 1) {
      const q = SEARCHES[i % SEARCHES.length]!;
      let t0 = performance.now();
      await listIncoming(db, scope, { q, limit: 50 });
      figure.push(performance.now() - t0);
      t0 = performance.now();
      await raw.query(
        `select d.*, t.name_vi from incoming_document d join document_type t on t.code = d.type_code
         where d.agency_id = any($1::uuid[])
           and d.search_text like '%' || f_unaccent($2) || '%'
         order by d.year desc, d.arrival_number desc, d.agency_id limit 50`,
        [[agency.id], q],
      );
      ceiling.push(performance.now() - t0);
    }
    return { figure, ceiling, agencyRows };
  } finally {
    await raw.end();
    await database.close();
  }
}

const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
try {
  const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
  // BENCH_REUSE=1 measures again over a database an earlier BENCH_KEEP=1 run left behind.
  if (process.env.BENCH_REUSE === '1' && exists.rowCount === 1) console.log(`reusing ${DATABASE}`);
  else await load(admin);
  const { figure, ceiling, agencyRows } = await measure();
  const row = (label: string, samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return `| ${label} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`;
  };
  const table = [
    `### Documents search, ${DOCUMENTS.toLocaleString('en')} incoming documents (${new Date().toISOString()})`,
    '',
    `${QUERIES} searches over one agency's register (${agencyRows.toLocaleString('en')} of its documents), ${SEARCHES.length} phrases in turn, ms:`,
    '',
    '| query | p50 | p95 | p99 |',
    '|---|---|---|---|',
    row('listIncoming (page + total counted to 1,000, Kysely)', figure),
    row('ceiling: raw SQL of the page query', ceiling),
    '',
  ].join('\n');
  console.log(table);
  mkdirSync('bench/results', { recursive: true });
  appendFileSync('bench/results/latest.md', `\n${table}\n`);
} finally {
  if (process.env.BENCH_KEEP !== '1') await admin.query(`drop database if exists ${DATABASE}`);
  await admin.end();
}
