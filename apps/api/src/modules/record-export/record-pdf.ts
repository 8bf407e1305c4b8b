import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { longDate, type PdfColumn } from '../../common/pdf-section.js';
import { flagInWords, type ObservationRow } from './record-rows.js';

export { longDate };

const MARGIN = 50;
const HEADER_TOP = 28;
const CONTENT_TOP = 92;
const BOTTOM = 50;
const BODY_SIZE = 9.5;

/** Distinct strings remembered per document (their lines and glyph codes). */
const FIT_CACHE_SIZE = 20_000;

/** A PDF object written at the end of the document (PDFKit's reference). */
interface PdfObject {
  end(content?: string): void;
}

/** The parts of PDFKit's document that the fast lines write through. */
interface PdfKitInternals {
  _font: {
    id: string;
    ascender: number;
    encode(text: string): [string[], unknown];
    widthOfString(text: string, size: number): number;
    ref(): unknown;
  };
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown>; xobjects: Record<string, unknown> };
  addContent(data: string): void;
  ref(data: Record<string, unknown>): PdfObject;
}

export interface PdfHeader {
  patientName: string;
  dateOfBirth: string;
  generatedAt: Date;
  /** The IANA zone every time in the document is written in (the reader's own, or UTC). */
  timeZone: string;
  /** Whose record this is a copy of: named, with its logo (PNG or JPEG), on the first page. */
  clinic: { name: string; logo: Buffer | null };
}

export type Column = PdfColumn;

/** An instant written out in a zone, like "March 3, 2026, 08:05 CST" ("… 14:05 UTC"). */
export function longInstant(instant: Date, timeZone = 'UTC'): string {
  const time = DateTime.fromJSDate(instant, { zone: timeZone });
  const zone = timeZone === 'UTC' ? 'UTC' : time.toFormat('ZZZZ');
  return `${time.toFormat('LLLL d, yyyy, HH:mm')} ${zone}`;
}

/** An instant's calendar day in a zone, like "Mar 3, 2026". */
export function shortDay(instant: Date, timeZone = 'UTC'): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('LLL d, yyyy');
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

/** The header's right column: "Generated …" and "Page n of m". */
const HEADER_RIGHT_WIDTH = 200;
const HEADER_LINE = 14;
const PAGE_LABEL = 'PageLabel';

/**
 * A paginated PDF of a patient's record, written as the rows arrive: each page goes to the
 * reader when the next one starts, so memory stays flat whatever the size of the record.
 * "Page n of m" is the one thing not known while a page is written; each page shows it
 * through a small form object of its own whose content is written once the count is known.
 */
export class RecordPdf {
  readonly doc: PDFKit.PDFDocument;
  private tableColumns: Column[] | null = null;
  private readonly fitted = new Map<string, string[]>();
  private readonly encoded = new Map<string, string>();
  private readonly pageLabels: PdfObject[] = [];
  private readonly generated: string;

  constructor(
    private readonly header: PdfHeader,
    title: string,
  ) {
    this.generated = `Generated ${longInstant(header.generatedAt, header.timeZone)}`;
    this.doc = new PDFDocument({
      size: 'LETTER',
      autoFirstPage: false,
      margins: { top: CONTENT_TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
      info: { Title: title, Author: header.clinic.name, CreationDate: header.generatedAt },
      displayTitle: true,
      lang: 'en-US',
    });
    this.doc.on('pageAdded', () => this.pageHeader());
    this.doc.addPage();
    this.clinicLine(header.clinic);
    this.doc.font('Helvetica').fontSize(BODY_SIZE);
    this.doc.font('Helvetica-Bold').fontSize(18).text(title);
    this.doc.moveDown(0.5);
  }

  /** The clinic's logo and name above the title of the first page. */
  private clinicLine(clinic: PdfHeader['clinic']): void {
    const top = this.doc.y;
    const logoSize = 28;
    if (clinic.logo) this.doc.image(clinic.logo, MARGIN, top, { fit: [logoSize, logoSize] });
    const x = clinic.logo ? MARGIN + logoSize + 8 : MARGIN;
    this.doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(clinic.name, x, top + (clinic.logo ? 8 : 0), { width: this.width - (x - MARGIN) });
    this.doc.x = MARGIN;
    this.doc.y = Math.max(this.doc.y, top + (clinic.logo ? logoSize : 0)) + 8;
  }

  /** An instant in the document's zone, written out in full. */
  instant(instant: Date): string {
    return longInstant(instant, this.header.timeZone);
  }

  /** An instant's calendar day in the document's zone. */
  day(instant: Date): string {
    return shortDay(instant, this.header.timeZone);
  }

  private get internals(): PdfKitInternals {
    return this.doc as unknown as PdfKitInternals;
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

  /**
   * The header of a new page. Pages also start in the middle of PDFKit's own text (a long
   * paragraph), so the font and the cursor are left as they were.
   */
  private pageHeader(): void {
    const doc = this.internals;
    const { _font: font, _fontSize: size } = doc;
    const right = this.doc.page.width - MARGIN;
    const leftWidth = this.width - HEADER_RIGHT_WIDTH - 10;
    this.doc.font('Helvetica-Bold').fontSize(11);
    this.line(this.fit(this.header.patientName, leftWidth, false)[0]!, MARGIN, HEADER_TOP);
    this.doc.font('Helvetica').fontSize(BODY_SIZE);
    const birth = `Date of birth: ${longDate(this.header.dateOfBirth)}`;
    this.line(this.fit(birth, leftWidth, false)[0]!, MARGIN, HEADER_TOP + 16);
    const generated = this.fit(this.generated, HEADER_RIGHT_WIDTH, false)[0]!;
    this.line(generated, right - doc._font.widthOfString(generated, BODY_SIZE), HEADER_TOP);

    // The page's own "Page n of m", drawn (upright, in PDFKit's flipped space) at the top of
    // its box; its content is written by finish().
    const label = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, HEADER_RIGHT_WIDTH, HEADER_LINE],
      Resources: { Font: { [doc._font.id]: doc._font.ref() } },
    });
    this.pageLabels.push(label);
    doc.page.xobjects[PAGE_LABEL] = label;
    const x = right - HEADER_RIGHT_WIDTH;
    doc.addContent(`q 1 0 0 -1 ${x} ${HEADER_TOP + 16 + HEADER_LINE} cm /${PAGE_LABEL} Do Q`);

