import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DOSSIER_STATUSES, LIMITS, type DossierSummary } from '@tinhso/contracts';
import { DossierList, ProcedureList } from '../../../api/back-office.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { SelectField, TextField } from '../../../components/form-fields.tsx';
import { Pager } from '../../../components/pager.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { formText } from '../../../lib/form-data.ts';
import { DaysLeft, DueCell, StatusBadge } from './dossier-labels.tsx';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'procedureCode', 'status', 'urgency', 'receivedFrom', 'receivedTo'] as const;
const URGENCIES = ['overdue', 'due_soon'] as const;

/** How many dossiers are overdue and due soon in the current tab, as two bars with their numbers. */
function DeadlineBars({ mine }: { mine: boolean }) {
  const { t } = useTranslation();
  const query = { mine: mine || undefined, limit: 1 };
  const overdue = useApi(DossierList, '/api/dossiers', { ...query, urgency: 'overdue' });
  const dueSoon = useApi(DossierList, '/api/dossiers', { ...query, urgency: 'due_soon' });
  if (overdue.data === undefined || dueSoon.data === undefined) return null;
  const counts = { overdue: overdue.data.total, due_soon: dueSoon.data.total };
  const largest = Math.max(counts.overdue, counts.due_soon, 1);
  return (
    <section aria-labelledby="deadline-bars" className="panel">
      <h2 id="deadline-bars">{t('dossiers.summaryTitle')}</h2>
      <div className="bo-deadline-bars">
        {URGENCIES.map((urgency) => {
          const count = counts[urgency];
          const label =
            urgency === 'overdue'
              ? t('dossiers.summaryOverdue', { count })
              : t('dossiers.summaryDueSoon', { count });
          return (
            <div className="bo-deadline-bars__row" key={urgency}>
              <Link
                to={`?${new URLSearchParams({ ...(mine ? {} : { scope: 'agency' }), urgency }).toString()}`}
              >
                <span aria-hidden="true">{urgency === 'overdue' ? '■ ' : '▲ '}</span>
                {label}
              </Link>
              <span
                aria-hidden="true"
                className={`bo-deadline-bars__bar bo-deadline-bars__bar--${urgency}`}
                style={{ width: `${String(Math.round((count / largest) * 100))}%` }}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}

export function WorklistPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('dossiers.title'));
  const mine = params.get('scope') !== 'agency';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const dossiers = useApi(DossierList, '/api/dossiers', {
    ...filters,
    mine: mine || undefined,
    limit: PAGE_SIZE,
    offset,
  });
  const procedures = useApi(ProcedureList, '/api/procedures', { limit: LIMITS.pageSizeMax });

  const columns: Column<DossierSummary>[] = [
    {
      key: 'code',
      header: t('dossiers.code'),
      cell: (row) => (
        <Link to={`/workspace/dossiers/${row.id}`} className="code">
          {row.code ?? t('dossiers.noCode')}
        </Link>
      ),
    },
    {
      key: 'procedure',
      header: t('dossiers.procedure'),
      cell: (row) => `${row.procedureCode} ${row.procedureName}`,
    },
    { key: 'applicant', header: t('dossiers.applicant'), cell: (row) => row.applicantName },
    {
      key: 'step',
      header: t('dossiers.step'),
      cell: (row) => (
        // One element: on a phone the cell is a grid of its label and its content.
        <div>
          <StatusBadge status={row.status} />
          {row.currentStepName ? <div>{row.currentStepName}</div> : null}
          <div>{row.currentAgency.name}</div>
          {row.overdueConsultation ? (
            <div>
              <span className="bo-urgency bo-urgency--overdue">
                <span aria-hidden="true" className="bo-urgency__icon">
                  ■{' '}
                </span>
                {t('dossiers.overdueConsultation')}
              </span>
            </div>
          ) : null}
          {row.assignee ? (
            <div>
              {t('dossiers.detail.assignee')}: {row.assignee.name}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'due',
      header: t('dossiers.dueAt'),
      cell: (row) => <DueCell dueAt={row.dueAt} urgency={row.urgency} />,
    },
    {
      key: 'left',
      header: t('dossiers.daysLeft'),
      cell: (row) => (row.dueAt ? <DaysLeft dueAt={row.dueAt} /> : ''),
    },
  ];

  const tab = (isMine: boolean) => {
    const next = new URLSearchParams();
    if (!isMine) next.set('scope', 'agency');
    return `?${next.toString()}`;
  };

  return (
    <>
      <h1>{t('dossiers.title')}</h1>
      <nav aria-label={t('dossiers.tabs')}>
        <ul className="bo-tabs">
          <li>
            <Link to={tab(true)} aria-current={mine ? 'page' : undefined}>
              {t('dossiers.tabMine')}
            </Link>
          </li>
          <li>
            <Link to={tab(false)} aria-current={mine ? undefined : 'page'}>
              {t('dossiers.tabAgency')}
            </Link>
          </li>
        </ul>
      </nav>
      <DeadlineBars mine={mine} />
      <form
        key={params.toString()}
        role="search"
        aria-label={t('dossiers.filters')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          if (!mine) next.set('scope', 'agency');
          for (const name of FILTERS) {
            const value = formText(form, name);
            if (value) next.set(name, value);
          }
          setParams(next);
        }}
      >
        <TextField
          name="q"
          type="search"
          label={t('dossiers.search')}
          hint={t('dossiers.searchHint')}
          defaultValue={filters.q}
          required={false}
        />
        <SelectField
          name="procedureCode"
          label={t('dossiers.procedure')}
          defaultValue={filters.procedureCode}
          required={false}
        >
          <option value="">{t('dossiers.allProcedures')}</option>
          {(procedures.data?.items ?? []).map((procedure) => (
            <option key={procedure.code} value={procedure.code}>
              {procedure.code} {procedure.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="status"
          label={t('dossiers.status')}
          defaultValue={filters.status}
          required={false}
        >
          <option value="">{t('dossiers.allStatuses')}</option>
          {DOSSIER_STATUSES.filter((status) => status !== 'draft').map((status) => (
            <option key={status} value={status}>
              {t(`dossiers.statusLabel.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="urgency"
          label={t('dossiers.urgency')}
          defaultValue={filters.urgency}
          required={false}
        >
          <option value="">{t('dossiers.allUrgencies')}</option>
          {URGENCIES.map((urgency) => (
            <option key={urgency} value={urgency}>
              {t(`dossiers.urgencyLabel.${urgency}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="receivedFrom"
          type="date"
          label={t('dossiers.receivedFrom')}
          defaultValue={filters.receivedFrom}
          required={false}
        />
        <TextField
          name="receivedTo"
          type="date"
          label={t('dossiers.receivedTo')}
          defaultValue={filters.receivedTo}
          required={false}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('dossiers.apply')}
          </button>
          <Link to={tab(mine)} className="button">
            {t('dossiers.clear')}
          </Link>
        </div>
      </form>
      {mine && dossiers.data?.total === 0 && [...params.keys()].length === 0 ? (
        <p>
          {t('dossiers.noneAssigned')} <Link to={tab(false)}>{t('dossiers.seeAgency')}</Link>
        </p>
      ) : null}
      <AsyncContent state={dossiers} isEmpty={(data) => data.items.length === 0} empty={t('dossiers.empty')}>
        {(data) => (
          <>
            <DataTable
              caption={t('dossiers.title')}
              columns={columns}
              rows={data.items}
              rowKey={(row) => row.id}
            />
            <Pager
              total={data.total}
              limit={PAGE_SIZE}
              offset={offset}
              onChange={(nextOffset) => {
                const next = new URLSearchParams(params);
                next.set('offset', String(nextOffset));
                setParams(next);
              }}
            />
          </>
        )}
      </AsyncContent>
    </>
  );
}
