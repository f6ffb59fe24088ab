import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Inbox, type InboxNotification } from '../../api/portal.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { FormAlert } from '../../components/form-feedback.tsx';
import { Pager } from '../../components/pager.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useInbox } from '../../hooks/use-inbox.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import './portal.css';

const PAGE_SIZE = 20;

/** The portal inbox: newest first, unread ones marked, each markable as read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.notifications.title'));
  const [offset, setOffset] = useState(0);
  const { inbox, error, isMarkingOne, isMarkingAll, readOne, readAll } = useInbox(Inbox, {
    limit: PAGE_SIZE,
    offset,
  });
  return (
    <>
      <h1>{t('portal.notifications.title')}</h1>
      <FormAlert error={error} />
      <AsyncContent
        state={inbox}
        isEmpty={(data) => data.total === 0}
        empty={t('portal.notifications.empty')}
      >
        {(data) => (
          <>
            <p role="status">{t('portal.notifications.unread', { count: data.unread })}</p>
            {data.unread > 0 ? (
              <p>
                <button type="button" className="button" disabled={isMarkingAll} onClick={readAll}>
                  {t('portal.notifications.markAll')}
                </button>
              </p>
            ) : null}
            <ul className="notification-list">
              {data.items.map((item) => (
                <NotificationItem
                  key={item.id}
                  item={item}
                  isPending={isMarkingOne}
                  onRead={() => readOne(item.id)}
                />
              ))}
            </ul>
            <Pager total={data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
          </>
        )}
      </AsyncContent>
    </>
  );
}

function NotificationItem({
  item,
  isPending,
  onRead,
}: {
  item: InboxNotification;
  isPending: boolean;
  onRead: () => void;
}) {
  const { t } = useTranslation();
  const isUnread = item.readAt === null;
  return (
    <li className={isUnread ? 'is-unread' : undefined}>
      <h2>
        {isUnread ? <span className="badge badge--count">{t('portal.notifications.new')}</span> : null}{' '}
        {item.subject}
      </h2>
      <p className="meta">{formatDateTime(item.createdAt, currentLanguage())}</p>
      <p style={{ whiteSpace: 'pre-line' }}>{item.body}</p>
      <p className="actions">
        {item.entity?.kind === 'dossier' ? (
          <Link to={`/my/dossiers/${encodeURIComponent(item.entity.id)}`}>
            {t('portal.notifications.openDossier')}
          </Link>
        ) : null}
        {isUnread ? (
          <button type="button" className="button button--small" disabled={isPending} onClick={onRead}>
            {t('portal.notifications.markRead')}
            <span className="visually-hidden">: {item.subject}</span>
          </button>
        ) : null}
      </p>
    </li>
  );
}
