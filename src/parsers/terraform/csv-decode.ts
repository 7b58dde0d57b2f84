import { scalar, type IacValue } from '../iac/value.js';
import { EvaluationError, list, object } from './values.js';

/**
 * `csvdecode()`, as Go's encoding/csv reads for Terraform: the first record names the columns, every record has as
 * many fields, empty lines are skipped, a quoted field may hold commas, newlines and `""`; every value is text.
 */
export function csvDecode(text: string, line: number, charge: (steps: number) => void): IacValue {
  charge(text.length >> 6);
  // Lines end in \n or \r\n; a \r at the very end goes too, as Go's reader drops it.
  const [header, ...records] = csvRecords(text.replaceAll('\r\n', '\n').replace(/\r$/, ''));
  if (header === undefined) throw new EvaluationError('csvdecode() of text with no header line');
  if (new Set(header.fields).size !== header.fields.length) throw new EvaluationError('csvdecode() of a header that names a column twice');
  const rows = records.map(({ fields, line: at }) => {
    if (fields.length !== header.fields.length) throw new EvaluationError(`csvdecode() of a record with the wrong number of fields (its line ${at})`);
    return object(new Map(header.fields.map((column, index) => [column, scalar(fields[index], line)])), line);
  });
  return list(rows, line);
}

interface CsvRecord {
  fields: string[];
  /** The record's first line in the text, from 1. */
  line: number;
}

function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let at = 0;
  let line = 1;
  while (at < text.length) {
    if (text[at] === '\n') {
      at++;
      line++;
      continue;
    }
    const record: CsvRecord = { fields: [], line };
    for (;;) {
      let field = '';
      if (text[at] === '"') {
        at++;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote < 0) throw new EvaluationError(`csvdecode() of a quoted field that is never closed (its line ${record.line})`);
          field += text.slice(at, quote);
          line += countNewlines(text, at, quote);
          at = quote + 1;
          if (text[at] === '"') {
            field += '"';
            at++;
          } else if (at >= text.length || text[at] === ',' || text[at] === '\n') break;
          else throw new EvaluationError(`csvdecode() of a quoted field with text after its closing quote (its line ${line})`);
        }
      } else {
        let end = at;
        while (end < text.length && text[end] !== ',' && text[end] !== '\n') end++;
        field = text.slice(at, end);
        if (field.includes('"')) throw new EvaluationError(`csvdecode() of a " inside a field that is not quoted (its line ${line})`);
        at = end;
      }
      record.fields.push(field);
      if (text[at] !== ',') break;
      at++;
    }
    records.push(record);
  }
  return records;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index >= 0 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
