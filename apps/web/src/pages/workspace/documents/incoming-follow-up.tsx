import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FollowUpBook, type FollowUpRow } from '@tinhso/contracts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate, todayInProvince } from '../../../lib/dates.ts';

/** Sổ theo dõi giải quyết văn bản đến (NĐ 30/2020 Phụ lục IV) of this year, in its seven columns. */
export function FollowUpSection() {
  const { t } = useTranslation();
  const year = Number(todayInProvince().slice(0, 4));
  const book = useApi(FollowUpBook, '/api/documents/incoming/follow-up', { year, limit: 100 });
  const language = currentLanguage();
  const columns: Column<FollowUpRow>[] = [
    {
      key: 'number',
      header: t('incoming.arrivalNumber'),
      cell: (row) => <Link to={`/workspace/documents/incoming/${row.id}`}>{row.arrivalNumber}</Link>,
    },
    { key: 'document', header: t('incoming.followUp.document'), cell: (row) => row.document },
    { key: 'handledBy', header: t('incoming.followUp.handledBy'), cell: (row) => row.handledBy },
    {
      key: 'due',
      header: t('incoming.due'),
      cell: (row) => (row.dueOn ? formatDate(row.dueOn, language) : '—'),
    },
    { key: 'progress', header: t('incoming.followUp.progress'), cell: (row) => row.progress },
    { key: 'reply', header: t('incoming.replyReference'), cell: (row) => row.replyReference ?? '' },
    { key: 'remarks', header: t('incoming.followUp.remarks'), cell: (row) => row.remarks },
  ];
  return (
    <section aria-labelledby="incoming-follow-up">
      <h2 id="incoming-follow-up">{t('incoming.followUp.title', { year })}</h2>
      <AsyncContent state={book} isEmpty={(data) => data.items.length === 0} empty={t('incoming.empty')}>
        {(data) => (
          <DataTable
            caption={t('incoming.followUp.title', { year })}
            columns={columns}
            rows={data.items}
            rowKey={(row) => row.id}
          />
        )}
      </AsyncContent>
    </section>
  );
}
