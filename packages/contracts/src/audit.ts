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

/** The answer of a check of the whole hash chain. */
export const ChainReport = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer({ description: 'Records found intact, in order' }),
  firstBrokenSeq: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The first record that is missing, altered or out of chain',
  }),
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type ChainReport = Static<typeof ChainReport>;
