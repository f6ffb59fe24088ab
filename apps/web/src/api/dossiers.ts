import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import {
  Dossier,
  DossierSummary,
  ErrorBody,
  Ok,
  ProcedureSummary,
  ProcedureVersion,
  list,
  type CreateDraft,
  type DossierForm,
  type RatingBody,
  type UpdateDraft,
} from '@tinhso/contracts';
import { i18n } from '../i18n/index.ts';
import { ApiError, apiGet, apiSend, type FieldIssue } from './client.ts';

/** The one-stop portal's calls: the procedure catalogue, the citizen's dossiers, the public lookup. */

export const ProcedureList = list(ProcedureSummary);
export const DossierSummaryList = list(DossierSummary);

export const procedurePath = (code: string) => `/api/procedures/${encodeURIComponent(code)}`;
export const dossierPath = (id: string) => `/api/dossiers/${encodeURIComponent(id)}`;
export const publicDossierPath = (code: string) => `/api/public/dossiers/${encodeURIComponent(code)}`;

/** Where the printable PDF of a one-stop form (01–06) of a dossier is served. */
export const dossierFormUrl = (id: string, form: DossierForm) => `${dossierPath(id)}/forms/${form}`;
/** Where a file of a dossier (a component or the result) is downloaded. */
export const dossierFileUrl = (id: string, fileId: string) =>
  `${dossierPath(id)}/files/${encodeURIComponent(fileId)}`;

export const getProcedure = (code: string) => apiGet(ProcedureVersion, procedurePath(code));

/** 400 names each failing field of the form as "data.…"; the dossier calls name it "formData.…". */
export async function checkForm(code: string, data: Record<string, unknown>): Promise<void> {
  try {
    await apiSend('POST', `${procedurePath(code)}/form-check`, { data }, Ok);
  } catch (error) {
    if (error instanceof ApiError && error.issues.length > 0) {
      throw new ApiError({
        status: error.status,
        code: error.code,
        message: i18n.t('portal.file.formInvalid'),
        correlationId: error.correlationId,
        issues: error.issues.map((issue) => {
          const field = issue.field.replace(/^(body\.)?data(\.|$)/, 'formData$2');
          const prefix = `${issue.field}:`;
          const message = issue.message.startsWith(prefix)
            ? issue.message.slice(prefix.length).trimStart()
            : issue.message;
          return { field, message };
        }),
      });
    }
    throw error;
  }
}

export const createDraft = (body: CreateDraft) => apiSend('POST', '/api/dossiers', body, Dossier);
export const saveDraft = (id: string, body: UpdateDraft) => apiSend('PUT', dossierPath(id), body, Dossier);
export const discardDraft = (id: string) => apiSend('DELETE', dossierPath(id), undefined, Ok);
export const getDossier = (id: string) => apiGet(Dossier, dossierPath(id));
export const sendSupplement = (
  id: string,
  body: { files: { componentIndex: number; fileId: string }[]; note?: string },
) => apiSend('POST', `${dossierPath(id)}/supplement`, body, Dossier);
export const withdrawDossier = (id: string, reason: string) =>
  apiSend('POST', `${dossierPath(id)}/withdraw`, reason.trim() ? { reason: reason.trim() } : {}, Dossier);
export const rateDossier = (id: string, body: RatingBody) =>
  apiSend('POST', `${dossierPath(id)}/rate`, body, Dossier);

function errorOf(status: number, body: unknown, fallbackKey: 'errors.unexpected'): ApiError {
  if (Value.Check(ErrorBody, body)) return new ApiError({ status, ...body });
  return new ApiError({ status, code: `http_${String(status)}`, message: i18n.t(fallbackKey) });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Submits a draft. The Idempotency-Key makes a double tap (or a retry after a lost answer) file the
 * dossier once: the server answers every copy with the first one's result.
 */
export async function submitDossier(input: {
  id: string;
  idempotencyKey: string;
  csrfToken: string;
}): Promise<Dossier> {
  let response: Response;
  try {
    response = await fetch(`${dossierPath(input.id)}/submit`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': i18n.language,
        'Content-Type': 'application/json',
        'Idempotency-Key': input.idempotencyKey,
        'x-csrf-token': input.csrfToken,
      },
      body: '{}',
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: i18n.t('errors.network') });
  }
  const body = parseJson(await response.text());
  if (!response.ok) throw errorOf(response.status, body, 'errors.unexpected');
  if (!Value.Check(Dossier, body)) {
    throw new ApiError({ status: 200, code: 'invalid_response', message: i18n.t('errors.invalidResponse') });
  }
  return body;
}

export const UploadedFile = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
});
export type UploadedFile = Static<typeof UploadedFile>;

/** What an upload failure means for the person, by the server's status. */
const UPLOAD_ERRORS: Partial<
  Record<
    number,
    | 'portal.upload.tooLarge'
    | 'portal.upload.wrongType'
    | 'portal.upload.infected'
    | 'portal.upload.scannerDown'
  >
> = {
  413: 'portal.upload.tooLarge',
  415: 'portal.upload.wrongType',
  422: 'portal.upload.infected',
  503: 'portal.upload.scannerDown',
};

/**
 * Uploads one file with XMLHttpRequest, whose upload events give the progress that fetch does not.
 * Refusals come back as an ApiError whose message is a sentence about this file.
 */
export function uploadFile(input: {
  file: File;
  csrfToken: string;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/files');
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', i18n.language);
    request.setRequestHeader('x-csrf-token', input.csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) input.onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status === 201 && Value.Check(UploadedFile, body)) {
        input.onProgress(1);
        resolve(body);
        return;
      }
      const key = UPLOAD_ERRORS[request.status];
      if (key) {
        reject(
          new ApiError({
            status: request.status,
            code: `upload_${String(request.status)}`,
            message: i18n.t(key),
          }),
        );
        return;
      }
      reject(errorOf(request.status, body, 'errors.unexpected'));
    };
    request.onerror = () => {
      reject(new ApiError({ status: 0, code: 'network', message: i18n.t('errors.network') }));
    };
    request.onabort = () => {
      reject(new ApiError({ status: 0, code: 'aborted', message: i18n.t('portal.upload.cancelled') }));
    };
    input.signal?.addEventListener('abort', () => {
      request.abort();
    });
    const form = new FormData();
    form.append('file', input.file, input.file.name);
    request.send(form);
  });
}

export type { FieldIssue };
