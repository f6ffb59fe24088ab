import type { StatusDocument } from './build-payload.ts';
import { portalTime } from './build-payload.ts';

/**
 * The HTTP adapter of Cổng DVCQG. Assumed protocol, to confirm with the VPCP integration
 * specification (README.md):
 *
 * - every call carries the access token the portal issues to the province, in `Authorization:
 *   Bearer …` (some versions put it in the body as `session`, obtained from a sign-in call);
 * - `POST {baseUrl}/dongbohoso` with `{service: 'DongBoHoSoMC', madonvi, isUpdating, data: [document]}`
 *   sends a dossier's state; the portal answers `{error_code, message}`, `error_code` "0" (or "00")
 *   meaning accepted and anything else a refusal whose message says why (often the field);
 * - `GET {baseUrl}/layhoso?madonvi=&tungay=yyyyMMddHHmmss` answers `{error_code, data: [...]}`, the
 *   dossiers filed on the portal for the province's agencies since that time;
 * - `GET {baseUrl}/hoso?madonvi=&from=YYYY-MM-DD&to=YYYY-MM-DD` answers `{error_code, data: [{MaHoSo,
 *   TrangThaiHoSo, NgayCapNhat}]}`, what the portal holds, for the reconciliation.
 *
 * `dongbohoso` is the name of the sync call (DongBoHoSoMC) seen in provincial integrations; the
 * real base URL and paths come with the token.
 */
export interface PortalClientOptions {
  /** A function when the address is known only once the server listens (the local simulator). */
  baseUrl: string | (() => string);
  /** The access token the portal issued to the province. */
  token: string;
  /** madonvi: the province's mã định danh as registered with the portal. */
  unitCode: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface PortalAnswer {
  isAccepted: boolean;
  errorCode: string;
  message: string;
  /** The body as the portal sent it, for the sync record. */
  raw: unknown;
}

export interface HeldStatus {
  code: string;
  status: number;
  updatedAt: string | null;
}

export interface PortalClient {
  /** Sends one dossier's state; throws when the portal cannot be reached or answers no JSON. */
  sendStatus(document: StatusDocument): Promise<PortalAnswer>;
  /** Dossiers filed on the portal for our agencies since `since`, as the portal sends them. */
  pullDossiers(since: Date): Promise<unknown[]>;
  /** What the portal holds of dossiers updated in these Vietnam days (YYYY-MM-DD). */
  listHeld(range: { from: string; to: string }): Promise<HeldStatus[]>;
}

export const SYNC_SERVICE = 'DongBoHoSoMC';
const ACCEPTED = new Set(['0', '00']);
const MESSAGE_MAX = 1_000;

export class PortalError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null = null) {
    super(message);
    this.name = 'PortalError';
    this.status = status;
  }
}

function answerOf(body: unknown): PortalAnswer {
  const record = (body ?? {}) as { error_code?: unknown; message?: unknown };
  const code = record.error_code;
  const errorCode = typeof code === 'string' || typeof code === 'number' ? String(code) : '';
  const message = typeof record.message === 'string' ? record.message.slice(0, MESSAGE_MAX) : '';
  return { isAccepted: ACCEPTED.has(errorCode), errorCode, message, raw: body };
}

export function createPortalClient(options: PortalClientOptions): PortalClient {
  const doFetch = options.fetch ?? fetch;
  const base = () =>
    (typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const headers = { authorization: `Bearer ${options.token}`, accept: 'application/json' };

  async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await doFetch(`${base()}${path}`, {
        ...init,
        headers: { ...headers, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new PortalError(
        `DVCQG ${path} unreachable: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      throw new PortalError(`DVCQG ${path} answered ${response.status} without JSON`, response.status);
    }
    return { status: response.status, body };
  }

  async function getList(path: string, query: Record<string, string>): Promise<unknown[]> {
    const { status, body } = await call(
      `${path}?${new URLSearchParams({ madonvi: options.unitCode, ...query }).toString()}`,
    );
    const answer = answerOf(body);
    if (status !== 200 || !answer.isAccepted)
      throw new PortalError(
        `DVCQG ${path} answered ${status} ${answer.errorCode} ${answer.message}`.trim(),
        status,
      );
    const data = (body as { data?: unknown }).data;
    if (!Array.isArray(data)) throw new PortalError(`DVCQG ${path}: no data list in the answer`, status);
    return data as unknown[];
  }

  return {
    async sendStatus(document) {
      const { status, body } = await call('/dongbohoso', {
        method: 'POST',
        body: JSON.stringify({
          service: SYNC_SERVICE,
          madonvi: options.unitCode,
          // The portal creates or updates by MaHoSo; we always send the whole current state.
          isUpdating: document.TrangThaiHoSo > 1,
          data: [document],
        }),
      });
      const answer = answerOf(body);
      if (status === 401 || status === 403)
        return { ...answer, isAccepted: false, message: answer.message || `token refused (${status})` };
      if (status >= 300) return { ...answer, isAccepted: false, message: answer.message || `HTTP ${status}` };
      return answer;
    },

    pullDossiers: (since) => getList('/layhoso', { tungay: portalTime(since) }),

    async listHeld(range) {
      const rows = await getList('/hoso', { from: range.from, to: range.to });
      return rows.map((row) => {
        const held = row as { MaHoSo?: unknown; TrangThaiHoSo?: unknown; NgayCapNhat?: unknown };
        return {
          code: typeof held.MaHoSo === 'string' ? held.MaHoSo : '',
          status: Number(held.TrangThaiHoSo),
          updatedAt: typeof held.NgayCapNhat === 'string' ? held.NgayCapNhat : null,
        };
      });
    },
  };
}
