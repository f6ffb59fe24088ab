import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfWithEicar } from '../../../test/fixtures/eicar.ts';
import { clamdScanner, instreamFrames, parseClamdReply } from './clamd-scanner.ts';

/** Reassembles what a client sent with INSTREAM: the command, then length-prefixed chunks. */
function decodeInstream(wire: Buffer): { command: string; chunkSizes: number[]; data: Buffer } | null {
  const command = 'zINSTREAM\0';
  if (wire.length < command.length) return null;
  let at = command.length;
  const chunks: Buffer[] = [];
  const chunkSizes: number[] = [];
  while (at + 4 <= wire.length) {
    const size = wire.readUInt32BE(at);
    at += 4;
    if (size === 0)
      return {
        command: wire.subarray(0, command.length).toString('latin1'),
        chunkSizes,
        data: Buffer.concat(chunks),
      };
    if (at + size > wire.length) return null;
    chunks.push(wire.subarray(at, at + size));
    chunkSizes.push(size);
    at += size;
  }
  return null;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A stand-in clamd that answers each complete INSTREAM with `answer(data)`, or never. */
async function fakeClamd(answer: ((data: Buffer) => string) | null) {
  const received: ReturnType<typeof decodeInstream>[] = [];
  server = createServer((socket: Socket) => {
    let wire = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      wire = Buffer.concat([wire, data]);
      const request = decodeInstream(wire);
      if (!request) return;
      received.push(request);
      if (answer) socket.end(`${answer(request.data)}\0`);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, received };
}

describe('the INSTREAM protocol', () => {
  it('frames bytes as 64 KiB chunks with big-endian lengths and a zero terminator', () => {
    const frames = Buffer.concat(instreamFrames(Buffer.alloc(150 * 1024, 7)));
    expect(decodeInstream(frames)).toEqual({
      command: 'zINSTREAM\0',
      chunkSizes: [65536, 65536, 22528],
      data: Buffer.alloc(150 * 1024, 7),
    });
    expect(Buffer.concat(instreamFrames(new Uint8Array(0))).toString('latin1')).toBe('zINSTREAM\0\0\0\0\0');
  });

  it('reads clamd’s answers, and counts any other answer as no answer', () => {
    expect(parseClamdReply('stream: OK\0')).toEqual({ clean: true });
    expect(parseClamdReply('stream: Win.Test.EICAR_HDB-1 FOUND\0')).toEqual({
      clean: false,
      signature: 'Win.Test.EICAR_HDB-1',
    });
    expect(() => parseClamdReply('INSTREAM size limit exceeded. ERROR\0')).toThrow(/size limit exceeded/);
  });
});

describe('clamdScanner against a stand-in', () => {
  it('sends the whole file and returns the verdict', async () => {
    const fake = await fakeClamd((data) =>
      data.includes('EICAR') ? 'stream: Fake.EICAR FOUND' : 'stream: OK',
    );
    const scanner = clamdScanner({ host: '127.0.0.1', port: fake.port });
    const bytes = Buffer.alloc(200_000, 1);
    expect(await scanner.scan(bytes)).toEqual({ clean: true });
    expect(fake.received[0]?.data.equals(bytes)).toBe(true);
    expect(await scanner.scan(pdfWithEicar())).toEqual({ clean: false, signature: 'Fake.EICAR' });
  });

  it('fails closed: no answer in time, an error answer, nobody listening', async () => {
    const silent = await fakeClamd(null);
    await expect(
      clamdScanner({ host: '127.0.0.1', port: silent.port, timeoutMs: 200 }).scan(Buffer.from('x')),
    ).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('no answer within 200 ms') as unknown,
    });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const failing = await fakeClamd(() => 'INSTREAM size limit exceeded. ERROR');
    await expect(
      clamdScanner({ host: '127.0.0.1', port: failing.port }).scan(Buffer.from('x')),
    ).rejects.toMatchObject({
      code: 'unavailable',
    });
    const port = failing.port;
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    await expect(clamdScanner({ host: '127.0.0.1', port }).scan(Buffer.from('x'))).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('ECONNREFUSED') as unknown,
    });
  });
});

describe.runIf(process.env.CLAMD_PORT)('clamdScanner against a real clamd (scripts/clamd.sh)', () => {
  const scanner = clamdScanner({
    host: process.env.CLAMD_HOST ?? '127.0.0.1',
    port: Number(process.env.CLAMD_PORT),
  });

  it('finds the project’s EICAR signature inside a PDF and passes a clean 10 MiB file', async () => {
    let started = performance.now();
    expect(await scanner.scan(pdfWithEicar())).toEqual({
      clean: false,
      signature: 'Tinhso.Test.EICAR.UNOFFICIAL',
    });
    const small = performance.now() - started;
    const big = Buffer.alloc(10 * 1024 * 1024, 0x41);
    Buffer.from('%PDF-1.7\n').copy(big);
    started = performance.now();
    expect(await scanner.scan(big)).toEqual({ clean: true });
    const large = performance.now() - started;
    console.log(`clamd INSTREAM: EICAR PDF ${small.toFixed(1)} ms, clean 10 MiB ${large.toFixed(1)} ms`);
  });
});
