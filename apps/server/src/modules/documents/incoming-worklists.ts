import { sql } from 'kysely';
import type {
  FollowUpBook,
  FollowUpQuery,
  IncomingStatus,
  MyIncomingItem,
  MyIncomingList,
  IncomingWorklistQuery,
} from '@tinhso/contracts';
import type { Principal } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import type { AgencyScope } from '../../platform/scope.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { postsOf } from './incoming-access.ts';
import './incoming-tables.ts';
import { dueStateOf } from './incoming-workflow.ts';
import './tables.ts';

const ROLE_ORDER = { lead: 0, cooperate: 1, inform: 2 } as const;
const OPEN: IncomingStatus[] = ['assigned', 'in_progress'];

const inReach = (scope: AgencyScope) => (scope.all ? null : scope.agencyIds);

interface Candidate {
  id: string;
  year: number;
  arrival_number: number;
  number_symbol: string;
  issuer_name: string;
  summary: string;
  urgency: MyIncomingItem['urgency'];
  status: IncomingStatus;
  role: MyIncomingItem['role'];
  due_on: string | null;
}

function toItem(row: Candidate, today: string, dueSoonDays: number): MyIncomingItem {
  const dueState = dueStateOf(row.due_on, today, dueSoonDays, row.status);
  return {
    id: row.id,
    year: row.year,
    arrivalNumber: row.arrival_number,
    numberSymbol: row.number_symbol,
    issuerName: row.issuer_name,
    summary: row.summary,
    urgency: row.urgency,
    status: row.status,
    role: row.role,
    dueOn: row.due_on,
    dueState,
    isOverdue: dueState === 'overdue',
    isDueSoon: dueState === 'due_soon',
  };
}

/** Earliest deadline first, those without one last; then the most urgent; then by số đến. */
function byDue(a: MyIncomingItem, b: MyIncomingItem): number {
  if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1;
  return a.year - b.year || a.arrivalNumber - b.arrivalNumber;
}

const DOCUMENT_COLUMNS = [
  'd.id',
  'd.year',
  'd.arrival_number',
  'd.number_symbol',
  'd.issuer_name',
  'd.summary',
  'd.urgency',
  'd.status',
] as const;

/**
 * "My documents": what waits for me, earliest deadline first: documents submitted to me for an
 * instruction, and the open ones assigned to me or to my unit while it has named nobody (lead or
 * co-operator while the handling runs; informed until I have read it).
 */
export async function listMyIncoming(
  db: Db,
  principal: Principal,
  query: IncomingWorklistQuery,
): Promise<MyIncomingList> {
  const today = todayInVietnam();
  const units = (await postsOf(db, principal.accountId)).flatMap((post) =>
    post.orgUnitId ? [post.orgUnitId] : [],
  );
  const assigned = await db
    .selectFrom('incoming_assignment as s')
    .innerJoin('incoming_document as d', 'd.id', 's.document_id')
    .select([...DOCUMENT_COLUMNS, 's.role', sql<string | null>`coalesce(s.due_on, d.due_on)`.as('due_on')])
    .where((eb) =>
      eb.or([
        eb('s.account_id', '=', principal.accountId),
        ...(units.length > 0
          ? [eb.and([eb('s.account_id', 'is', null), eb('s.org_unit_id', 'in', units)])]
          : []),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb.and([eb('s.role', 'in', ['lead', 'cooperate']), eb('d.status', 'in', OPEN)]),
        eb.and([
          eb('s.role', '=', 'inform'),
          eb('s.read_at', 'is', null),
          eb('d.status', 'not in', ['returned', 'recalled']),
        ]),
      ]),
    )
    .execute();
  const submitted = await db
    .selectFrom('incoming_document as d')
    .select([...DOCUMENT_COLUMNS, sql<null>`null`.as('role'), 'd.deadline_on as due_on'])
    .where('d.submitted_to', '=', principal.accountId)
    .where('d.status', '=', 'submitted')
    .execute();
  const best = new Map<string, Candidate>();
  for (const row of [...submitted, ...assigned] as Candidate[]) {
    const known = best.get(row.id);
    if (!known || (row.role && (!known.role || ROLE_ORDER[row.role] < ROLE_ORDER[known.role])))
      best.set(row.id, row);
  }
  const dueSoonDays = await getSetting(db, 'document.dueSoonDays', today);
  const items = [...best.values()].map((row) => toItem(row, today, dueSoonDays)).sort(byDue);
  const offset = query.offset ?? 0;
  return { items: items.slice(offset, offset + (query.limit ?? 50)), total: items.length };
}

