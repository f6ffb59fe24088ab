import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import {
  degrees,
  drawEllipse,
  drawImage,
  drawSvgPath,
  drawText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import { toVietnamIso } from './pdf-signatures.ts';

/**
 * What a visible signature looks like (NĐ 30/2020 Phụ lục I, vn-norms §2.1, R-SIG-2): the personal
 * signature is the signer's signature image in blue (or the name, without an image) with the signing
 * time in ISO 8601 at +07:00; the seal is a red round stamp at its real size, overlapping the left
 * third of the personal signature. The clerk's number, symbol and date are text stamps (Times-like
 * serif, 10 pt, black) written in the same incremental update as the seal.
 */

/** A rectangle in PDF points (1/72 inch), from the bottom-left corner of the page. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SignatureAppearance {
  /** 0 for the first page. */
  pageIndex: number;
  rect: Rect;
  kind: 'personal' | 'seal';
  /** A PNG with a transparent background: the signer's signature, or the agency's seal. */
  image?: Uint8Array;
  /** Drawn without an image: the signer's name (personal), or the agency's name around the seal. */
  label: string;
}

export interface TextStamp {
  pageIndex: number;
  x: number;
  y: number;
  text: string;
  /** 10 pt by default (NĐ 30 Phụ lục I). */
  size?: number;
  /** right: `x` is where the text ends (a stamp at the top right of the page). */
  align?: 'left' | 'right';
}

export const POINTS_PER_MM = 72 / 25.4;
/** A seal's real size: 36–40 mm across; 38 mm here. */
export const SEAL_DIAMETER = 38 * POINTS_PER_MM;
const BLUE = rgb(0.05, 0.2, 0.75);
const RED = rgb(0.85, 0.05, 0.1);
const BLACK = rgb(0, 0, 0);
const TIME_LINE = 11;

/**
 * Where the seal goes: a square of the seal's size whose right edge lies a third of the way into the
 * personal signature, vertically centred on it, so it covers about the left third (NĐ 30 Phụ lục I).
 */
export function sealRectOverlapping(personal: Rect, diameter = SEAL_DIAMETER): Rect {
  return {
    x: personal.x + personal.width / 3 - diameter,
    y: personal.y + personal.height / 2 - diameter / 2,
    width: diameter,
    height: diameter,
  };
}

type FontName = 'sans' | 'serif';
const FONT_FILES: Record<FontName, string> = { sans: 'DejaVuSans.ttf', serif: 'DejaVuSerif.ttf' };
const fontBytes = new Map<FontName, Promise<Buffer>>();

function loadFont(name: FontName): Promise<Buffer> {
  let bytes = fontBytes.get(name);
  if (!bytes) {
    const require = createRequire(import.meta.url);
    const directory = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    bytes = readFile(path.join(directory, FONT_FILES[name]));
    bytes.catch(() => fontBytes.delete(name));
    fontBytes.set(name, bytes);
  }
  return bytes;
}

async function embedFont(doc: PDFDocument, name: FontName): Promise<PDFFont> {
  doc.registerFontkit(fontkit);
  return doc.embedFont(await loadFont(name), { subset: true });
}

const text = (
  font: PDFFont,
  value: string,
  options: { x: number; y: number; size: number; color: typeof BLUE; rotate?: number },
) =>
  drawText(font.encodeText(value), {
    color: options.color,
    font: 'F',
    size: options.size,
    rotate: degrees(options.rotate ?? 0),
    xSkew: degrees(0),
    ySkew: degrees(0),
    x: options.x,
    y: options.y,
  });

/** The largest size up to `max` at which `value` fits `width`. */
const fittingSize = (font: PDFFont, value: string, width: number, max: number) =>
  Math.max(4, Math.min(max, (max * width) / Math.max(1, font.widthOfTextAtSize(value, max))));

async function personalOperators(
  doc: PDFDocument,
  appearance: SignatureAppearance,
  font: PDFFont,
  signingTime: Date,
): Promise<{ operators: PDFOperator[]; image: PDFRef | null }> {
  const { width, height } = appearance.rect;
  const time = `Ký ngày: ${toVietnamIso(signingTime)}`;
  const timeSize = fittingSize(font, time, width, 7);
  const operators = text(font, time, {
    x: (width - font.widthOfTextAtSize(time, timeSize)) / 2,
    y: 2,
    size: timeSize,
    color: BLUE,
  });
  const area = { width, height: height - TIME_LINE };
  if (appearance.image) {
    const image = await doc.embedPng(appearance.image);
    const scale = Math.min(area.width / image.width, area.height / image.height);
    const drawn = { width: image.width * scale, height: image.height * scale };
    operators.push(
      ...drawImage('Img', {
        x: (width - drawn.width) / 2,
        y: TIME_LINE + (area.height - drawn.height) / 2,
        width: drawn.width,
        height: drawn.height,
        rotate: degrees(0),
        xSkew: degrees(0),
        ySkew: degrees(0),
      }),
    );
    return { operators, image: image.ref };
  }
  const size = fittingSize(font, appearance.label, width - 4, 14);
  operators.push(
    ...text(font, appearance.label, {
      x: (width - font.widthOfTextAtSize(appearance.label, size)) / 2,
      y: TIME_LINE + (area.height - size) / 2,
      size,
      color: BLUE,
    }),
  );
  return { operators, image: null };
}

