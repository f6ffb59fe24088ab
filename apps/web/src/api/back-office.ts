import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import {
  Dossier,
  DossierSummary,
  ErrorBody,
  Ok,
  ProcedureSummary,
  list,
  type CounterIntake,
  type DossierAction,
} from '@tinhso/contracts';
import { i18n } from '../i18n/index.ts';
import { ApiError } from './client.ts';

// The one-stop back office. Reads go through useApi with the schemas below. Changes are sent here
// rather than through client.ts because each carries an Idempotency-Key (a double click or a retry
// after a lost answer acts once) and uploads are multipart; both need headers client.ts does not set.

export const DossierList = list(DossierSummary);
export const ProcedureList = list(ProcedureSummary);
export const UploadedFile = Type.Object({
  id: Type.String(),
  name: Type.String(),
  size: Type.Integer(),
});
export type UploadedFile = Static<typeof UploadedFile>;

/** What a change needs from the session: the token the server checks against cross-site requests. */
export interface Sender {
  csrfToken: string;
}

/** A fresh key for one intended change; a retry of the same change reuses it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

async function post<S extends TSchema>(
  sender: Sender,
  path: string,
  body: BodyInit,
  schema: S,
  headers: Record<string, string>,
): Promise<Static<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': i18n.language,
        'x-csrf-token': sender.csrfToken,
        ...headers,
      },
      body,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: i18n.t('errors.network') });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    if (Value.Check(ErrorBody, parsed)) throw new ApiError({ status: response.status, ...parsed });
    throw new ApiError({
      status: response.status,
      code: `http_${String(response.status)}`,
      message: i18n.t(response.status === 413 ? 'dossiers.files.tooLarge' : 'errors.unexpected'),
      correlationId: response.headers.get('x-request-id'),
    });
  }
  if (Value.Check(schema, parsed)) return parsed;
  console.error(
    `Answer of POST ${path} does not match the contract`,
    Value.Errors(schema, parsed).slice(0, 5),
  );
  throw new ApiError({ status: 200, code: 'invalid_response', message: i18n.t('errors.invalidResponse') });
}

const postJson = <S extends TSchema>(
  sender: Sender,
  path: string,
  body: unknown,
  schema: S,
  key: string | null,
) =>
  post(sender, path, JSON.stringify(body), schema, {
    'Content-Type': 'application/json',
    ...(key === null ? {} : { 'Idempotency-Key': key }),
  });

/** A JSON command of another back-office page (the catalogue), with its Idempotency-Key. */
export const postCommand = <S extends TSchema>(
  sender: Sender,
  path: string,
  body: unknown,
  schema: S,
  key: string,
) => postJson(sender, path, body, schema, key);

/** Every dossier action carries an Idempotency-Key, so a double click or a retry acts once. */
const actionKey = (key: string): string | null => key;

/** The path segment of each action an officer takes on a dossier. */
export const ACTION_PATHS = {
  receive: 'receive',
  request_supplement: 'request-supplement',
  refuse: 'refuse',
  supplement: 'supplement',
  forward: 'forward',
  send_back: 'send-back',
  consult: 'consult',
  transfer: 'transfer',
  apologise: 'apologise',
  resolve: 'resolve',
  return: 'return',
  stop: 'stop',
  withdraw: 'withdraw',
  hand_over: 'hand-over',
} as const satisfies Partial<Record<DossierAction, string>>;
export type OfficerAction = keyof typeof ACTION_PATHS;

export function isOfficerAction(action: DossierAction): action is OfficerAction {
  return Object.hasOwn(ACTION_PATHS, action);
}

export const takeAction = (sender: Sender, id: string, action: OfficerAction, body: unknown, key: string) =>
  postJson(
    sender,
    `/api/dossiers/${encodeURIComponent(id)}/${ACTION_PATHS[action]}`,
    body,
    Dossier,
    actionKey(key),
  );

export const enterCounterDossier = (sender: Sender, body: CounterIntake, key: string) =>
  postJson(sender, '/api/dossiers/counter', body, Dossier, key);

export const replyConsultation = (
  sender: Sender,
  ids: { dossierId: string; consultationId: string },
  answer: string,
  key: string,
) =>
  postJson(
    sender,
    `/api/dossiers/${encodeURIComponent(ids.dossierId)}/consultations/${encodeURIComponent(ids.consultationId)}/reply`,
    { answer },
    Ok,
    actionKey(key),
  );

/** One scan or result file; the server tells its type by its bytes and scans it for malware. */
export function uploadFile(sender: Sender, file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return post(sender, '/api/files', form, UploadedFile, {});
}

/** Printable PDFs, opened in a new tab; the server renders them. */
export const formUrl = (id: string, form: string) =>
  `/api/dossiers/${encodeURIComponent(id)}/forms/${encodeURIComponent(form)}`;
export const fileUrl = (id: string, fileId: string) =>
  `/api/dossiers/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`;

// The desk's extras (server: modules/dossiers/routes-desk.ts, whose schemas these mirror).

/** What the desk gets back after taking the fee in cash: the e-receipt issued. */
export const CounterPayment = Type.Object({
  dossierId: Type.String(),
  invoiceId: Type.String(),
  amountVnd: Type.Integer(),
  receiptId: Type.String(),
  receiptNo: Type.String(),
  paidAt: Type.String(),
});
export type CounterPayment = Static<typeof CounterPayment>;

/** Thu tiền mặt: the amount counted must be the invoice's; the key makes a double click pay once. */
export const payAtCounter = (sender: Sender, id: string, amountVnd: number, key: string) =>
  postJson(
    sender,
    `/api/dossiers/${encodeURIComponent(id)}/counter-payment`,
    { amountVnd },
    CounterPayment,
    key,
  );

/** The printed e-receipt (PDF) of a dossier's paid fee. */
export const receiptUrl = (id: string) => `/api/dossiers/${encodeURIComponent(id)}/receipt`;

/** The officials who may be given the next step of a dossier when it is forwarded. */
export const AssigneeList = Type.Object({
  step: Type.Union([
    Type.Object({ index: Type.Integer(), name: Type.String(), role: Type.String(), unit: Type.String() }),
    Type.Null(),
  ]),
  agency: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      title: Type.String(),
      unit: Type.Union([Type.String(), Type.Null()]),
      isInStepUnit: Type.Boolean(),
    }),
  ),
});
export const assigneesPath = (id: string) => `/api/dossiers/${encodeURIComponent(id)}/assignees`;
