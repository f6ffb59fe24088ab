/**
 * A page cursor over pdf-lib: the document with DejaVu Sans embedded as a subset, a content box, and
 * paragraphs that wrap and move to a new page when the box is full.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { toDate } from './vietnam-time.ts';
import type { IsoDateTime } from './types.ts';
import {
  toRuns,
  wrapRuns,
  type FontStyle,
  type Fonts,
  type Line,
  type LineWidths,
  type Run,
} from './text-layout.ts';

const MM = 72 / 25.4;
export const A5: PageLayout = {
  size: [148 * MM, 210 * MM],
  margin: { top: 10 * MM, right: 10 * MM, bottom: 10 * MM, left: 15 * MM },
  fontSize: 9,
};
export const A4: PageLayout = {
  size: [210 * MM, 297 * MM],
  margin: { top: 15 * MM, right: 15 * MM, bottom: 15 * MM, left: 25 * MM },
  fontSize: 10,
};
export const A4_LANDSCAPE: PageLayout = {
  size: [297 * MM, 210 * MM],
  margin: { top: 12 * MM, right: 12 * MM, bottom: 15 * MM, left: 15 * MM },
  fontSize: 8,
};

export interface PageLayout {
  size: [number, number];
  margin: { top: number; right: number; bottom: number; left: number };
  fontSize: number;
}

export type Align = 'left' | 'center' | 'right';

export interface TextBox {
  x?: number;
  width?: number;
  align?: Align;
  size?: number;
  style?: FontStyle;
}

const FONT_FILES: Record<FontStyle, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
};

type FontBytes = Record<FontStyle, Uint8Array>;
/** Read once per process; each document embeds its own subset of the glyphs it uses. */
let fontBytes: Promise<FontBytes> | undefined;

function loadFontBytes(): Promise<FontBytes> {
  if (!fontBytes) {
    const require = createRequire(import.meta.url);
    const directory = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const read = (style: FontStyle) => readFile(path.join(directory, FONT_FILES[style]));
    fontBytes = Promise.all([read('regular'), read('bold'), read('italic')]).then(
      ([regular, bold, italic]) => ({ regular, bold, italic }),
    );
    // A failed read is not cached, so a later call may succeed.
    fontBytes.catch(() => (fontBytes = undefined));
  }
  return fontBytes;
}

export interface DocumentInfo {
  title: string;
  subject: string;
  issuedAt: IsoDateTime;
}

export class FormWriter {
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  readonly layout: PageLayout;
  page: PDFPage;
  /** The top of the free space on the current page. */
  y: number;
  /** A box on the right (the QR code) that paragraphs wrap around until the cursor passes it. */
  private float: { page: PDFPage; x: number; bottom: number } | null = null;

  private constructor(doc: PDFDocument, fonts: Fonts, layout: PageLayout) {
    this.doc = doc;
    this.fonts = fonts;
    this.layout = layout;
    this.page = doc.addPage(layout.size);
    this.y = this.top;
  }

  static async create(layout: PageLayout, info: DocumentInfo): Promise<FormWriter> {
    const bytes = await loadFontBytes();
    // No automatic metadata: the dates are the form's own, not the moment of rendering.
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const embed = (style: FontStyle) => doc.embedFont(bytes[style], { subset: true });
    const [regular, bold, italic] = await Promise.all([embed('regular'), embed('bold'), embed('italic')]);
    doc.setTitle(info.title, { showInWindowTitleBar: true });
    doc.setSubject(info.subject);
    doc.setCreator('TinhSo');
    doc.setProducer('TinhSo (pdf-lib)');
    doc.setLanguage('vi-VN');
    doc.setCreationDate(toDate(info.issuedAt));
    doc.setModificationDate(toDate(info.issuedAt));
    return new FormWriter(doc, { regular, bold, italic }, layout);
  }

