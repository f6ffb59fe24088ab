import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { IdParams, IsoDateTime, LIMITS, Uuid } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import {
  ChannelPreferences,
  ChannelPreferencesAnswer,
  findChannelPreferences,
  setChannelPreferences,
} from './channel-preferences.ts';
import { listNotifications } from './list-notifications.ts';
import { markAllNotificationsRead } from './mark-all-notifications-read.ts';
import { markNotificationRead } from './mark-notification-read.ts';

// These schemas belong in packages/contracts/src/notifications.ts (shared with the web app); they
// live here until that file is added.
export const InboxNotification = Type.Object(
  {
    id: Uuid,
    template: Type.String({ description: 'The event, e.g. dossier.received' }),
    subject: Type.String(),
    body: Type.String({ description: 'Plain text, never HTML' }),
    entity: Type.Union([
      Type.Object({
        kind: Type.String({ description: 'What the notification is about, e.g. dossier' }),
        id: Type.String(),
      }),
      Type.Null(),
    ]),
    createdAt: IsoDateTime,
    readAt: Type.Union([IsoDateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type InboxNotification = Static<typeof InboxNotification>;

export const InboxQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    unreadOnly: Type.Optional(Type.Boolean({ default: false, description: 'Only the unread ones' })),
  },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;

export const Inbox = Type.Object({
  items: Type.Array(InboxNotification),
  total: Type.Integer({ description: 'How many match the query' }),
  unread: Type.Integer({ description: 'How many of the caller’s notifications are unread' }),
});
export type Inbox = Static<typeof Inbox>;

export const ReadAllResult = Type.Object({ updated: Type.Integer() });
export type ReadAllResult = Static<typeof ReadAllResult>;

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/me/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The caller’s notifications in the portal, newest first, with the unread count',
        querystring: InboxQuery,
        response: { 200: Inbox },
      },
    },
    async (request) =>
      listNotifications(db, principalOf(request).accountId, {
        limit: request.query.limit ?? 20,
        offset: request.query.offset ?? 0,
        isUnreadOnly: request.query.unreadOnly ?? false,
      }),
  );

  app.post(
    '/api/me/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark one of the caller’s notifications read; another account’s answers 404',
        params: IdParams,
        response: { 200: InboxNotification },
      },
    },
    async (request) => markNotificationRead(db, principalOf(request).accountId, request.params.id),
  );

  app.post(
    '/api/me/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark all the caller’s notifications read',
        response: { 200: ReadAllResult },
      },
    },
    async (request) => markAllNotificationsRead(db, principalOf(request).accountId),
  );

  app.get(
    '/api/me/notification-preferences',
    {
      config: { access: 'citizen.self' },
      schema: {
        tags,
        summary: 'The channels (e-mail, SMS, Zalo) my dossier notices go to besides the portal inbox',
        response: { 200: ChannelPreferencesAnswer },
      },
    },
    async (request) => findChannelPreferences(db, principalOf(request).accountId),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      config: { access: 'citizen.self' },
      schema: {
        tags,
        summary: 'Choose the channels of my dossier notices; Zalo needs a phone number used on Zalo',
        body: ChannelPreferences,
        response: { 200: ChannelPreferencesAnswer },
      },
    },
    async (request) =>
      runCommand(db, request, (tx) =>
        setChannelPreferences(tx, actorOf(request), principalOf(request).accountId, request.body),
      ),
  );
};
