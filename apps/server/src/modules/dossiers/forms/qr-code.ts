/** QR codes drawn as vector squares, sharp at any print resolution and with no image to embed. */
import QRCode from 'qrcode';
import { rgb } from 'pdf-lib';
import type { FormWriter } from './form-writer.ts';

/** The QR code drawn as dark squares, merged along rows, with its top-left corner at (x, top). */
export function drawQrCode(
  writer: FormWriter,
  { text, x, top, side }: { text: string; x: number; top: number; side: number },
): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = side / modules.size;
  const color = rgb(0, 0, 0);
  for (let row = 0; row < modules.size; row += 1) {
    let start = -1;
    for (let column = 0; column <= modules.size; column += 1) {
      const isDark = column < modules.size && modules.get(row, column) === 1;
      if (isDark && start < 0) start = column;
      if (!isDark && start >= 0) {
        const y = top - (row + 1) * cell;
        writer.page.drawRectangle({
          x: x + start * cell,
          y,
          width: (column - start) * cell,
          height: cell,
          color,
        });
        start = -1;
      }
    }
  }
}
