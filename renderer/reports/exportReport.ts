import Papa from 'papaparse';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/browser';
import { formatInstant, tiynToDecimalString } from '../i18n/format';
import { formatTextCell, isIsoDate, type CellValue, type ColumnKind, type ReportTables, type TableSection } from './reportTable';

/**
 * CSV and XLSX of a report, from its tables (reportTable). CSV: UTF-8 with
 * a byte-order mark and `;` between fields, decimals with a comma, so that
 * Excel in a Kazakh or Russian locale opens it straight into columns.
 * XLSX (write-excel-file): one sheet per table, money as numbers in tenge
 * with two decimals, dates as dates.
 */
export const CSV_MIME = 'text/csv';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BOM = '\uFEFF';

/** A cell as CSV text: exact money with a decimal comma and no grouping, dates dd.mm.yyyy. */
function csvCell(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (typeof value === 'string') return formatTextCell(value, kind);
  switch (kind) {
    case 'money':
      return tiynToDecimalString(value).replace('.', ',');
    case 'bp':
      return String(value / 100).replace('.', ',');
    case 'hours':
      return (value / 60).toFixed(2).replace('.', ',');
    default:
      return String(value).replace('.', ',');
  }
}

function sectionRows(section: TableSection): string[][] {
  const rows = section.rows.map((row) => row.map((value, i) => csvCell(value, section.columns[i]!.kind)));
  if (section.totals) rows.push(section.totals.map((value, i) => csvCell(value, section.columns[i]!.kind)));
  return rows;
}

/** The report as CSV text (with its BOM): title, subtitle, then each table under its title, a blank line between. */
export function reportCsv(tables: ReportTables): string {
  const lines: string[][] = [[tables.title], [tables.subtitle], []];
  tables.sections.forEach((section, i) => {
    if (tables.sections.length > 1) lines.push([section.title]);
    lines.push(section.columns.map((c) => c.label), ...sectionRows(section));
    if (i < tables.sections.length - 1) lines.push([]);
  });
  return BOM + Papa.unparse(lines, { delimiter: ';', newline: '\r\n', quotes: false });
}

/** A date 'YYYY-MM-DD' as a Date at UTC midnight: Excel shows the same calendar day. */
const excelDate = (date: string) => new Date(`${date}T00:00:00Z`);

function xlsxCell(value: CellValue, kind: ColumnKind): Cell {
  if (value === null) return null;
  if (typeof value === 'string') {
    if (kind === 'date' && isIsoDate(value)) return { value: excelDate(value), type: Date, format: 'dd.mm.yyyy' };
    if (kind === 'instant' && isIsoDate(value)) return { value: formatInstant(value), type: String };
    return { value, type: String };
  }
  switch (kind) {
    case 'money':
      // Tiyn to tenge through the exact decimal string: 2 decimals, no binary noise beyond what a double holds.
      return { value: Number(tiynToDecimalString(value)), type: Number, format: '#,##0.00' };
    case 'bp':
      return { value: value / 100, type: Number, format: '0.00' };
    case 'hours':
      return { value: Number((value / 60).toFixed(2)), type: Number, format: '0.00' };
    default:
      return { value, type: Number };
  }
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28).trim() || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
  used.add(name);
  return name;
}

/** The report as an XLSX file's bytes: one sheet per table, the header row bold and frozen. */
export async function reportXlsx(tables: ReportTables): Promise<Uint8Array> {
  const used = new Set<string>();
  const sheets = tables.sections.map((section) => {
    const data: SheetData = [
      [{ value: tables.title, type: String, fontWeight: 'bold' }],
      [{ value: tables.subtitle, type: String }],
      [],
      section.columns.map((c) => ({ value: c.label, type: String, fontWeight: 'bold' as const })),
      ...section.rows.map((row) => row.map((value, i) => xlsxCell(value, section.columns[i]!.kind))),
    ];
    if (section.totals) data.push(section.totals.map((value, i) => xlsxCell(value, section.columns[i]!.kind)));
    return { data, sheet: sheetName(section.title, used), stickyRowsCount: 4, columns: section.columns.map((c) => ({ width: c.kind === 'text' ? 28 : 16 })) };
  });
  const blob = await writeXlsxFile(sheets).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
