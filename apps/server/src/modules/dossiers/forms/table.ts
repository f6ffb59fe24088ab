/**
 * Ruled tables whose cells wrap and whose rows break across pages, the header row repeated on every
 * page. A row taller than what is left of a page moves to the next one; a row taller than a whole
 * page is cut between lines.
 */
import { rgb } from 'pdf-lib';
import type { FormWriter, Align } from './form-writer.ts';
import type { Line } from './text-layout.ts';

export interface TableColumn {
  header: string;
  /** Relative width: the columns share the content width in proportion. */
  weight: number;
  align?: Align;
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  /** Printed across the whole table when there is no row. */
  emptyText: string;
  size?: number;
}

const PADDING = 3;

interface Cell {
  lines: Line[];
  x: number;
  width: number;
  align: Align;
}

export function drawTable(writer: FormWriter, spec: TableSpec): void {
  writer.clearFloat();
  const size = spec.size ?? writer.layout.fontSize;
  const lineHeight = writer.lineHeight(size);
  const totalWeight = spec.columns.reduce((sum, column) => sum + column.weight, 0);
  let x = writer.left;
  const boxes = spec.columns.map((column) => {
    const width = (writer.width * column.weight) / totalWeight;
    const box = { x, width, align: column.align ?? 'left' };
    x += width;
    return box;
  });
  const wrapCells = (texts: string[], style: 'regular' | 'bold', align?: Align): Cell[] =>
    boxes.map((box, index) => ({
      ...box,
      align: align ?? box.align,
      lines: writer.wrap(texts[index] ?? '', { size, style, width: box.width - 2 * PADDING }),
    }));
  const header = wrapCells(
    spec.columns.map((column) => column.header),
    'bold',
    'center',
  );
  const headerHeight = rowHeight(header, lineHeight);

  const drawHeader = (): void => {
    writer.ensureSpace(headerHeight + lineHeight + 2 * PADDING);
    drawRowChunk(writer, header, 0, maxLines(header), { size, lineHeight });
  };
  const drawRow = (cells: Cell[]): void => {
    const total = maxLines(cells);
    const freshCapacity = Math.floor((writer.top - writer.bottom - headerHeight - 2 * PADDING) / lineHeight);
    let offset = 0;
    while (offset < total) {
      const available = Math.floor((writer.y - writer.bottom - 2 * PADDING) / lineHeight);
      const remaining = total - offset;
      const isBetterOnFreshPage = offset === 0 && available < remaining && remaining <= freshCapacity;
      if (available < 1 || isBetterOnFreshPage) {
        writer.newPage();
        drawHeader();
        continue;
      }
      const count = Math.min(available, remaining);
      drawRowChunk(writer, cells, offset, count, { size, lineHeight });
      offset += count;
    }
  };

  drawHeader();
  if (spec.rows.length === 0) {
    const full = { x: writer.left, width: writer.width, align: 'center' as const };
    const lines = writer.wrap(spec.emptyText, { size, style: 'italic', width: writer.width - 2 * PADDING });
    drawRow([{ ...full, lines }]);
  }
  for (const row of spec.rows) drawRow(wrapCells(row, 'regular'));
  writer.skip(size * 0.5);
}

const maxLines = (cells: Cell[]): number => Math.max(1, ...cells.map((cell) => cell.lines.length));
const rowHeight = (cells: Cell[], lineHeight: number): number => maxLines(cells) * lineHeight + 2 * PADDING;

/** Draws lines [offset, offset + count) of every cell at the cursor, with cell borders. */
function drawRowChunk(
  writer: FormWriter,
  cells: Cell[],
  offset: number,
  count: number,
  { size, lineHeight }: { size: number; lineHeight: number },
): void {
  const height = count * lineHeight + 2 * PADDING;
  const top = writer.y;
  for (const cell of cells) {
    writer.page.drawRectangle({
      x: cell.x,
      y: top - height,
      width: cell.width,
      height,
      borderColor: rgb(0, 0, 0),
      borderWidth: 0.5,
    });
    const lines = cell.lines.slice(offset, offset + count);
    writer.drawLines(lines, top - PADDING, {
      x: cell.x + PADDING,
      width: cell.width - 2 * PADDING,
      align: cell.align,
      size,
    });
  }
  writer.y = top - height;
}
