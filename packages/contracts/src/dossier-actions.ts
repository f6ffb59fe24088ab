import { Type } from 'typebox';
import { IsoDate, NonEmpty, Uuid } from './common.ts';
import { AttachedFile, DossierFormData, SupplementItem } from './dossiers.ts';

/** The bodies of the actions on a dossier (POST /api/dossiers/:id/<action>), one schema each. */

const Text = (max = 2000) => NonEmpty(max);

export const ReceiveBody = Type.Object({ note: Type.Optional(Text()) }, { additionalProperties: false });
export const RequestSupplementBody = Type.Object(
  {
    items: Type.Array(SupplementItem, {
      minItems: 1,
      maxItems: 60,
      description: 'Every missing item, at once',
    }),
    justification: Type.Optional(
      Type.Union([Type.Null(), Text()], {
        description: 'Why, when asked more than 3 working days after receipt (NĐ 61 Art 19)',
      }),
    ),
  },
  { additionalProperties: false },
);
export const RefuseBody = Type.Object(
  { reasons: Type.Array(Text(), { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);
export const SupplementBody = Type.Object(
  {
    files: Type.Array(AttachedFile, { maxItems: 100 }),
    formData: Type.Optional(DossierFormData),
    note: Type.Optional(Text()),
  },
  { additionalProperties: false },
);
export const ForwardBody = Type.Object(
  {
    note: Type.Optional(Text()),
    assigneeId: Type.Optional(
      Type.Union([Type.Null(), Uuid], { description: 'Official (account id) for the next step' }),
    ),
  },
  { additionalProperties: false },
);
export const SendBackBody = Type.Object({ reason: Text() }, { additionalProperties: false });
export const ConsultBody = Type.Object(
  { agencyId: Uuid, question: Text(), dueDate: IsoDate },
  { additionalProperties: false },
);
export const ReplyConsultationBody = Type.Object({ answer: Text() }, { additionalProperties: false });
export const TransferBody = Type.Object({ agencyId: Uuid, note: Text() }, { additionalProperties: false });
export const ApologiseBody = Type.Object(
  { reason: Text(), newDueDate: IsoDate },
  { additionalProperties: false },
);
export const ResolveBody = Type.Object(
  {
    outcome: Type.Enum(['approved', 'refused'] as const),
    note: Type.Optional(Text()),
    resultFileId: Type.Optional(
      Type.Union([Type.Null(), Uuid], { description: 'The result as an uploaded file' }),
    ),
  },
  { additionalProperties: false },
);
export const ReturnBody = Type.Object({ note: Type.Optional(Text()) }, { additionalProperties: false });
export const HandOverBody = Type.Object(
  { note: Type.Optional(NonEmpty(2000, 'e.g. who carried the paper file, how many sets')) },
  { additionalProperties: false },
);
export const StopBody = Type.Object({ reason: Text() }, { additionalProperties: false });
export const WithdrawBody = Type.Object({ reason: Type.Optional(Text()) }, { additionalProperties: false });
