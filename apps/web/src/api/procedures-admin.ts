import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { ErrorBody, ImportReport, ProcedureSummary, ProcedureVersion, list } from '@tinhso/contracts';
import { i18n } from '../i18n/index.ts';
import { ApiError, apiSend } from './client.ts';

// The catalogue of procedures as its administrator (procedure.manage) sees it. The list and the
// versions are read through useApi with the schemas below; the changes are here. The commands go
// without an Idempotency-Key: client.ts sets none, and each submit button is disabled while its
// request is on its way.

export const PROCEDURES_PATH = '/api/procedures';
export const ProcedureList = list(ProcedureSummary);
export const VersionList = Type.Object({ items: Type.Array(ProcedureVersion) });
export const versionsPath = (code: string) => `/api/procedures/${encodeURIComponent(code)}/versions`;

/** The bodies are built from a form draft; the server's schema names any field still wrong. */
export const createProcedure = (body: Record<string, unknown>) =>
  apiSend('POST', PROCEDURES_PATH, body, ProcedureVersion);

export const addProcedureVersion = (code: string, body: Record<string, unknown>) =>
  apiSend('POST', versionsPath(code), body, ProcedureVersion);

export const publishProcedureVersion = (code: string, version: number) =>
  apiSend('POST', `${versionsPath(code)}/${String(version)}/publish`, undefined, ProcedureVersion);

export const importProceduresJson = (items: unknown) =>
  apiSend('POST', `${PROCEDURES_PATH}/import`, items, ImportReport);

/** CSV goes as text/csv, which client.ts does not send: this one call builds its request itself. */
export async function importProceduresCsv(text: string, csrfToken: string): Promise<ImportReport> {
  let response: Response;
  try {
    response = await fetch(`${PROCEDURES_PATH}/import/csv`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': i18n.language,
        'Content-Type': 'text/csv',
        'x-csrf-token': csrfToken,
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
