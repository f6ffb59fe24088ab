/**
 * Word wrapping on pdf-lib's font metrics. A line is a list of segments, each in one font, so a
 * label and its bold value wrap together. Words wider than the box are cut between characters, so no
 * text is ever lost off the edge.
 */
import type { PDFFont } from 'pdf-lib';

export type FontStyle = 'regular' | 'bold' | 'italic';
export type Fonts = Record<FontStyle, PDFFont>;

/** A piece of text in one style; '\n' forces a line break. */
export interface Run {
  text: string;
  style?: FontStyle;
}

export interface Segment {
  text: string;
  font: PDFFont;
}

export interface Line {
  segments: Segment[];
  width: number;
}

interface Token {
  text: string;
  font: PDFFont;
  kind: 'word' | 'space' | 'break';
}

/** NFC, so every Vietnamese letter is one precomposed glyph of the font (ễ, not e + ̂ + ̃). */
export const normalise = (text: string): string => text.normalize('NFC');

export function toRuns(text: string | Run[]): Run[] {
  return typeof text === 'string' ? [{ text }] : text;
}

function tokenise(runs: Run[], fonts: Fonts): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    const font = fonts[run.style ?? 'regular'];
    for (const part of normalise(run.text).split(/(\n|[ \t]+)/)) {
      if (part === '') continue;
      const kind = part === '\n' ? 'break' : /^[ \t]+$/.test(part) ? 'space' : 'word';
      tokens.push({ text: kind === 'space' ? ' ' : part, font, kind });
    }
  }
  return tokens;
}

/** Cuts a word too wide for a line into pieces that fit, between characters. */
function splitWord(word: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of Array.from(word)) {
    if (piece !== '' && font.widthOfTextAtSize(piece + character, size) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

class LineBuilder {
  readonly lines: Line[] = [];
  private current: Line = { segments: [], width: 0 };
  private pendingSpace: Segment | null = null;

  append(text: string, font: PDFFont, width: number): void {
    const parts = this.pendingSpace ? [this.pendingSpace, { text, font }] : [{ text, font }];
    this.pendingSpace = null;
    for (const part of parts) {
      const last = this.current.segments.at(-1);
      if (last && last.font === part.font) last.text += part.text;
      else this.current.segments.push({ ...part });
    }
    this.current.width += width;
  }

  space(font: PDFFont): void {
    if (this.current.segments.length > 0) this.pendingSpace = { text: ' ', font };
  }

  get width(): number {
    return this.current.width;
  }

  get lineIndex(): number {
    return this.lines.length;
  }

  get isEmpty(): boolean {
    return this.current.segments.length === 0;
  }

  spaceWidth(size: number): number {
    return this.pendingSpace ? this.pendingSpace.font.widthOfTextAtSize(' ', size) : 0;
  }

  breakLine(): void {
    this.lines.push(this.current);
    this.current = { segments: [], width: 0 };
    this.pendingSpace = null;
  }

  finish(): Line[] {
    if (!this.isEmpty || this.lines.length === 0) this.breakLine();
    return this.lines;
  }
}

/** The width of each line by its index; a line may be narrower beside a QR code. */
export type LineWidths = number | ((lineIndex: number) => number);

/**
 * Wraps runs into lines no wider than their width; always at least one (possibly empty) line. Widths
 * may only grow with the line index: a cut word's pieces all take the width of its first line.
 */
export function wrapRuns(runs: Run[], fonts: Fonts, size: number, widths: LineWidths): Line[] {
  const builder = new LineBuilder();
  const widthAt = typeof widths === 'number' ? () => widths : widths;
  for (const token of tokenise(runs, fonts)) {
    if (token.kind === 'break') builder.breakLine();
    else if (token.kind === 'space') builder.space(token.font);
    else {
      const width = token.font.widthOfTextAtSize(token.text, size);
      if (builder.width + builder.spaceWidth(size) + width <= widthAt(builder.lineIndex)) {
        builder.append(token.text, token.font, builder.spaceWidth(size) + width);
        continue;
      }
      if (!builder.isEmpty) builder.breakLine();
      const pieces = splitWord(token.text, token.font, size, widthAt(builder.lineIndex));
      pieces.forEach((piece, index) => {
        if (index > 0) builder.breakLine();
        builder.append(piece, token.font, token.font.widthOfTextAtSize(piece, size));
      });
    }
  }
  return builder.finish();
}

/** The largest size, down to minimum, at which text fits on one line of maxWidth. */
export function fitSize(
  text: string,
  font: PDFFont,
  { preferred, minimum, maxWidth }: { preferred: number; minimum: number; maxWidth: number },
): number {
  const width = font.widthOfTextAtSize(normalise(text), preferred);
  return width <= maxWidth ? preferred : Math.max(minimum, (preferred * maxWidth) / width);
}
