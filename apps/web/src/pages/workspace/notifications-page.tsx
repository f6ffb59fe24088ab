import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Type, type Static } from 'typebox';
import { InboxNotification } from '../../api/portal.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { FormAlert } from '../../components/form-feedback.tsx';
import { Pager } from '../../components/pager.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useInbox } from '../../hooks/use-inbox.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import './notifications-page.css';

const PAGE_SIZE = 20;

/** The inbox as officials read it: the template tells an alert from a reminder. */
const OfficialNotification = Type.Intersect([InboxNotification, Type.Object({ template: Type.String() })]);
type OfficialNotification = Static<typeof OfficialNotification>;
const OfficialInbox = Type.Object({
  items: Type.Array(OfficialNotification),
  total: Type.Integer(),
  unread: Type.Integer(),
});

type Kind = 'alert' | 'reminder' | 'other';
const kindOf = (template: string): Kind =>
  template.startsWith('dossier.alert.')
    ? 'alert'
    : template.startsWith('dossier.reminder.')
      ? 'reminder'
      : 'other';

/**
 * Alerts (a legal time limit missed: hand-over, consultation, liên thông) and reminders (a step's
 * time nearly out) the scan sent to this official, newest first, each leading to its dossier.
 */
export function WorkspaceNotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.notifications'));
  const [offset, setOffset] = useState(0);
  const [isUnreadOnly, setUnreadOnly] = useState(false);
  const { inbox, error, isMarkingOne, isMarkingAll, readOne, readAll } = useInbox(OfficialInbox, {
    limit: PAGE_SIZE,
    offset,
    unreadOnly: isUnreadOnly,
  });
  return (
    <>
      <h1>{t('nav.notifications')}</h1>
      <p className="lead">{t('officialInbox.lead')}</p>
      <FormAlert error={error} />
      <p className="official-inbox__tools">
        <label>
          <input
            type="checkbox"
            checked={isUnreadOnly}
            onChange={(event) => {
              setOffset(0);
              setUnreadOnly(event.currentTarget.checked);
            }}
          />{' '}
          {t('officialInbox.unreadOnly')}
        </label>
      </p>
      <AsyncContent state={inbox} isEmpty={(data) => data.total === 0} empty={t('officialInbox.empty')}>
        {(data) => (
          <>
            <p role="status">{t('officialInbox.unread', { count: data.unread })}</p>
            {data.unread > 0 ? (
              <p>
                <button type="button" className="button" disabled={isMarkingAll} onClick={readAll}>
                  {t('officialInbox.markAll')}
                </button>
              </p>
            ) : null}
            <ul className="official-inbox">
              {data.items.map((item) => (
                <InboxItem
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

function InboxItem({
  item,
  isPending,
  onRead,
}: {
  item: OfficialNotification;
  isPending: boolean;
  onRead: () => void;
}) {
  const { t } = useTranslation();
  const isUnread = item.readAt === null;
  const kind = kindOf(item.template);
  return (
    <li className={`official-inbox__item official-inbox__item--${kind}${isUnread ? ' is-unread' : ''}`}>
      <h2>
        {kind === 'other' ? null : (
          <span className={`official-inbox__kind official-inbox__kind--${kind}`}>
            {t(`officialInbox.kind.${kind}`)}
          </span>
        )}{' '}
        {item.subject}
        {isUnread ? <span className="visually-hidden"> ({t('officialInbox.new')})</span> : null}
      </h2>
      <p className="official-inbox__meta">{formatDateTime(item.createdAt, currentLanguage())}</p>
      <p className="official-inbox__body">{item.body}</p>
      <p className="actions">
        {item.entity?.kind === 'dossier' ? (
          <Link to={`/workspace/dossiers/${encodeURIComponent(item.entity.id)}`}>
            {t('officialInbox.openDossier')}
          </Link>
        ) : null}
        {isUnread ? (
          <button type="button" className="button button--small" disabled={isPending} onClick={onRead}>
            {t('officialInbox.markRead')}
            <span className="visually-hidden">: {item.subject}</span>
          </button>
        ) : null}
      </p>
    </li>
  );
}
