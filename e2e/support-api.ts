// The API as a journey's setup uses it: a demo user signed in on a request context, posting with the
// session's CSRF token, uploading small PDFs and finding the provincial service centre. Shared by the
// journeys that prepare their data through the API before the browser takes over.

import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { PASSWORD, signIn } from './support.ts';

/** A one-page PDF small enough to upload as any dossier component. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export interface ApiSession {
  request: APIRequestContext;
  headers: { 'x-csrf-token': string };
  /**
   * POSTs JSON and returns the answer's body; the status must be `status` when given, else any 2xx
   * (the failure message carries the path, the status and the body).
   */
  post: <T>(path: string, data?: object, status?: number) => Promise<T>;
  /** Uploads `name` as a small PDF (POST /api/files, 201) and returns the file's id. */
  uploadPdf: (name: string) => Promise<string>;
}

/** Signs `username` in on `request` with the demo password (200) and keeps the CSRF token. */
export async function apiSession(request: APIRequestContext, username: string): Promise<ApiSession> {
  const login = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { session } = (await login.json()) as { session: { csrfToken: string } };
  const headers = { 'x-csrf-token': session.csrfToken };
  const post = async <T>(path: string, data: object = {}, status?: number): Promise<T> => {
    const answer = await request.post(path, { headers, data });
    const message = `${path}: ${String(answer.status())} ${await answer.text()}`;
    if (status === undefined) expect(answer.ok(), message).toBe(true);
    else expect(answer.status(), message).toBe(status);
    return (await answer.json()) as T;
  };
  const uploadPdf = async (name: string): Promise<string> => {
    const answer = await request.post('/api/files', {
      headers,
      multipart: { file: { name, mimeType: 'application/pdf', buffer: PDF } },
    });
    expect(answer.status(), await answer.text()).toBe(201);
    return ((await answer.json()) as { id: string }).id;
  };
  return { request, headers, post, uploadPdf };
}

/** The id of the provincial service centre (trung tâm phục vụ hành chính công) of the demo province. */
export async function serviceCentreId(request: APIRequestContext): Promise<string> {
  const agencies = (await (await request.get('/api/public/agencies')).json()) as {
    items: { id: string; kind: string }[];
  };
  const centre = agencies.items.find((agency) => agency.kind === 'trung_tam_phvhcc');
  expect(centre).toBeDefined();
  return centre?.id ?? '';
}

/** A browser context of its own for `username`, signed in on the workspace: journeys hand work on. */
export async function officerPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  await expect(page).toHaveURL(/\/workspace$/);
  return page;
}