/** Documents of the agencies in reach whose handling deadline has passed, most overdue first. */
export async function listOverdueIncoming(
  db: Db,
  scope: AgencyScope,
  query: IncomingWorklistQuery,
): Promise<MyIncomingList> {
  const today = todayInVietnam();
  const agencyIds = inReach(scope);
  if (agencyIds !== null && agencyIds.length === 0) return { items: [], total: 0 };
  const filtered = db
    .selectFrom('incoming_document as d')
    .where('d.status', 'in', OPEN)
    .where('d.due_on', '<', today)
    .$if(agencyIds !== null, (q) => q.where('d.agency_id', 'in', agencyIds!));
  const [rows, count] = await Promise.all([
    filtered
      .select([...DOCUMENT_COLUMNS, sql<null>`null`.as('role'), 'd.due_on'])
      .orderBy('d.due_on')
      .orderBy('d.year')
      .orderBy('d.arrival_number')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const dueSoonDays = await getSetting(db, 'document.dueSoonDays', today);
  return {
    items: (rows as Candidate[]).map((row) => toItem(row, today, dueSoonDays)),
    total: Number(count.n),
  };
}

const STATUS_VI: Record<IncomingStatus, string> = {
  registered: 'Đã đăng ký',
  submitted: 'Chờ ý kiến chỉ đạo',
  assigned: 'Đã phân công',
  in_progress: 'Đang giải quyết',
  done: 'Đã giải quyết',
  closed: 'Đã kết thúc',
  returned: 'Đã trả lại',
  recalled: 'Đã bị thu hồi',
};
const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * Sổ theo dõi giải quyết văn bản đến (NĐ 30/2020 Phụ lục IV): the documents of one agency and year
 * that were given to someone to handle, by số đến, in the book's seven columns.
 */
export async function followUpBook(db: Db, agencyId: string, query: FollowUpQuery): Promise<FollowUpBook> {
  const today = todayInVietnam();
  const filtered = db
    .selectFrom('incoming_document as d')
    .where('d.agency_id', '=', agencyId)
    .where('d.year', '=', query.year)
    .where('d.due_on', 'is not', null);
  const [rows, count] = await Promise.all([
    filtered
      .innerJoin('document_type as t', 't.code', 'd.type_code')
      .select([
        'd.id',
        'd.arrival_number',
        'd.number_symbol',
        'd.issued_on',
        'd.issuer_name',
        'd.status',
        'd.due_on',
        'd.reply_reference',
        'd.updated_at',
        't.name_vi as type_name',
        sql<string>`coalesce((
          select string_agg(coalesce(a.display_name, u.name) || ' (' || case s.role when 'lead' then 'chủ trì' when 'cooperate' then 'phối hợp' else 'để biết' end || ')', '; ' order by s.role <> 'lead', s.role, s.assigned_at)
          from incoming_assignment s left join account a on a.id = s.account_id left join org_unit u on u.id = s.org_unit_id
          where s.document_id = d.id), '')`.as('handled_by'),
        sql<
          string | null
        >`(select x.note from incoming_action x where x.document_id = d.id and x.action in ('progress', 'complete') order by x.id desc limit 1)`.as(
          'last_note',
        ),
      ])
      .orderBy('d.arrival_number')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => {
      const isLate = row.due_on !== null && OPEN.includes(row.status) && row.due_on < today;
      return {
        id: row.id,
        arrivalNumber: row.arrival_number,
        document: `${row.type_name} số ${row.number_symbol} ngày ${dmy(row.issued_on)} của ${row.issuer_name}`,
        handledBy: row.handled_by,
        dueOn: row.due_on,
        progress: row.last_note ? `${STATUS_VI[row.status]}: ${row.last_note}` : STATUS_VI[row.status],
        replyReference: row.reply_reference,
        remarks: isLate ? 'Quá hạn' : '',
      };
    }),
    total: Number(count.n),
  };
}
