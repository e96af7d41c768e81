/**
 * The working-day calendar editor's rules for one date and the "import a
 * year from a file" parser (docs/tickets-ui.md "Calendar file format").
 * Two formats:
 *
 * - JSON: `{ "year": 2028, "nonWorkingWeekdays": ["2028-01-03", …], "workingWeekends": ["2028-01-08"] }`
 *   (`workingWeekends` may be left out);
 * - text or CSV: one date a line, `YYYY-MM-DD` or `DD.MM.YYYY`, optionally
 *   followed by `;working` (a weekend day that is a working day) or `;off`
 *   (the default: a weekday that is a day off); `,` or a tab may stand for
 *   `;`; further fields are comments; blank lines and lines starting with
 *   `#` are skipped, and so is a first line without digits (a header).
 *   Every date belongs to one year, which is the year imported.
 *
 * Problems are codes with their line or list position; the screen says
 * them in the user's language (calendar:import.problems.*).
 */

export interface CalendarDraft {
  year: number;
  nonWorkingWeekdays: string[];
  workingWeekends: string[];
}

export type DayKind = 'off' | 'working';

/** The years an admin may save (the store refuses others: errors:calendar.yearInvalid). */
export const CALENDAR_YEARS = { min: 2000, max: 2099 } as const;

export type DateProblemCode = 'dateInvalid' | 'dateNotInYear' | 'notWeekday' | 'notWeekend' | 'duplicate';

export type FileProblemCode = DateProblemCode | 'empty' | 'tooLarge' | 'json' | 'jsonShape' | 'yearInvalid' | 'markUnknown' | 'mixedYears';

export interface FileProblem {
  code: FileProblemCode;
  /** Text files: the 1-based line. */
  line?: number;
  /** JSON files: the list and the 1-based position in it. */
  list?: 'nonWorkingWeekdays' | 'workingWeekends';
  position?: number;
  /** The value as written. */
  value?: string;
  year?: number;
}

export type ParseResult = { ok: true; draft: CalendarDraft } | { ok: false; problems: FileProblem[] };

/** At most this many problems are reported: the first ones tell what is wrong with a file. */
export const MAX_PROBLEMS = 20;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/** `2028-01-03` or `03.01.2028` → `2028-01-03` when it is a real date, else null. */
export function normalizeDate(text: string): string | null {
  const trimmed = text.trim();
  let year: number, month: number, day: number;
  const iso = ISO.exec(trimmed);
  const dotted = iso ? null : DOTTED.exec(trimmed);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dotted) [year, month, day] = [Number(dotted[3]), Number(dotted[2]), Number(dotted[1])];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Saturday or Sunday (a calendar date; no time zone involved). */
export function isWeekendDate(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * Whether `date` (ISO) may be listed in `year` as `kind`: a day off must
 * be a weekday, a working day a Saturday or Sunday, each date once in the
 * whole year (`taken`: the dates of both lists).
 */
export function checkCalendarDate(year: number, date: string, kind: DayKind, taken: ReadonlySet<string>): DateProblemCode | null {
  if (normalizeDate(date) !== date) return 'dateInvalid';
  if (Number(date.slice(0, 4)) !== year) return 'dateNotInYear';
  const weekend = isWeekendDate(date);
  if (kind === 'off' && weekend) return 'notWeekday';
  if (kind === 'working' && !weekend) return 'notWeekend';
  if (taken.has(date)) return 'duplicate';
  return null;
}

export function isCalendarYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max;
}

export function parseCalendarFile(text: string): ParseResult {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return { ok: false, problems: [{ code: 'empty' }] };
  return content.trimStart().startsWith('{') ? parseJson(content) : parseLines(content);
}

function done(draft: CalendarDraft, problems: FileProblem[]): ParseResult {
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, draft: { year: draft.year, nonWorkingWeekdays: [...draft.nonWorkingWeekdays].sort(), workingWeekends: [...draft.workingWeekends].sort() } };
}

function parseJson(content: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return { ok: false, problems: [{ code: 'json' }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, problems: [{ code: 'jsonShape' }] };
  const record = data as Record<string, unknown>;
  const off = record.nonWorkingWeekdays;
  const working = record.workingWeekends ?? [];
  if (!Array.isArray(off) || !Array.isArray(working)) return { ok: false, problems: [{ code: 'jsonShape' }] };
  const year = typeof record.year === 'string' && /^\d{4}$/.test(record.year) ? Number(record.year) : record.year;
  if (!isCalendarYear(year)) return { ok: false, problems: [{ code: 'yearInvalid', value: String(record.year ?? '') }] };

  const draft: CalendarDraft = { year, nonWorkingWeekdays: [], workingWeekends: [] };
  const problems: FileProblem[] = [];
  const taken = new Set<string>();
  const walk = (items: unknown[], list: 'nonWorkingWeekdays' | 'workingWeekends', kind: DayKind) => {
    items.forEach((item, i) => {
      const written = typeof item === 'string' ? item : JSON.stringify(item);
      const date = typeof item === 'string' ? normalizeDate(item) : null;
      const code = date === null ? 'dateInvalid' : checkCalendarDate(year, date, kind, taken);
      if (code !== null) {
        problems.push({ code, list, position: i + 1, value: written, year });
        return;
      }
      taken.add(date!);
      draft[list].push(date!);
    });
  };
  walk(off, 'nonWorkingWeekdays', 'off');
  walk(working, 'workingWeekends', 'working');
  return done(draft, problems);
}

function parseLines(content: string): ParseResult {
  const problems: FileProblem[] = [];
  const taken = new Set<string>();
  const draft: CalendarDraft = { year: 0, nonWorkingWeekdays: [], workingWeekends: [] };
  let seenContent = false;
  const lines = content.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const first = !seenContent;
    seenContent = true;
    // A header line ("date;kind") has no digits.
    if (first && !/\d/.test(text)) return;
    const [dateField = '', markField = ''] = text.split(/[;,\t]/).map((field) => field.trim());
    const date = normalizeDate(dateField);
    if (date === null) {
      problems.push({ code: 'dateInvalid', line, value: dateField });
      return;
    }
    const mark = markField.toLowerCase();
    if (mark !== '' && mark !== 'off' && mark !== 'working') {
      problems.push({ code: 'markUnknown', line, value: markField });
      return;
    }
    const year = Number(date.slice(0, 4));
    if (draft.year === 0) {
      if (!isCalendarYear(year)) {
        problems.push({ code: 'yearInvalid', line, value: String(year) });
        return;
      }
      draft.year = year;
    } else if (year !== draft.year) {
      problems.push({ code: 'mixedYears', line, value: dateField, year: draft.year });
      return;
    }
    const kind: DayKind = mark === 'working' ? 'working' : 'off';
    const code = checkCalendarDate(draft.year, date, kind, taken);
    if (code !== null) {
      problems.push({ code, line, value: dateField, year: draft.year });
      return;
    }
    taken.add(date);
    (kind === 'working' ? draft.workingWeekends : draft.nonWorkingWeekdays).push(date);
  });
  if (draft.year === 0 && problems.length === 0) return { ok: false, problems: [{ code: 'empty' }] };
  return done(draft, problems);
}
