import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import {
  assertBoundedStructure,
  MAX_INFLATED_STRUCTURE_BYTES,
} from '../src/modules/signatures/pdf-bounds.ts';
import { PdfSignatureError } from '../src/modules/signatures/pdf-errors.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { createTestPki, type TestPki } from './signatures-pki.ts';
import { samplePdf } from './signatures-tools.ts';

type ErrorAnswer = { detail?: string; issues?: { field: string; message: string }[] };

/**
 * A PDF whose one object stream (what pdf-lib inflates whole when it loads a file) holds `inflated`
 * bytes of spaces in a few hundred kilobytes: a decompression bomb of the kind that reaches our code.
 */
function bombPdf(inflated: number, type = 'ObjStm'): Uint8Array {
  const payload = deflateSync(Buffer.alloc(inflated, 0x20), { level: 9 });
  const head = Buffer.from(
    `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n` +
      `3 0 obj\n<< /Type /${type} /N 1 /First 4 /Filter /FlateDecode /Length ${payload.byteLength} >>\nstream\n`,
    'latin1',
  );
  const tail = Buffer.from(
    `\nendstream\nendobj\ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n`,
    'latin1',
  );
  return new Uint8Array(Buffer.concat([head, payload, tail]));
}

let t: TestApp;
let pki: TestPki;

beforeAll(async () => {
  [t, pki] = await Promise.all([startTestApp(), createTestPki()]);
});
afterAll(() => t.close());

describe('decompression bombs are refused before anything inflates them', () => {
  const bomb = bombPdf(MAX_INFLATED_STRUCTURE_BYTES + 16 * 1024 * 1024);

  it('the bomb is small on the wire: under 1 MB for 80 MiB inflated', () => {
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
  });

  it('the public verification answers 413 naming the file, with the reason', async () => {
    const answer = await t.client().upload<ErrorAnswer>('/api/public/verify-pdf', {
      bytes: bomb,
      name: 'bom.pdf',
      type: 'application/pdf',
    });
    expect(answer.status).toBe(413);
    expect(answer.body.issues).toEqual([
      { field: 'file', message: expect.stringContaining('64 MiB') as string },
    ]);
    expect(answer.body.issues?.[0]?.message).toMatch(/bom giải nén/);
  });

  it('signing refuses it', async () => {
    const attempt = signPdf(bomb, pki.official.signer, { reason: 'x', location: 'y', name: 'z' });
    await expect(attempt).rejects.toBeInstanceOf(PdfSignatureError);
    await expect(attempt).rejects.toMatchObject({ code: 'decompression_bomb' });
  });

  it('a cross-reference stream counts too, and the budget is over all streams together', () => {
    expect(() => assertBoundedStructure(bombPdf(2 * 1024 * 1024, 'XRef'), 1024 * 1024)).toThrow(
      /decompression bomb/,
    );
    const twoHalves = Buffer.concat([bombPdf(600 * 1024), bombPdf(600 * 1024)]);
    expect(() => assertBoundedStructure(new Uint8Array(twoHalves), 1024 * 1024)).toThrow(
      /decompression bomb/,
    );
    expect(() => assertBoundedStructure(bombPdf(600 * 1024), 1024 * 1024)).not.toThrow();
  });

  it('an ordinary PDF, with its own object streams, passes and signs', async () => {
    const ordinary = await samplePdf(50);
    expect(Buffer.from(ordinary).toString('latin1')).toMatch(/\/Type\s*\/ObjStm/);
    expect(() => assertBoundedStructure(ordinary)).not.toThrow();
    const signed = await signPdf(ordinary, pki.official.signer, { reason: 'x', location: 'y', name: 'z' });
    expect(signed.byteLength).toBeGreaterThan(ordinary.byteLength);
  });
});
