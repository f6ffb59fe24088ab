import { Type, type Static } from 'typebox';
import { IsoDate, Uuid } from './common.ts';

export const StatisticsQuery = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    agencyId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** One QĐ 766 indicator: rate in percent (2.2: time in the procedure's unit), null when N/A. */
export const Indicator = Type.Object({
  id: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  numerator: Type.Number(),
  denominator: Type.Number(),
  rate: Nullable(Type.Number()),
  score: Nullable(Type.Number()),
  maxPoints: Type.Number(),
  threshold: Nullable(Type.Number()),
  note: Type.Optional(Type.String()),
});
export type Indicator = Static<typeof Indicator>;

export const Figure = Type.Object({
  value: Nullable(Type.Number()),
  unit: Type.Enum(['percent', 'working_day'] as const),
  numerator: Type.Optional(Type.Number()),
  denominator: Type.Optional(Type.Number()),
  note: Type.Optional(Type.String()),
});

export const OnTimeGroup = Type.Object({
  key: Type.String(),
  name: Type.Optional(Type.String()),
  received: Type.Integer(),
  resolvedEarly: Type.Integer(),
  resolvedOnTime: Type.Integer(),
  resolvedLate: Type.Integer(),
  inProcessNotYetDue: Type.Integer(),
  inProcessOverdue: Type.Integer(),
  supplementRequested: Type.Integer(),
  stopped: Type.Integer(),
  refused: Type.Integer(),
  withdrawn: Type.Integer(),
  online: Type.Integer(),
  onlineRatio: Nullable(Type.Number()),
  onTimeRatio: Nullable(Type.Number()),
});
export type OnTimeGroup = Static<typeof OnTimeGroup>;

export const AgencyEvaluation = Type.Object({
  agencyId: Type.String(),
  name: Type.String(),
  indices: Type.Array(
    Type.Object({ index: Type.Integer(), score: Nullable(Type.Number()), isExcluded: Type.Boolean() }),
  ),
  total: Type.Number(),
  maximum: Type.Number(),
  excluded: Type.Array(Type.Integer()),
  band: Type.String(),
});

/** The figures of the one-stop service for a period (QĐ 766, NĐ 224 Art 19, TT 01/2018). */
export const DossierStatistics = Type.Object({
  period: Type.Object({ from: IsoDate, to: IsoDate }),
  received: Type.Integer(),
  qd766: Type.Array(Indicator),
  nd224: Type.Record(Type.String(), Figure),
  byAgency: Type.Array(OnTimeGroup),
  byProcedure: Type.Array(OnTimeGroup),
  byMonth: Type.Array(OnTimeGroup),
  evaluations: Type.Array(AgencyEvaluation),
});
export type DossierStatistics = Static<typeof DossierStatistics>;
