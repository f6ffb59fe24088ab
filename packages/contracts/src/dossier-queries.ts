import { Type, type Static } from 'typebox';
import { IsoDate, PageQuery, Uuid } from './common.ts';
import { DOSSIER_FORMS, DOSSIER_STATUSES, DossierCode } from './dossiers.ts';
import { ProcedureCode } from './procedures.ts';

/** Parameters and query strings of the dossier endpoints. */

export const DossierCodeParams = Type.Object({ code: DossierCode }, { additionalProperties: false });
export const DossierFormParams = Type.Object(
  { id: Uuid, form: Type.Enum(DOSSIER_FORMS) },
  { additionalProperties: false },
);
export const DossierFileParams = Type.Object({ id: Uuid, fileId: Uuid }, { additionalProperties: false });
export const ConsultationParams = Type.Object(
  { id: Uuid, consultationId: Uuid },
  { additionalProperties: false },
);

export const WorklistQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean({ description: 'Only dossiers assigned to me' })),
    status: Type.Optional(Type.Enum(DOSSIER_STATUSES)),
    procedureCode: Type.Optional(ProcedureCode),
    agencyId: Type.Optional(Uuid),
    urgency: Type.Optional(Type.Enum(['due_soon', 'overdue'] as const)),
    receivedFrom: Type.Optional(IsoDate),
    receivedTo: Type.Optional(IsoDate),
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Code or applicant name, with or without diacritics' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type WorklistQuery = Static<typeof WorklistQuery>;

export const MyDossiersQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const RegisterQuery = Type.Object(
  { agencyId: Uuid, from: IsoDate, to: IsoDate },
  { additionalProperties: false },
);
