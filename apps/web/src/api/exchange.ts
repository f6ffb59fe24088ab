import { apiCommand } from './client.ts';

// Reads go through useApi with the Exchange* schemas; these are the clerk's two decisions on the box.
const entry = (id: string) => `/api/exchange/inbox/${encodeURIComponent(id)}`;

export const registerReceived = (id: string) => apiCommand('POST', `${entry(id)}/register`, {});
export const returnReceived = (id: string, reason: string) =>
  apiCommand('POST', `${entry(id)}/return`, { reason });
