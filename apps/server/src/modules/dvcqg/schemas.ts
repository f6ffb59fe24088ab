import { Type } from 'typebox';

/**
 * The DVCQG adapter's API schemas. They live in the module while only the server uses them; move
 * them to @tinhso/contracts when the web app shows the reconciliation.
 */
const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date' });
const DateTime = Type.String({ format: 'date-time' });
const NullableText = Type.Union([Type.String(), Type.Null()]);
const StatusCode = Type.Integer({ minimum: 0, maximum: 10, description: 'TrangThaiHoSo 1–10' });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ReconciliationQuery = Type.Object(
  {
    from: Day,
    to: Type.String({ format: 'date', description: 'Last day included (Vietnam time); at most 31 days' }),
  },
  { additionalProperties: false },
);

export const ReconciliationAnswer = Type.Object(
  {
    from: Day,
    to: Day,
    days: Type.Array(
      Type.Object(
        {
          day: Day,
          dossiersChanged: Type.Integer(),
          messagesSent: Type.Integer(),
          acknowledged: Type.Integer(),
          failed: Type.Integer(),
          pending: Type.Integer({ description: 'Sync messages of that day still waiting (retrying)' }),
          dead: Type.Integer({ description: 'Sync messages of that day left after their last attempt' }),
        },
        { additionalProperties: false },
      ),
    ),
    outOfSync: Type.Array(
      Type.Object(
        {
          dossierId: Uuid,
          code: Type.String(),
          currentStatus: StatusCode,
          lastAcknowledgedStatus: Type.Union([StatusCode, Type.Null()]),
          syncStatus: Type.String(),
          lastError: NullableText,
        },
        { additionalProperties: false },
      ),
      { description: 'Dossiers changed in the period whose current state the portal has not acknowledged' },
    ),
    portal: Type.Object(
      {
        available: Type.Boolean(),
        error: NullableText,
        held: Type.Integer(),
        missingThere: Type.Array(Type.String()),
        missingHere: Type.Array(Type.String()),
        statusDiffers: Type.Array(
          Type.Object(
            { code: Type.String(), ours: StatusCode, theirs: Type.Number() },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false, description: 'Our dossiers compared with what the portal holds' },
    ),
    indicator14: Type.Object(
      {
        received: Type.Integer(),
        synced: Type.Integer(),
        rate: Type.Union([Type.Number(), Type.Null()]),
        display: Type.String({ description: 'e.g. 87.50%, or N/A when nothing was received' }),
      },
      { additionalProperties: false, description: 'QĐ 766 indicator 1.4: synced / received in the period' },
    ),
  },
  { additionalProperties: false },
);

export const PullAnswer = Type.Object(
  {
    since: DateTime,
    received: Type.Integer(),
    imported: Type.Integer(),
    refused: Type.Integer(),
    items: Type.Array(
      Type.Object(
        {
          code: NullableText,
          status: Type.Union([Type.Literal('imported'), Type.Literal('refused')]),
          created: Type.Boolean(),
          dossierId: Type.Union([Uuid, Type.Null()]),
          reason: NullableText,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SyncAttemptsAnswer = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          id: Type.Integer(),
          eventId: Type.Integer(),
          attempt: Type.Integer(),
          dossierStatus: Type.String(),
          statusCode: StatusCode,
          sentAt: DateTime,
          acknowledgedAt: Type.Union([DateTime, Type.Null()]),
          response: Type.Unknown(),
          error: NullableText,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
