import type { Dictionary } from '../dictionary.ts';
import type { alertPages as vi } from '../vi/alerts.ts';

export const alertPages: Dictionary<typeof vi> = {
  officialInbox: {
    lead: 'Alerts when a paper dossier has not been handed over on time, when an agency consulted or handed a dossier (liên thông) is past its deadline, and reminders when a step you hold is nearly out of time. Each is sent once.',
    empty: 'No alerts or reminders yet.',
    unreadOnly: 'Unread only',
    unread_one: '{{count}} unread.',
    unread_other: '{{count}} unread.',
    markAll: 'Mark all as read',
    markRead: 'Mark as read',
    new: 'new',
    openDossier: 'Open the dossier',
    kind: {
      alert: 'Alert',
      reminder: 'Reminder',
    },
  },
};
