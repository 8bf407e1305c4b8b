import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { flagInWords, type ObservationRow } from './record-rows.js';

const MARGIN = 50;
const HEADER_TOP = 28;
const CONTENT_TOP = 92;
const BOTTOM = 50;
const BODY_SIZE = 9.5;

/** Distinct strings remembered per document (their lines and glyph codes). */
const FIT_CACHE_SIZE = 20_000;

/** The parts of PDFKit's document that the fast table cells write through. */
interface PdfKitInternals {
  _font: {
    id: string;
    ascender: number;
    encode(text: string): [string[], unknown];
    ref(): unknown;
  };
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): void;
}

export interface PdfHeader {
  patientName: string;
  dateOfBirth: string;
  generatedAt: Date;
}

export interface Column {
  title: string;
  width: number;
  /** Long text wraps onto more lines; the others are kept to one line. */
  wrap?: boolean;
}

/** A calendar date (YYYY-MM-DD) written out, like "April 12, 1968". */
export function longDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).toFormat('LLLL d, yyyy');
}

/** An instant written out in UTC, like "March 3, 2026, 14:05 UTC". */
export function longInstant(instant: Date): string {
  return `${DateTime.fromJSDate(instant, { zone: 'utc' }).toFormat('LLLL d, yyyy, HH:mm')} UTC`;
}

/** An instant's calendar day in UTC, like "Mar 3, 2026". */
export function shortDay(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: 'utc' }).toFormat('LLL d, yyyy');
}

/** A result's value as printed, marked when it was corrected. */
export function resultValue(row: ObservationRow): string {
  const value = row.value_quantity !== null ? String(Number(row.value_quantity)) : row.value_text;
  const corrected = row.status === 'corrected' || row.version > 1;
  return corrected ? `${value ?? ''} (corrected)` : (value ?? '');
}

export function referenceRange(row: ObservationRow): string {
  if (row.reference_text) return row.reference_text;
  const low = row.reference_low !== null ? String(Number(row.reference_low)) : null;
  const high = row.reference_high !== null ? String(Number(row.reference_high)) : null;
  if (low !== null && high !== null) return `${low}–${high}`;
  if (low !== null) return `${low} or more`;
  if (high !== null) return `${high} or less`;
  return '';
}

export const RESULT_COLUMNS: Column[] = [
  { title: 'Test', width: 190, wrap: true },
  { title: 'Result', width: 95 },
  { title: 'Unit', width: 60 },
  { title: 'Reference range', width: 85 },
  { title: 'Flag', width: 82 },
];

export function resultCells(row: ObservationRow): string[] {
  return [
    row.display,
    resultValue(row),
    row.unit ?? '',
    referenceRange(row),
    flagInWords(row.interpretation),
  ];
}

/**
 * A paginated PDF of a patient's record, written as the rows arrive. Pages are kept until
 * the end so each can carry "Page n of m"; only the page descriptions stay in memory, never
 * the rows.
 */
export class RecordPdf {
  readonly doc: PDFKit.PDFDocument;
  private tableColumns: Column[] | null = null;
  private readonly fitted = new Map<string, string[]>();
  private readonly encoded = new Map<string, string>();

  constructor(
    private readonly header: PdfHeader,
    title: string,
  ) {
    this.doc = new PDFDocument({
      size: 'LETTER',
      bufferPages: true,
      margins: { top: CONTENT_TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
      info: { Title: title, Author: 'Patient portal', CreationDate: header.generatedAt },
      displayTitle: true,
      lang: 'en-US',
    });
    this.doc.font('Helvetica').fontSize(BODY_SIZE);
    this.doc.font('Helvetica-Bold').fontSize(18).text(title);
    this.doc.moveDown(0.5);
  }

  private get bottom(): number {
    return this.doc.page.height - BOTTOM;
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      if (this.tableColumns) this.columnHeadings(this.tableColumns);
    }
  }

  /** A section's heading, kept with at least a few lines of what follows. */
  heading(text: string): void {
    this.tableColumns = null;
    this.ensureSpace(60);
    this.doc.moveDown(0.8);
    this.doc.font('Helvetica-Bold').fontSize(14).fillColor('black').text(text, MARGIN);
    this.doc
      .moveTo(MARGIN, this.doc.y + 2)
      .lineTo(MARGIN + this.width, this.doc.y + 2)
      .lineWidth(0.5)
      .stroke();
    this.doc.moveDown(0.5);
  }

  subheading(text: string): void {
    this.tableColumns = null;
    this.ensureSpace(50);
    this.doc.moveDown(0.4);
    this.doc.font('Helvetica-Bold').fontSize(11).text(text, MARGIN, this.doc.y, {
      width: this.width,
    });
    this.doc.moveDown(0.2);
  }

  paragraph(text: string, options: { bold?: boolean; label?: string } = {}): void {
    this.tableColumns = null;
    this.ensureSpace(14);
    const doc = this.doc.fontSize(BODY_SIZE);
    if (options.label) {
      doc.font('Helvetica-Bold').text(`${options.label}: `, MARGIN, doc.y, {
        continued: true,
        width: this.width,
      });
    }
    doc
      .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
      .text(text, options.label ? undefined : MARGIN, options.label ? undefined : doc.y, {
        width: this.width,
      });
  }

  /** "None recorded." and the like, for an empty section. */
  empty(text: string): void {
    this.tableColumns = null;
    this.doc.font('Helvetica-Oblique').fontSize(BODY_SIZE).text(text, MARGIN, this.doc.y);
  }

  /** Starts a table: the column headings now and again at the top of each new page. */
  table(columns: Column[]): void {
    this.ensureSpace(40);
    this.tableColumns = columns;
    this.columnHeadings(columns);
  }

