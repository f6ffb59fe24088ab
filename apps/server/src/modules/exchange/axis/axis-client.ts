/**
 * The adapter for the national document-exchange axis (Trục liên thông văn bản quốc gia, VPCP),
 * speaking the operations its SDK exposes (vn-norms §2.3, R-EDX-4): GetAgencyList, RegisterAgency,
 * SendEdoc, GetReceivedEdocList, GetEdoc and UpdateStatus(done), authenticated by the SystemId and
 * SecretKey headers VPCP issues. The paths and JSON shapes are those of our simulator
 * (axis-simulator.ts): the real axis is not reachable from here and its integration specification
 * was not available, so they must be checked against it before going live.
 */
export interface AxisAgency {
  code: string;
  name: string;
}

export interface AxisReceived {
  docId: string;
  kind: 'edoc' | 'status';
}

export interface AxisClient {
  getAgencyList(): Promise<AxisAgency[]>;
  registerAgencies(codes: string[]): Promise<void>;
  sendEdoc(options: { body: Uint8Array; kind: 'package' | 'status' }): Promise<{ docId: string }>;
  getReceivedEdocList(): Promise<AxisReceived[]>;
  getEdoc(docId: string): Promise<Uint8Array>;
  updateStatus(docId: string, status: 'done'): Promise<void>;
}

export function createAxisClient(options: {
  baseUrl: string | (() => string);
  systemId: string;
  secretKey: string;
}): AxisClient {
  const base = () => (typeof options.baseUrl === 'string' ? options.baseUrl : options.baseUrl());
  const headers = { systemid: options.systemId, secretkey: options.secretKey };
  async function call(
    path: string,
    init: { method?: string; body?: Uint8Array | string; type?: string } = {},
  ) {
    const response = await fetch(`${base()}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...headers, ...(init.type ? { 'content-type': init.type } : {}) },
      ...(init.body !== undefined ? { body: init.body } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok)
      throw new Error(`axis ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return response;
  }
  return {
    async getAgencyList() {
      return ((await (await call('/agencies')).json()) as { items: AxisAgency[] }).items;
    },
    async registerAgencies(codes) {
      await call('/agencies/register', {
        method: 'POST',
        body: JSON.stringify({ codes }),
        type: 'application/json',
      });
    },
    async sendEdoc({ body, kind }) {
      const type = kind === 'status' ? 'status' : 'edoc';
      return (await (
        await call(`/edocs?type=${type}`, { method: 'POST', body, type: 'application/xml' })
      ).json()) as {
        docId: string;
      };
    },
    async getReceivedEdocList() {
      return ((await (await call('/edocs/received')).json()) as { items: AxisReceived[] }).items;
    },
    async getEdoc(docId) {
      return new Uint8Array(await (await call(`/edocs/${encodeURIComponent(docId)}`)).arrayBuffer());
    },
    async updateStatus(docId, status) {
      await call(`/edocs/${encodeURIComponent(docId)}/status`, {
        method: 'POST',
        body: JSON.stringify({ status }),
        type: 'application/json',
      });
    },
  };
}
