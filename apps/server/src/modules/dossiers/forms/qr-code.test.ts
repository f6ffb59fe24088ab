import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { A5, FormWriter } from './form-writer.ts';
import { rasterise } from './pdf-probe.ts';
import { drawQrCode } from './qr-code.ts';

describe('QR code', () => {
  it('draws exactly the modules of the encoded URL', async () => {
    const url = 'https://dichvucong.quangtri.gov.vn/tra-cuu/H45.26-261126-0042';
    const writer = await FormWriter.create(A5, {
      title: 't',
      subject: 's',
      issuedAt: '2026-11-26T08:30:00Z',
    });
    const [x, top, side] = [100, 500, 200];
    drawQrCode(writer, { text: url, x, top, side });
    const dpi = 144;
    const image = await rasterise(await writer.finish({ pageNumbers: false }), dpi);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const scale = dpi / 72;
    const cell = side / modules.size;
    const drawn: number[] = [];
    const expected: number[] = [];
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1) {
        // The centre of the module, in pixels from the top-left of the page.
        const px = Math.round((x + (column + 0.5) * cell) * scale);
        const py = Math.round((A5.size[1] - top + (row + 0.5) * cell) * scale);
        drawn.push((image.pixels[py * image.width + px] ?? 255) < 128 ? 1 : 0);
        expected.push(modules.get(row, column));
      }
    }
    expect(drawn.filter((bit) => bit === 1).length).toBeGreaterThan(100);
    expect(drawn).toEqual(expected);
  });
});
