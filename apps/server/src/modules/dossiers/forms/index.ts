/** The one-stop forms as printable PDFs: plain data in, PDF bytes out. */
export { renderReceiptForm } from './receipt-form.ts';
export { renderSupplementRequestForm } from './supplement-request-form.ts';
export { renderRefusalForm } from './refusal-form.ts';
export { renderApologyLetter } from './apology-letter.ts';
export { renderStopNotice } from './stop-notice.ts';
export { renderControlSheet } from './control-sheet.ts';
export { renderRegister } from './register.ts';
export type * from './types.ts';