  get top(): number {
    return this.layout.size[1] - this.layout.margin.top;
  }
  get bottom(): number {
    return this.layout.margin.bottom;
  }
  get left(): number {
    return this.layout.margin.left;
  }
  get width(): number {
    return this.layout.size[0] - this.layout.margin.left - this.layout.margin.right;
  }
  lineHeight(size = this.layout.fontSize): number {
    return size * 1.25;
  }

  /** Keeps the right part of the page from x on, down to bottom, free for a drawing. */
  floatRight(x: number, bottom: number): void {
    this.float = { page: this.page, x, bottom };
  }

  /** Moves the cursor below the floating box, for content that cannot wrap around it. */
  clearFloat(): void {
    if (this.float?.page === this.page) this.y = Math.min(this.y, this.float.bottom);
    this.float = null;
  }

  newPage(): void {
    this.page = this.doc.addPage(this.layout.size);
    this.y = this.top;
  }

  /** Starts a new page unless height fits below the cursor. */
  ensureSpace(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  skip(height: number): void {
    this.y -= height;
  }

  wrap(text: string | Run[], box: TextBox = {}, widths: LineWidths = this.boxWidth(box)): Line[] {
    const runs = toRuns(text).map((run) => ({ ...run, style: run.style ?? box.style }));
    return wrapRuns(runs, this.fonts, box.size ?? this.layout.fontSize, widths);
  }

  /** Line widths for a paragraph starting at the cursor, narrower beside the floating box. */
  private widthsAtCursor(box: TextBox): (lineIndex: number) => number {
    const float = this.float;
    const width = this.boxWidth(box);
    if (!float || float.page !== this.page || this.y <= float.bottom) return () => width;
    const [top, lineHeight, x] = [this.y, this.lineHeight(box.size), box.x ?? this.left];
    const gap = this.layout.fontSize;
    return (index) => (top - index * lineHeight > float.bottom ? Math.min(width, float.x - gap - x) : width);
  }

  /** A box without a width runs from its x to the right margin. */
  private boxWidth(box: TextBox): number {
    return box.width ?? this.left + this.width - (box.x ?? this.left);
  }

  /** Draws lines with their first line's top at top, on the current page; returns the height. */
  drawLines(lines: Line[], top: number, box: TextBox = {}): number {
    const size = box.size ?? this.layout.fontSize;
    const x = box.x ?? this.left;
    const width = this.boxWidth(box);
    lines.forEach((line, index) => {
      const free = width - line.width;
      let cursor = x + (box.align === 'center' ? free / 2 : box.align === 'right' ? free : 0);
      const baseline = top - index * this.lineHeight(size) - size;
      for (const segment of line.segments) {
        this.page.drawText(segment.text, { x: cursor, y: baseline, size, font: segment.font });
        cursor += segment.font.widthOfTextAtSize(segment.text, size);
      }
    });
    return lines.length * this.lineHeight(size);
  }

  /** A wrapped paragraph at the cursor, breaking onto new pages line by line. */
  paragraph(text: string | Run[], box: TextBox = {}): void {
    const lineHeight = this.lineHeight(box.size);
    this.ensureSpace(lineHeight);
    const widths = this.widthsAtCursor(box);
    this.wrap(text, box, widths).forEach((line, index) => {
      this.ensureSpace(lineHeight);
      // Aligned within its own width, so a centred line beside the QR code is centred beside it.
      this.y -= this.drawLines([line], this.y, { ...box, width: widths(index) });
    });
  }

  rule(x1: number, x2: number, y: number, thickness = 0.6): void {
    const color = rgb(0, 0, 0);
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color });
  }

  /** Saves the document; with pageNumbers, writes 'Trang x/y' at the foot of every page. */
  async finish({ pageNumbers }: { pageNumbers: boolean }): Promise<Uint8Array> {
    if (pageNumbers) {
      const pages = this.doc.getPages();
      const size = this.layout.fontSize - 1;
      pages.forEach((page, index) => {
        this.page = page;
        const lines = this.wrap(`Trang ${index + 1}/${pages.length}`, { size, align: 'center' });
        this.drawLines(lines, this.bottom * 0.6, { size, align: 'center' });
      });
    }
    return this.doc.save();
  }
}
