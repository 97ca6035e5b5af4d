/**
 * RFC 4180 CSV as spreadsheets write it: quoted fields with doubled quotes, CRLF or LF, and either
 * commas or semicolons (Dutch Excel) as the separator, taken from the header line.
 */
export type CsvRow = { line: number; cells: string[] };

export function parseCsv(text: string): { rows: CsvRow[]; separator: string } {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: CsvRow[] = [];
  let row: string[] = [];
  let line = 1;
  let rowLine = 1;
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < body.length) {
    const char = body[i] as string;
    if (quoted) {
      if (char === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      i++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      row.push(field);
      rows.push({ line: rowLine, cells: row });
      row = [];
      field = '';
      if (char === '\r' && body[i + 1] === '\n') i++;
      line++;
      rowLine = line;
    } else field += char;
    i++;
  }
  if (quoted) throw new Error('A quoted field is not closed.');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push({ line: rowLine, cells: row });
  }
  // Blank lines (a trailing newline, an empty line between rows) are no rows.
  return {
    rows: rows.filter((r) => !(r.cells.length === 1 && r.cells[0]?.trim() === '')),
    separator,
  };
}
