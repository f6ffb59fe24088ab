import { describe, expect, it } from 'vitest';
import type { StatusDocument } from './build-payload.ts';
import { createPortalClient, PortalError } from './portal-client.ts';

const document = { MaHoSo: '000.00.14.H20-261126-0001', TrangThaiHoSo: 2 } as StatusDocument;

function clientAnswering(status: number, body: string) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const client = createPortalClient({
    baseUrl: 'https://portal.example/api/',
    token: 'secret-token',
    unitCode: 'H20',
    fetch: async (url, init) => {
      calls.push({ url: url instanceof Request ? url.url : url.toString(), init });
      return new Response(body, { status, headers: { 'content-type': 'application/json' } });
    },
  });
  return { client, calls };
}

describe('the portal client', () => {
  it('posts the document with the token to /dongbohoso and reads error code 0 as accepted', async () => {
    const { client, calls } = clientAnswering(200, '{"error_code":"0","message":"Thành công"}');
    const answer = await client.sendStatus(document);
    expect(answer).toMatchObject({ isAccepted: true, errorCode: '0' });
    expect(calls[0]?.url).toBe('https://portal.example/api/dongbohoso');
    expect((calls[0]?.init?.headers as Record<string, string>).authorization).toBe('Bearer secret-token');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({
      service: 'DongBoHoSoMC',
      madonvi: 'H20',
      isUpdating: true,
      data: [document],
    });
  });

  it('answers a refusal with the portal’s code and reason, and a refused token as a refusal', async () => {
    const refused = await clientAnswering(
      200,
      '{"error_code":1,"message":"Thiếu trường MaTTHC"}',
    ).client.sendStatus(document);
    expect(refused).toMatchObject({ isAccepted: false, errorCode: '1', message: 'Thiếu trường MaTTHC' });
    const unauthorised = await clientAnswering(401, '{}').client.sendStatus(document);
    expect(unauthorised).toMatchObject({ isAccepted: false, message: 'token refused (401)' });
  });

  it('throws when the portal answers no JSON, and when a list call is refused', async () => {
    await expect(
      clientAnswering(502, '<html>Bad gateway</html>').client.sendStatus(document),
    ).rejects.toThrow(PortalError);
    await expect(
      clientAnswering(200, '{"error_code":"5","message":"Sai mã đơn vị"}').client.pullDossiers(new Date()),
    ).rejects.toThrow(/Sai mã đơn vị/);
  });

  it('asks for dossiers filed since a Vietnam-time stamp and lists what the portal holds', async () => {
    const { client, calls } = clientAnswering(
      200,
      '{"error_code":"0","data":[{"MaHoSo":"A.01-261126-0001","TrangThaiHoSo":4,"NgayCapNhat":"20261126090000"}]}',
    );
    await client.pullDossiers(new Date('2026-11-26T01:00:00Z'));
    expect(calls[0]?.url).toBe('https://portal.example/api/layhoso?madonvi=H20&tungay=20261126080000');
    expect(await client.listHeld({ from: '2026-11-26', to: '2026-11-26' })).toEqual([
      { code: 'A.01-261126-0001', status: 4, updatedAt: '20261126090000' },
    ]);
  });
});
