import {
  WorkFileWithDocuments,
  type AddToWorkFileBody,
  type CloseWorkFileBody,
  type CreateWorkFileBody,
} from '@tinhso/contracts';
import { apiSend } from './client.ts';

// Reads go through useApi with WorkFileList / WorkFileWithDocuments; these are the changes.
const file = (id: string) => `/api/documents/files/${encodeURIComponent(id)}`;

export const createWorkFile = (body: CreateWorkFileBody) =>
  apiSend('POST', '/api/documents/files', body, WorkFileWithDocuments);
export const addToWorkFile = (id: string, body: AddToWorkFileBody) =>
  apiSend('POST', `${file(id)}/documents`, body, WorkFileWithDocuments);
export const removeFromWorkFile = (id: string, docOrdinal: number) =>
  apiSend('DELETE', `${file(id)}/documents/${docOrdinal}`, undefined, WorkFileWithDocuments);
export const closeWorkFile = (id: string, body: CloseWorkFileBody) =>
  apiSend('POST', `${file(id)}/close`, body, WorkFileWithDocuments);
export const archiveWorkFile = (id: string) =>
  apiSend('POST', `${file(id)}/archive`, {}, WorkFileWithDocuments);
/** The archive package is a download: a plain link to this address. */
export const exportAddress = (id: string) => `${file(id)}/export`;
