import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { ErrorBody, ImportReport, ProcedureSummary, ProcedureVersion, list } from '@tinhso/contracts';
import { i18n } from '../i18n/index.ts';
import { postCommand, type Sender } from './back-office.ts';
import { ApiError } from './client.ts';

// The catalogue of procedures as its administrator (procedure.manage) sees it. The list and the
// versions are read through useApi with the schemas below; the changes are here. Each change carries
// the Idempotency-Key its page made for it, as the dossier actions do: a double click or a resend
// after a lost answer creates, publishes or imports once.

export const PROCEDURES_PATH = '/api/procedures';
export const ProcedureList = list(ProcedureSummary);
export const VersionList = Type.Object({ items: Type.Array(ProcedureVersion) });
export const versionsPath = (code: string) => `/api/procedures/${encodeURIComponent(code)}/versions`;

/** The bodies are built from a form draft; the server's schema names any field still wrong. */
export const createProcedure = (sender: Sender, body: Record<string, unknown>, key: string) =>
  postCommand(sender, PROCEDURES_PATH, body, ProcedureVersion, key);

export const addProcedureVersion = (
  sender: Sender,
  code: string,
  body: Record<string, unknown>,
  key: string,
) => postCommand(sender, versionsPath(code), body, ProcedureVersion, key);

export const publishProcedureVersion = (sender: Sender, code: string, version: number, key: string) =>
  postCommand(sender, `${versionsPath(code)}/${String(version)}/publish`, {}, ProcedureVersion, key);

export const importProceduresJson = (sender: Sender, items: unknown, key: string) =>
  postCommand(sender, `${PROCEDURES_PATH}/import`, items, ImportReport, key);

/** CSV goes as text/csv, which the JSON senders do not send: this one call builds its request itself. */
export async function importProceduresCsv(sender: Sender, text: string, key: string): Promise<ImportReport> {
  let response: Response;
  try {
    response = await fetch(`${PROCEDURES_PATH}/import/csv`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': i18n.language,
        'Content-Type': 'text/csv',
        'Idempotency-Key': key,
        'x-csrf-token': sender.csrfToken,
      },
      body: text,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: i18n.t('errors.network') });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (Value.Check(ErrorBody, body)) throw new ApiError({ status: response.status, ...body });
    throw new ApiError({
      status: response.status,
      code: `http_${String(response.status)}`,
      message: i18n.t('errors.unexpected'),
      correlationId: response.headers.get('x-request-id'),
    });
  }
  if (Value.Check(ImportReport, body)) return body;
  throw new ApiError({ status: 200, code: 'invalid_response', message: i18n.t('errors.invalidResponse') });
}
