/** One record of a CSV file, with the physical line it starts on (1 for the header). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses CSV as RFC 4180 describes it: fields separated by commas, records by CRLF (a bare
 * LF or CR is accepted too), fields optionally in double quotes, where a doubled quote stands
 * for one and commas and line breaks are literal. Blank lines are skipped. A quote inside an
 * unquoted field, text after a closing quote, or an unclosed quote is a syntax error.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const char = source[i]!;
    if (char === '"') {
      if (field !== '') throw new CsvSyntaxError(line, 'A quote appears inside an unquoted value.');
      const start = line;
      i += 1;
      for (;;) {
        if (i >= source.length) throw new CsvSyntaxError(start, 'A quoted value is never closed.');
        const inner = source[i]!;
        if (inner === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (inner === '\r' || inner === '\n') {
          if (inner === '\r' && source[i + 1] === '\n') {
            field += '\r\n';
            i += 2;
          } else {
            field += inner;
            i += 1;
          }
          line += 1;
          continue;
        }
        field += inner;
        i += 1;
      }
      const next = source[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(
          line,
          'Text follows a closing quote; put the whole value in quotes.',
        );
      }
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += char;
    i += 1;
  }
  if (field !== '' || fields.length) endRecord();
  return records;
}
