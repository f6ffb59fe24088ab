import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OutgoingAwaitingList } from '@tinhso/contracts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { useApi } from '../../../hooks/use-api.ts';

/**
 * Outgoing documents waiting for the signed-in official: an opinion to give, a review, a signature,
 * a seal. A panel of its own, for the list page and the "my documents" page.
 */
export function OutgoingAwaitingMe() {
  const { t } = useTranslation();
  const waiting = useApi(OutgoingAwaitingList, '/api/documents/outgoing/awaiting-me');
  return (
    <section className="panel" aria-labelledby="outgoing-awaiting">
      <h2 id="outgoing-awaiting">{t('outgoing.awaitingTitle')}</h2>
      <AsyncContent state={waiting}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('outgoing.awaitingEmpty')}</p>
          ) : (
            <ul className="outgoing-awaiting">
              {data.items.map((item) => (
                <li key={`${item.id}-${item.reason}`}>
                  <strong>{t(`outgoing.reasons.${item.reason}`)}:</strong>{' '}
                  <Link to={`/workspace/documents/outgoing/${item.id}`}>{item.summary}</Link>{' '}
                  <span>({item.typeName})</span>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </section>
  );
}
