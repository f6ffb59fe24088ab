import { Type, type Static } from 'typebox';
import { IsoDateTime, PageQuery, Uuid } from './common.ts';

export const AuditEvent = Type.Object({
  seq: Type.Integer(),
  occurredAt: IsoDateTime,
  type: Type.String({ description: 'Typed event name, e.g. agency.created' }),
  actorAccountId: Type.Union([Uuid, Type.Null()]),
  actorLabel: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  correlationId: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(
      Type.String({ maxLength: 100, description: 'Account id or part of the actor’s name' }),
    ),
    entityType: Type.Optional(Type.String({ maxLength: 60 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    type: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
