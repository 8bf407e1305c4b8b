import { describe, expect, it } from '@jest/globals';
import { CsvSyntaxError, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('splits plain fields and records on CRLF, LF or CR', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\n4,5,6\r7,8,9')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'] },
      { line: 4, fields: ['7', '8', '9'] },
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(parseCsv('a,,c,\r\n,,,\r\n')).toEqual([
      { line: 1, fields: ['a', '', 'c', ''] },
      { line: 2, fields: ['', '', '', ''] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const records = parseCsv(
      'title,note\r\n"Lipid, fasting","He said ""fine""\r\nthen left"\r\nx,""\r\n',
    );
    expect(records).toEqual([
      { line: 1, fields: ['title', 'note'] },
      { line: 2, fields: ['Lipid, fasting', 'He said "fine"\r\nthen left'] },
      { line: 4, fields: ['x', ''] },
    ]);
  });

  it('skips blank lines but counts them in line numbers, and ignores a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\n1,2\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
    ]);
  });

  it('reports an unclosed quote at the line it opens on', () => {
    expect(() => parseCsv('a,b\r\n1,"open\r\nstill open')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\r\n1,"open\r\nstill open');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
  });

  it('refuses stray quotes', () => {
    expect(() => parseCsv('a,b"c\r\n')).toThrow('A quote appears inside an unquoted value.');
    expect(() => parseCsv('"a"b,c\r\n')).toThrow('Text follows a closing quote');
  });
});
