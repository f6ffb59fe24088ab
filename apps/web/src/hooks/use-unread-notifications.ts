import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { apiGet } from '../api/client.ts';
import { Inbox, NOTIFICATIONS_PATH } from '../api/portal.ts';

/** Sent by the notifications page when it marks some read, so the header's count follows at once. */
export const NOTIFICATIONS_CHANGED = 'tinhso:notifications-changed';

/**
 * The signed-in person's unread notifications, for the header badge: read again on each page
 * change and when the inbox changes. Null while unknown (or when the inbox cannot be read).
 */
export function useUnreadNotifications(isSignedIn: boolean): number | null {
  const { pathname } = useLocation();
  const [unread, setUnread] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => {
      setVersion((v) => v + 1);
    };
    window.addEventListener(NOTIFICATIONS_CHANGED, bump);
    return () => {
      window.removeEventListener(NOTIFICATIONS_CHANGED, bump);
    };
  }, []);
  useEffect(() => {
    if (!isSignedIn) {
      setUnread(null);
      return;
    }
    const controller = new AbortController();
    apiGet(Inbox, NOTIFICATIONS_PATH, {
      query: { limit: 1, unreadOnly: true },
      signal: controller.signal,
    }).then(
      (inbox) => {
        setUnread(inbox.unread);
      },
      () => {
        if (!controller.signal.aborted) setUnread(null);
      },
    );
    return () => {
      controller.abort();
    };
  }, [isSignedIn, pathname, version]);
  return unread;
}