  private columnHeadings(columns: Column[]): void {
    const doc = this.doc.font('Helvetica-Bold').fontSize(BODY_SIZE);
    const y = doc.y;
    let x = MARGIN;
    for (const column of columns) {
      doc.text(column.title, x, y, { width: column.width - 6, lineBreak: false });
      x += column.width;
    }
    doc
      .moveTo(MARGIN, y + 13)
      .lineTo(MARGIN + this.width, y + 13)
      .lineWidth(0.5)
      .stroke();
    doc.x = MARGIN;
    doc.y = y + 17;
  }

  row(cells: string[], options: { emphasis?: boolean } = {}): void {
    const columns = this.tableColumns!;
    this.doc.font(options.emphasis ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY_SIZE);
    const lineHeight = this.doc.currentLineHeight(true);
    const lines = columns.map((column, index) =>
      this.fit(cells[index] ?? '', column.width - 6, !!column.wrap),
    );
    const height = Math.max(...lines.map((l) => l.length)) * lineHeight;
    this.ensureSpace(height + 3);
    // ensureSpace may have written column headings in the regular face.
    this.doc.font(options.emphasis ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY_SIZE);
    const y = this.doc.y;
    let x = MARGIN;
    columns.forEach((column, index) => {
      lines[index]!.forEach((line, n) => this.cell(line, x, y + n * lineHeight));
      x += column.width;
    });
    this.doc.x = MARGIN;
    this.doc.y = y + height + 3;
  }

  /**
   * A cell's text as lines no wider than `width`: wrapped at spaces, or cut with an ellipsis
   * when it must stay on one line. Tables repeat the same words (test names, units, flags),
   * so the answers are kept.
   */
  private fit(text: string, width: number, wrap: boolean): string[] {
    const key = `${this.fontKey()}|${width}|${wrap ? 'w' : 'c'}|${text}`;
    const known = this.fitted.get(key);
    if (known) return known;
    const doc = this.doc;
    const fits = (value: string) => doc.widthOfString(value) <= width;
    const cut = (value: string) => {
      let end = value.length;
      while (end > 1 && !fits(`${value.slice(0, end)}…`)) end -= 1;
      return `${value.slice(0, end)}…`;
    };
    let lines: string[];
    if (!wrap) {
      lines = [fits(text) ? text : cut(text)];
    } else {
      lines = [];
      let line = '';
      for (const word of text.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (fits(candidate) || !line) line = fits(candidate) ? candidate : cut(candidate);
        else {
          lines.push(line);
          line = fits(word) ? word : cut(word);
        }
      }
      lines.push(line);
    }
    if (this.fitted.size < FIT_CACHE_SIZE) this.fitted.set(key, lines);
    return lines;
  }

  private fontKey(): string {
    const doc = this.doc as unknown as PdfKitInternals;
    return `${doc._font.id}/${doc._fontSize}`;
  }

  /**
   * One line of text at (x, y) in the current font, written as a single text object. PDFKit's
   * text() costs tens of microseconds a call (layout, kerning, options), which tables of tens
   * of thousands of cells cannot afford; the glyph codes are kept per string.
   */
  private cell(text: string, x: number, y: number): void {
    if (!text) return;
    const doc = this.doc as unknown as PdfKitInternals;
    const font = doc._font;
    doc.page.fonts[font.id] ??= font.ref();
    const key = `${font.id}|${text}`;
    let hex = this.encoded.get(key);
    if (hex === undefined) {
      hex = font.encode(text)[0].join('');
      if (this.encoded.size < FIT_CACHE_SIZE) this.encoded.set(key, hex);
    }
    const baseline = doc.page.height - y - (font.ascender / 1000) * doc._fontSize;
    doc.addContent(
      `BT 1 0 0 1 ${x.toFixed(2)} ${baseline.toFixed(2)} Tm /${font.id} ${doc._fontSize} Tf <${hex}> Tj ET`,
    );
  }

  /** Writes the header on every page and ends the document (which flushes it to its reader). */
  finish(): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const generated = `Generated ${longInstant(this.header.generatedAt)}`;
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      // Writing inside the top margin must not move the cursor onto a new page.
      const top = doc.page.margins.top;
      doc.page.margins.top = 0;
      const right = doc.page.width - MARGIN;
      // The right column holds "Generated …" and "Page n of m"; the name gets the rest.
      const rightWidth = 200;
      const leftWidth = this.width - rightWidth - 10;
      const oneLine = { lineBreak: false, ellipsis: true, height: 14 };
      doc.font('Helvetica-Bold').fontSize(11).fillColor('black');
      doc.text(this.header.patientName, MARGIN, HEADER_TOP, { ...oneLine, width: leftWidth });
      doc.font('Helvetica').fontSize(BODY_SIZE);
      doc.text(`Date of birth: ${longDate(this.header.dateOfBirth)}`, MARGIN, HEADER_TOP + 16, {
        ...oneLine,
        width: leftWidth,
      });
      doc.text(generated, right - rightWidth, HEADER_TOP, {
        ...oneLine,
        width: rightWidth,
        align: 'right',
      });
      doc.text(
        `Page ${index - range.start + 1} of ${range.count}`,
        right - rightWidth,
        HEADER_TOP + 16,
        {
          ...oneLine,
          width: rightWidth,
          align: 'right',
        },
      );
      doc
        .moveTo(MARGIN, HEADER_TOP + 36)
        .lineTo(right, HEADER_TOP + 36)
        .lineWidth(0.75)
        .stroke();
      doc.page.margins.top = top;
    }
    doc.end();
  }
}
