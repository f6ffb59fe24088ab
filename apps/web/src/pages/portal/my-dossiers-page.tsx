import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DossierSummary } from '@tinhso/contracts';
import { DossierSummaryList } from '../../api/dossiers.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { Pager } from '../../components/pager.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { StatusLabel } from './dossier-timeline.tsx';
import './portal.css';

const PAGE_SIZE = 20;

/** The citizen's dossiers: drafts first (to finish), then the others, newest first as the server gives them. */
export function MyDossiersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.mine.title'));
  const [offset, setOffset] = useState(0);
  const dossiers = useApi(DossierSummaryList, '/api/me/dossiers', { limit: PAGE_SIZE, offset });
  return (
    <>
      <h1>{t('portal.mine.title')}</h1>
      <p className="actions">
        <Link to="/procedures" className="button button--primary">
          {t('portal.mine.fileNew')}
        </Link>
        <Link to="/my/notifications" className="button">
          {t('portal.notifications.title')}
        </Link>
      </p>
      <AsyncContent
        state={dossiers}
        isEmpty={(data) => data.items.length === 0}
        empty={t('portal.mine.empty')}
      >
        {(data) => (
          <>
            <ul className="dossier-list">
              {[...data.items]
                .sort((a, b) => Number(b.status === 'draft') - Number(a.status === 'draft'))
                .map((item) => (
                  <DossierItem key={item.id} item={item} />
                ))}
            </ul>
            <Pager total={data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
          </>
        )}
      </AsyncContent>
    </>
  );
}

function DossierItem({ item }: { item: DossierSummary }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const isDraft = item.status === 'draft';
  const to = isDraft
    ? `/procedures/${encodeURIComponent(item.procedureCode)}/file?draft=${encodeURIComponent(item.id)}`
    : `/my/dossiers/${encodeURIComponent(item.id)}`;
  return (
    <li>
      <h2>
        <Link to={to}>
          {isDraft ? t('portal.mine.draftOf', { name: item.procedureName }) : item.procedureName}
        </Link>
      </h2>
      <ul className="meta">
        <li>
          <StatusLabel status={item.status} />
        </li>
        {item.code ? (
          <li>
            {t('portal.dossier.code')}: <span className="code">{item.code}</span>
          </li>
        ) : null}
        {item.dueAt ? (
          <li className={item.urgency === 'overdue' ? 'chip chip--overdue' : undefined}>
            {t('portal.due.label', { when: formatDateTime(item.dueAt, language) })}
            {item.urgency === 'overdue' ? ` (${t('portal.mine.overdue')})` : ''}
          </li>
        ) : null}
        <li>{t('portal.mine.updated', { when: formatDateTime(item.updatedAt, language) })}</li>
      </ul>
    </li>
  );
}
