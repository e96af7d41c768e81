import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../shared/billing';
import { checkCalendarDate, normalizeDate, parseCalendarFile } from '../../renderer/pages/settings/calendarFile';

describe('normalizeDate', () => {
  it('reads ISO and dotted dates, refuses dates that do not exist', () => {
    expect(normalizeDate('2028-01-03')).toBe('2028-01-03');
    expect(normalizeDate(' 03.01.2028 ')).toBe('2028-01-03');
    expect(normalizeDate('2028-02-29')).toBe('2028-02-29');
    expect(normalizeDate('2027-02-29')).toBeNull();
    expect(normalizeDate('31.04.2028')).toBeNull();
    expect(normalizeDate('2028-1-3')).toBeNull();
    expect(normalizeDate('03/01/2028')).toBeNull();
  });
});

describe('checkCalendarDate', () => {
  const none = new Set<string>();
  it('a day off is a weekday of the year, a working day a weekend day, each once', () => {
    // 2028-01-03 is a Monday, 2028-01-08 a Saturday.
    expect(checkCalendarDate(2028, '2028-01-03', 'off', none)).toBeNull();
    expect(checkCalendarDate(2028, '2028-01-08', 'off', none)).toBe('notWeekday');
    expect(checkCalendarDate(2028, '2028-01-08', 'working', none)).toBeNull();
    expect(checkCalendarDate(2028, '2028-01-03', 'working', none)).toBe('notWeekend');
    expect(checkCalendarDate(2028, '2027-12-31', 'off', none)).toBe('dateNotInYear');
    expect(checkCalendarDate(2028, '2028-01-03', 'off', new Set(['2028-01-03']))).toBe('duplicate');
    expect(checkCalendarDate(2028, '2028-02-30', 'off', none)).toBe('dateInvalid');
  });
});

describe('parseCalendarFile: JSON', () => {
  it('reads a year with both lists, sorted', () => {
    const result = parseCalendarFile(JSON.stringify({ year: 2028, nonWorkingWeekdays: ['2028-03-08', '2028-01-03'], workingWeekends: ['2028-01-08'] }));
    expect(result).toEqual({ ok: true, draft: { year: 2028, nonWorkingWeekdays: ['2028-01-03', '2028-03-08'], workingWeekends: ['2028-01-08'] } });
  });

  it('round-trips a shipped year (workingWeekends may be left out when empty)', () => {
    const y2025 = DEFAULT_CALENDAR.years[2025]!;
    expect(parseCalendarFile(JSON.stringify({ year: 2025, ...y2025 }))).toEqual({ ok: true, draft: { year: 2025, ...y2025 } });
    const y2026 = DEFAULT_CALENDAR.years[2026]!;
    expect(parseCalendarFile(JSON.stringify({ year: 2026, nonWorkingWeekdays: y2026.nonWorkingWeekdays }))).toEqual({ ok: true, draft: { year: 2026, ...y2026 } });
  });

  it('names every wrong item by its list and position', () => {
    const result = parseCalendarFile(
      JSON.stringify({ year: 2028, nonWorkingWeekdays: ['2028-01-03', '2028-01-08', '2027-12-31', '2028-01-03', 'soon', 7], workingWeekends: ['2028-01-04'] }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'notWeekday', list: 'nonWorkingWeekdays', position: 2, value: '2028-01-08', year: 2028 },
        { code: 'dateNotInYear', list: 'nonWorkingWeekdays', position: 3, value: '2027-12-31', year: 2028 },
        { code: 'duplicate', list: 'nonWorkingWeekdays', position: 4, value: '2028-01-03', year: 2028 },
        { code: 'dateInvalid', list: 'nonWorkingWeekdays', position: 5, value: 'soon', year: 2028 },
        { code: 'dateInvalid', list: 'nonWorkingWeekdays', position: 6, value: '7', year: 2028 },
        { code: 'notWeekend', list: 'workingWeekends', position: 1, value: '2028-01-04', year: 2028 },
      ],
    });
  });

  it('refuses broken JSON, another shape and a year out of range', () => {
    expect(parseCalendarFile('{ "year": 2028, ')).toEqual({ ok: false, problems: [{ code: 'json' }] });
    expect(parseCalendarFile('{ "year": 2028, "nonWorkingWeekdays": "2028-01-03" }')).toEqual({ ok: false, problems: [{ code: 'jsonShape' }] });
    expect(parseCalendarFile('{ "year": 1999, "nonWorkingWeekdays": [] }')).toEqual({ ok: false, problems: [{ code: 'yearInvalid', value: '1999' }] });
    expect(parseCalendarFile('{ "year": 2028.5, "nonWorkingWeekdays": [] }')).toEqual({ ok: false, problems: [{ code: 'yearInvalid', value: '2028.5' }] });
  });
});

describe('parseCalendarFile: text and CSV', () => {
  it('one date a line, ";working" for a working weekend day, a header, comments, blank lines, a BOM and CRLF', () => {
    const text = '\uFEFFdate;kind\r\n# Nauryz\r\n2028-03-20\r\n\r\n21.03.2028;off\r\n2028-01-08;working;transfer from 7 January\r\n2028-01-07 ; OFF\r\n';
    expect(parseCalendarFile(text)).toEqual({
      ok: true,
      draft: { year: 2028, nonWorkingWeekdays: ['2028-01-07', '2028-03-20', '2028-03-21'], workingWeekends: ['2028-01-08'] },
    });
  });

  it('a comma or a tab stands for the semicolon', () => {
    expect(parseCalendarFile('2028-01-08,working\n2028-01-03\t')).toEqual({ ok: true, draft: { year: 2028, nonWorkingWeekdays: ['2028-01-03'], workingWeekends: ['2028-01-08'] } });
  });

  it('says what is wrong on which line', () => {
    const text = ['2028-01-03', '2028-01-08', '2028-01-04;working', '2028-01-05;holiday', '2029-01-01', '2028-02-30', '2028-01-03'].join('\n');
    expect(parseCalendarFile(text)).toEqual({
      ok: false,
      problems: [
        { code: 'notWeekday', line: 2, value: '2028-01-08', year: 2028 },
        { code: 'notWeekend', line: 3, value: '2028-01-04', year: 2028 },
        { code: 'markUnknown', line: 4, value: 'holiday' },
        { code: 'mixedYears', line: 5, value: '2029-01-01', year: 2028 },
        { code: 'dateInvalid', line: 6, value: '2028-02-30' },
        { code: 'duplicate', line: 7, value: '2028-01-03', year: 2028 },
      ],
    });
  });

  it('a header alone, or nothing, is an empty file; a first line with digits is data', () => {
    expect(parseCalendarFile('')).toEqual({ ok: false, problems: [{ code: 'empty' }] });
    expect(parseCalendarFile('date;kind\n# nothing yet\n')).toEqual({ ok: false, problems: [{ code: 'empty' }] });
    expect(parseCalendarFile('day 1\n')).toEqual({ ok: false, problems: [{ code: 'dateInvalid', line: 1, value: 'day 1' }] });
    expect(parseCalendarFile('1999-01-01\n')).toEqual({ ok: false, problems: [{ code: 'yearInvalid', line: 1, value: '1999' }] });
  });

  it('reports at most 20 problems', () => {
    const text = Array.from({ length: 30 }, () => 'x1').join('\n');
    const result = parseCalendarFile(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toHaveLength(20);
  });
});