    this.doc
      .moveTo(MARGIN, HEADER_TOP + 36)
      .lineTo(right, HEADER_TOP + 36)
      .lineWidth(0.75)
      .stroke();
    doc._font = font;
    doc._fontSize = size;
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
      this.line(this.fit(column.title, column.width - 6, false)[0]!, x, y);
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

  row(cells: string[], emphasis = false): void {
    const columns = this.tableColumns!;
    const face = emphasis ? 'Helvetica-Bold' : 'Helvetica';
    this.doc.font(face).fontSize(BODY_SIZE);
    const lineHeight = this.doc.currentLineHeight(true);
    const lines: string[][] = new Array<string[]>(columns.length);
    let count = 1;
    for (let index = 0; index < columns.length; index += 1) {
      const column = columns[index]!;
      lines[index] = this.fit(cells[index] ?? '', column.width - 6, !!column.wrap);
      count = Math.max(count, lines[index]!.length);
    }
    const height = count * lineHeight;
    if (this.doc.y + height + 3 > this.bottom) {
      this.ensureSpace(height + 3);
      // The column headings of the new page are in the bold face.
      this.doc.font(face).fontSize(BODY_SIZE);
    }
    const y = this.doc.y;
    let x = MARGIN;
    let content = '';
    for (let index = 0; index < columns.length; index += 1) {
      const cell = lines[index]!;
      for (let n = 0; n < cell.length; n += 1)
        content += this.placed(cell[n]!, x, y + n * lineHeight);
      x += columns[index]!.width;
    }
    if (content) this.write(content);
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
    const doc = this.internals;
    return `${doc._font.id}/${doc._fontSize}`;
  }

  /** One line of text with its top at (x, y), in the current font. */
  private line(text: string, x: number, y: number): void {
    if (text) this.write(this.placed(text, x, y));
  }

  /** A text object in the current font (PDFKit's own text() costs far more per call). */
  private write(placed: string): void {
    const doc = this.internals;
    doc.page.fonts[doc._font.id] ??= doc._font.ref();
    doc.addContent(`BT /${doc._font.id} ${doc._fontSize} Tf${placed} ET`);
  }

  /**
   * The operators that show `text` with its top at (x, y). The page's space is PDFKit's,
   * flipped so that y grows downwards; the text matrix flips the glyphs back upright. The
   * glyph codes are kept per string.
   */
  private placed(text: string, x: number, y: number): string {
    if (!text) return '';
    const font = this.internals._font;
    const key = `${font.id}|${text}`;
    let hex = this.encoded.get(key);
    if (hex === undefined) {
      hex = font.encode(text)[0].join('');
      if (this.encoded.size < FIT_CACHE_SIZE) this.encoded.set(key, hex);
    }
    const baseline = y + (font.ascender / 1000) * this.internals._fontSize;
    return ` 1 0 0 -1 ${x.toFixed(2)} ${baseline.toFixed(2)} Tm <${hex}> Tj`;
  }

  /** Writes each page's "Page n of m" and ends the document (which flushes it to its reader). */
  finish(): void {
    const doc = this.internals;
    this.doc.font('Helvetica');
    const font = doc._font;
    const total = this.pageLabels.length;
    const baseline = HEADER_LINE - (font.ascender / 1000) * BODY_SIZE;
    this.pageLabels.forEach((label, index) => {
      const text = `Page ${index + 1} of ${total}`;
      const x = HEADER_RIGHT_WIDTH - font.widthOfString(text, BODY_SIZE);
      const hex = font.encode(text)[0].join('');
      label.end(
        `BT /${font.id} ${BODY_SIZE} Tf 1 0 0 1 ${x.toFixed(2)} ${baseline.toFixed(2)} Tm <${hex}> Tj ET`,
      );
    });
    this.doc.end();
  }
}