/** A red round seal: two rings, the agency's name around the upper ring, a star in the middle. */
function sealOperators(appearance: SignatureAppearance, font: PDFFont): PDFOperator[] {
  const { width, height } = appearance.rect;
  const cx = width / 2;
  const cy = height / 2;
  const r = Math.min(width, height) / 2 - 1.5;
  const ring = (radius: number, border: number) =>
    drawEllipse({
      x: cx,
      y: cy,
      xScale: radius,
      yScale: radius,
      color: undefined,
      borderColor: RED,
      borderWidth: border,
    });
  const operators = [...ring(r, 2), ...ring(r * 0.66, 0.9)];
  const label = appearance.label.toUpperCase();
  const textRadius = r * 0.8;
  const size = Math.min(8, (Math.PI * 1.2 * textRadius) / Math.max(1, font.widthOfTextAtSize(label, 1)));
  const sweep = font.widthOfTextAtSize(label, size) / textRadius;
  let angle = Math.PI / 2 + sweep / 2;
  const baseline = textRadius - size / 3;
  for (const character of label) {
    const glyph = font.widthOfTextAtSize(character, size);
    const theta = angle - glyph / textRadius / 2;
    // The glyph's origin is the left end of its baseline, which runs along the tangent, clockwise.
    const x = cx + baseline * Math.cos(theta) - (glyph / 2) * Math.sin(theta);
    const y = cy + baseline * Math.sin(theta) + (glyph / 2) * Math.cos(theta);
    operators.push(
      ...text(font, character, { x, y, size, color: RED, rotate: ((theta - Math.PI / 2) * 180) / Math.PI }),
    );
    angle -= glyph / textRadius;
  }
  const star = r * 0.3;
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? star : star * 0.4;
    const theta = Math.PI / 2 + (i * Math.PI) / 5;
    return `${(radius * Math.cos(theta)).toFixed(2)},${(-radius * Math.sin(theta)).toFixed(2)}`;
  });
  operators.push(
    ...drawSvgPath(`M${points.join(' L')} Z`, {
      x: cx,
      y: cy,
      scale: 1,
      color: RED,
      borderColor: undefined,
      borderWidth: 0,
    }),
  );
  return operators;
}

/** The appearance stream (/AP /N) of a signature widget, in the rectangle's own coordinates. */
export async function buildAppearanceStream(
  doc: PDFDocument,
  appearance: SignatureAppearance,
  signingTime: Date,
): Promise<PDFRef> {
  const font = await embedFont(doc, 'sans');
  let operators: PDFOperator[];
  let image: PDFRef | null = null;
  if (appearance.kind === 'personal') {
    ({ operators, image } = await personalOperators(doc, appearance, font, signingTime));
  } else if (appearance.image) {
    const png = await doc.embedPng(appearance.image);
    image = png.ref;
    operators = drawImage('Img', {
      x: 0,
      y: 0,
      width: appearance.rect.width,
      height: appearance.rect.height,
      rotate: degrees(0),
      xSkew: degrees(0),
      ySkew: degrees(0),
    });
  } else {
    operators = sealOperators(appearance, font);
  }
  const stream = doc.context.formXObject([pushGraphicsState(), ...operators, popGraphicsState()], {
    BBox: [0, 0, appearance.rect.width, appearance.rect.height],
    Resources: {
      Font: { F: font.ref },
      ...(image ? { XObject: { Img: image } } : {}),
    },
  });
  return doc.context.register(stream);
}

/** Writes the stamps on their pages (serif, 10 pt, black), as page content of this revision. */
export async function drawStamps(doc: PDFDocument, stamps: TextStamp[]): Promise<void> {
  if (stamps.length === 0) return;
  const font = await embedFont(doc, 'serif');
  for (const stamp of stamps) {
    const size = stamp.size ?? 10;
    const width = stamp.align === 'right' ? font.widthOfTextAtSize(stamp.text, size) : 0;
    doc.getPage(stamp.pageIndex).drawText(stamp.text, {
      x: stamp.x - width,
      y: stamp.y,
      size,
      font,
      color: BLACK,
    });
  }
}
