import type { TSchema } from 'typebox';
import type { Query } from '../api/client.ts';
import { NOTIFICATIONS_PATH, markAllNotificationsRead, markNotificationRead } from '../api/portal.ts';
import { useAction } from './use-action.ts';
import { useApi } from './use-api.ts';
import { NOTIFICATIONS_CHANGED } from './use-unread-notifications.ts';

/**
 * The signed-in person's inbox (citizens in the portal, officials in the workspace): its page, and
 * marking one or all read, after which the page and the unread counters are read again.
 */
export function useInbox<S extends TSchema>(schema: S, query: Query) {
  const inbox = useApi(schema, NOTIFICATIONS_PATH, query);
  const markOne = useAction(markNotificationRead);
  const markAll = useAction(markAllNotificationsRead);
  const afterChange = (outcome: { ok: boolean }) => {
    if (!outcome.ok) return;
    inbox.reload();
    window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
  };
  return {
    inbox,
    error: markOne.error ?? markAll.error,
    isMarkingOne: markOne.isPending,
    isMarkingAll: markAll.isPending,
    readOne: (id: string) => void markOne.run(id).then(afterChange),
    readAll: () => void markAll.run().then(afterChange),
  };
}
