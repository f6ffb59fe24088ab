import { VerifyPdfAnswer } from '@tinhso/contracts';
import { apiSendForm } from './client.ts';

/** Checks the signatures of a PDF against the province's trust list; nothing is stored. */
export function verifyPdf(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiSendForm('/api/public/verify-pdf', form, VerifyPdfAnswer);
}
