import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PDFNumber } from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import { verifyPdf } from '../src/modules/signatures/pades-verify.ts';
import {
  POINTS_PER_MM,
  sealRectOverlapping,
  type Rect,
} from '../src/modules/signatures/signature-appearance.ts';
import { signaturePng } from './signatures-png.ts';
import { createTestPki, der, type TestPki } from './signatures-pki.ts';
import { opensslCmsVerify, pdfsig, rawSignatures, samplePdf, writeTemp } from './signatures-tools.ts';

let pki: TestPki;
let sealed: Uint8Array;
let personalOnly: Uint8Array;
const personalRect: Rect = { x: 330, y: 420, width: 150, height: 80 };
const sealRect = sealRectOverlapping(personalRect);
const signingTime = new Date('2026-11-27T02:30:00Z');

/** The first page rendered by poppler at 72 dpi (one pixel a point), as RGB rows from the top. */
function renderFirstPage(pdf: Uint8Array): {
  width: number;
  height: number;
  pixel(x: number, y: number): number[];
} {
  const prefix = writeTemp('render', '');
  const result = spawnSync('pdftoppm', [
    '-r',
    '72',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    writeTemp('r.pdf', pdf),
    prefix,
  ]);
  if (result.error || result.status !== 0)
    throw new Error(`pdftoppm failed (install poppler-utils): ${String(result.stderr)}`);
  const ppm = readFileSync(`${prefix}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  return {
    width,
    height,
    pixel: (x, y) => [...ppm.subarray(start + (y * width + x) * 3, start + (y * width + x) * 3 + 3)],
  };
}

function widgetRects(pdf: PDFDocument): number[][] {
  const annots = pdf.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
  return Array.from({ length: annots.size() }, (_, i) =>
    annots
      .lookup(i, PDFDict)
      .lookup(PDFName.of('Rect'), PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber()),
  );
}

beforeAll(async () => {
  pki = await createTestPki();
  personalOnly = await signPdf(await samplePdf(2), pki.official.signer, {
    reason: 'Phê duyệt',
    location: 'Đồng Tháp',
    name: 'Nguyễn Văn An',
    signingTime,
    appearance: {
      pageIndex: 0,
      rect: personalRect,
      kind: 'personal',
      image: signaturePng(),
      label: 'Nguyễn Văn An',
    },
  });
  sealed = await signPdf(personalOnly, pki.seal.signer, {
    reason: 'Phát hành',
    location: 'Đồng Tháp',
    name: 'Văn phòng UBND tỉnh Thử Nghiệm',
    appearance: { pageIndex: 0, rect: sealRect, kind: 'seal', label: 'Ủy ban nhân dân tỉnh Thử Nghiệm' },
    stamps: [
      { pageIndex: 0, x: 72, y: 700, text: 'Số: 12/QĐ-UBND' },
      { pageIndex: 0, x: 330, y: 700, text: 'Đồng Tháp, ngày 27 tháng 11 năm 2026' },
    ],
  });
});

describe('visible signatures (R-SIG-2)', () => {
  it('the seal is 36–40 mm across and covers the left third of the personal signature', async () => {
    const doc = await PDFDocument.load(sealed);
    const [personal, seal] = widgetRects(doc);
    expect(personal).toEqual([330, 420, 480, 500]);
    const [sx1, sy1, sx2, sy2] = seal!;
    const diameterMm = (sx2! - sx1!) / POINTS_PER_MM;
    expect(diameterMm).toBeGreaterThanOrEqual(36);
    expect(diameterMm).toBeLessThanOrEqual(40);
    expect(sy2! - sy1!).toBeCloseTo(sx2! - sx1!, 5);
    const overlap = Math.min(sx2!, 480) - Math.max(sx1!, 330);
    expect(overlap / 150).toBeGreaterThan(0.3);
    expect(overlap / 150).toBeLessThan(0.37);
    expect(sx1!).toBeLessThan(330);
    expect((sy1! + sy2!) / 2).toBeCloseTo(460, 5);
  });

  it('poppler draws the blue signature in its rectangle and the red seal in its own, and the stamps as text', () => {
    const page = renderFirstPage(sealed);
    const isBlue = ([r, g, b]: number[]) => b! > 150 && r! < 100 && g! < 120;
    const isRed = ([r, g, b]: number[]) => r! > 150 && g! < 90 && b! < 90;
    const count = (
      rect: { x: number; y: number; width: number; height: number },
      test: (p: number[]) => boolean,
    ) => {
      let n = 0;
      for (let x = Math.ceil(rect.x); x < rect.x + rect.width; x++)
        for (let y = Math.ceil(page.height - rect.y - rect.height); y < page.height - rect.y; y++)
          if (test(page.pixel(x, y))) n++;
      return n;
    };
    const rightTwoThirds = { ...personalRect, x: sealRect.x + sealRect.width + 2, width: 95 };
    expect(count(rightTwoThirds, isBlue)).toBeGreaterThan(50);
    expect(count(sealRect, isRed)).toBeGreaterThan(300);
    expect(
      count({ x: 0, y: 0, width: 300, height: 300 }, isRed) +
        count({ x: 0, y: 0, width: 300, height: 300 }, isBlue),
    ).toBe(0);
    const text = spawnSync('pdftotext', ['-f', '1', '-l', '1', writeTemp('s.pdf', sealed), '-'], {
      encoding: 'utf8',
    });
    expect(text.stdout).toContain('Số: 12/QĐ-UBND');
    expect(text.stdout).toContain('Đồng Tháp, ngày 27 tháng 11 năm 2026');
  });

  it('the personal signature stays valid after the seal and stamps are added: verifyPdf, pdfsig and openssl cms agree', async () => {
    const reports = await verifyPdf(sealed, {
      anchors: [der(pki.root)],
      crls: [der(pki.crl), der(pki.rootCrl)],
    });
    expect(reports.map((r) => [r.signer?.commonName, r.integrity, r.valid, r.coversWholeDocument])).toEqual([
      ['Nguyễn Văn An', true, true, false],
      ['Văn phòng UBND tỉnh Thử Nghiệm', true, true, true],
    ]);
    expect(reports[0]!.signingTime).toBe('2026-11-27T09:30:00+07:00');
    const report = pdfsig(sealed);
    expect(report.output.match(/Signature is Valid/g)).toHaveLength(2);
    const rootPem = pki.root.toString('pem');
    for (const { cms, signedBytes } of rawSignatures(sealed)) {
      const result = opensslCmsVerify({ cms, content: signedBytes, rootPem });
      expect(result.output).toContain('Verification successful');
    }
  });

  it('refuses a page that the document does not have', async () => {
    await expect(
      signPdf(personalOnly, pki.seal.signer, {
        reason: 'r',
        location: 'l',
        name: 'n',
        stamps: [{ pageIndex: 5, x: 1, y: 1, text: 'x' }],
      }),
    ).rejects.toThrow(/page 5/);
  });
});
