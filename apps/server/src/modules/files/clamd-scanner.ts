import { connect } from 'node:net';
import { AppError } from '../../platform/errors.ts';
import type { ScanResult, Scanner } from './scanner.ts';

/** clamd reads a stream in chunks, each preceded by its length; 64 KiB keeps the writes few. */
const CHUNK_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;
const REPLY_LIMIT = 4096;

/** Splits bytes into INSTREAM frames: 4-byte big-endian length, data, and a zero-length terminator. */
export function instreamFrames(bytes: Uint8Array): Buffer[] {
  const frames: Buffer[] = [Buffer.from('zINSTREAM\0', 'latin1')];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const chunk = bytes.subarray(start, start + CHUNK_BYTES);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.length);
    frames.push(length, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  frames.push(Buffer.alloc(4));
  return frames;
}

/** Reads clamd's answer: "stream: OK", "stream: <signature> FOUND", or "… ERROR". */
export function parseClamdReply(reply: string): ScanResult {
  const text = reply.replace(/\0+$/, '').trim();
  if (text === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { clean: false, signature: found[1]! };
  throw new AppError('unavailable', {
    detail: `clamd answered ${JSON.stringify(text)}`,
    issues: [{ field: 'file', key: 'file.scannerUnavailable' }],
  });
}

/**
 * clamd over TCP with the INSTREAM command (one connection per file). Connection refused, a timeout
 * or an error answer all throw AppError('unavailable'): the caller refuses the upload (fail closed).
 */
export function clamdScanner(options: { host: string; port: number; timeoutMs?: number }): Scanner {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const unavailable = (why: string) =>
    new AppError('unavailable', {
      detail: `clamd at ${options.host}:${options.port}: ${why}`,
      issues: [{ field: 'file', key: 'file.scannerUnavailable' }],
    });
  return {
    kind: 'clamd',
    scan: (bytes) =>
      new Promise<ScanResult>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let received = 0;
        let settled = false;
        const socket = connect({ host: options.host, port: options.port });
        const finish = (outcome: () => ScanResult) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          try {
            resolve(outcome());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
        const fail = (error: AppError) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          reject(error);
        };
        socket.setTimeout(timeoutMs, () => fail(unavailable(`no answer within ${timeoutMs} ms`)));
        socket.on('error', (error) => fail(unavailable(error.message)));
        socket.on('connect', () => {
          for (const frame of instreamFrames(bytes)) socket.write(frame);
        });
        socket.on('data', (data: Buffer) => {
          chunks.push(data);
          received += data.length;
          if (received > REPLY_LIMIT) fail(unavailable('answer too long'));
          // The z-prefixed command makes clamd end its answer with a NUL byte.
          else if (data.includes(0)) finish(() => parseClamdReply(Buffer.concat(chunks).toString('utf8')));
        });
        socket.on('end', () => finish(() => parseClamdReply(Buffer.concat(chunks).toString('utf8'))));
      }),
  };
}
