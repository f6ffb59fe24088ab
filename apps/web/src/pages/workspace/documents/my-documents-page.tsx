import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MyIncomingList, type MyIncomingItem } from '@tinhso/contracts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import './documents-incoming.css';
import { DueBadge, StatusLabel, UrgencyLabel } from './incoming-labels.tsx';
import { OutgoingAwaitingMe } from './outgoing-awaiting-me.tsx';

function useColumns(): Column<MyIncomingItem>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'due',
      header: t('incoming.due'),
      cell: (row) => <DueBadge dueOn={row.dueOn} state={row.dueState} />,
    },
    {
      key: 'number',
      header: t('incoming.arrivalNumber'),
      cell: (row) => (
        <Link to={`/workspace/documents/incoming/${row.id}`} className="code">
          {row.arrivalNumber}/{row.year}
        </Link>
      ),
    },
    {
      key: 'summary',
      header: t('incoming.summary'),
      cell: (row) => (
        <>
          {row.summary} ({row.numberSymbol}, {row.issuerName})
          <UrgencyLabel urgency={row.urgency} />
        </>
      ),
    },
    {
      key: 'role',
      header: t('incoming.myRole'),
      cell: (row) => (row.role ? t(`incoming.roles.${row.role}`) : t('incoming.awaitingInstruction')),
    },
    { key: 'status', header: t('incoming.status'), cell: (row) => <StatusLabel status={row.status} /> },
  ];
}

/**
 * "Văn bản của tôi": the incoming documents waiting for me, earliest deadline first, and those past
 * their deadline in the agencies I oversee; between them, the outgoing drafts waiting for my opinion,
 * review, signature or seal (the outgoing module's panel).
 */
export function MyDocumentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('incoming.mineTitle'));
  const mine = useApi(MyIncomingList, '/api/documents/mine', { limit: 100 });
  const overdue = useApi(MyIncomingList, '/api/documents/incoming/overdue', { limit: 50 });
  const columns = useColumns();
  return (
    <>
      <h1>{t('incoming.mineTitle')}</h1>
      <p className="lead">{t('incoming.mineLead')}</p>
      {/* Section: incoming documents (owned by the incoming module). */}
      <section aria-labelledby="mine-incoming">
        <h2 id="mine-incoming">{t('incoming.incomingSection')}</h2>
        <AsyncContent
          state={mine}
          isEmpty={(data) => data.items.length === 0}
          empty={t('incoming.emptyMine')}
        >
          {(data) => (
            <DataTable
              caption={t('incoming.incomingSection')}
              columns={columns}
              rows={data.items}
              rowKey={(row) => row.id}
            />
          )}
        </AsyncContent>
      </section>
      <OutgoingAwaitingMe />
      <section aria-labelledby="mine-overdue">
        <h2 id="mine-overdue">{t('incoming.overdueTitle')}</h2>
        <AsyncContent
          state={overdue}
          isEmpty={(data) => data.items.length === 0}
          empty={t('incoming.emptyOverdue')}
        >
          {(data) => (
            <DataTable
              caption={t('incoming.overdueTitle')}
              columns={columns}
              rows={data.items}
              rowKey={(row) => row.id}
            />
          )}
        </AsyncContent>
      </section>
    </>
  );
}
