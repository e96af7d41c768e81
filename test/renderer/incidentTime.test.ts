import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/i18n/i18n';
import { filterFromParams, paramsFromFilter } from '../../renderer/pages/incidents/incidentFilter';
import {
  businessDateTimeOf,
  businessInstant,
  formatBasisPoints,
  formatDecimal,
  formatDuration,
  noticeText,
  plannedNotice,
} from '../../renderer/pages/incidents/incidentTime';

const NBSP = '\u00a0';
const HOUR = 3_600_000;

describe('business date and time of the incident dialogs', () => {
  it('reads a typed date and time as UTC+05:00, whatever the computer zone', () => {
    expect(businessInstant({ date: '2026-03-19', time: '08:00' })).toBe('2026-03-19T08:00:00+05:00');
    expect(Date.parse(businessInstant({ date: '2026-03-19', time: '03:30' })!)).toBe(Date.parse('2026-03-18T22:30:00Z'));
    // A time input with seconds (step < 60) keeps hours and minutes.
    expect(businessInstant({ date: '2026-03-19', time: '08:00:45' })).toBe('2026-03-19T08:00:00+05:00');
  });

  it('refuses what is missing or does not exist', () => {
    expect(businessInstant({ date: '', time: '08:00' })).toBeNull();
    expect(businessInstant({ date: '2026-03-19', time: '' })).toBeNull();
    expect(businessInstant({ date: '2026-02-30', time: '08:00' })).toBeNull();
    expect(businessInstant({ date: '2026-03-19', time: '24:00' })).toBeNull();
  });

  it('splits an instant back into the business date and time', () => {
    expect(businessDateTimeOf(Date.parse('2026-03-19T20:15:59Z'))).toEqual({ date: '2026-03-20', time: '01:15' });
  });
});

describe('the 48-hour rule', () => {
  const start = Date.parse('2026-03-20T01:00:00+05:00');

  it('counts planned works announced less than 48 h ahead, or not at all, or after they began', () => {
    expect(plannedNotice(start, start - 47 * HOUR)).toEqual({ kind: 'before', minutes: 47 * 60, counts: true });
    expect(plannedNotice(start, start - 48 * HOUR + 60_000)).toEqual({ kind: 'before', minutes: 47 * 60 + 59, counts: true });
    expect(plannedNotice(start, null)).toEqual({ kind: 'none', counts: true });
    expect(plannedNotice(start, start + 2 * HOUR)).toEqual({ kind: 'after', minutes: 120, counts: true });
  });

  it('excludes them from exactly 48 h of notice (or the service own hours)', () => {
    expect(plannedNotice(start, start - 48 * HOUR)).toEqual({ kind: 'before', minutes: 48 * 60, counts: false });
    expect(plannedNotice(start, start - 72 * HOUR, 72).counts).toBe(false);
    expect(plannedNotice(start, start - 71 * HOUR, 72).counts).toBe(true);
  });

  it('says so in both languages', () => {
    const ru = createI18n('ru', { react: false }).t;
    const kk = createI18n('kk', { react: false }).t;
    expect(noticeText(ru, plannedNotice(start, start - 47 * HOUR))).toBe('Объявлено за 47 ч до начала: считается простоем');
    expect(noticeText(ru, plannedNotice(start, start - 48 * HOUR))).toBe('Объявлено за 48 ч до начала: не считается простоем');
    expect(noticeText(kk, plannedNotice(start, start - 47 * HOUR))).toBe('Басталуынан 47 сағ бұрын хабарланған: іркіліс болып саналады');
    expect(noticeText(kk, plannedNotice(start, start - 48 * HOUR))).toBe('Басталуынан 48 сағ бұрын хабарланған: іркіліс болып саналмайды');
    expect(noticeText(ru, plannedNotice(start, null))).toBe('Не объявлены: считается простоем');
  });
});

describe('numbers of the incident screens', () => {
  it('formats durations in hours and minutes', () => {
    const ru = createI18n('ru', { react: false }).t;
    const kk = createI18n('kk', { react: false }).t;
    expect(formatDuration(ru, 239)).toBe('3 ч 59 мин');
    expect(formatDuration(ru, 180)).toBe('3 ч');
    expect(formatDuration(ru, 5)).toBe('5 мин');
    expect(formatDuration(kk, 239)).toBe('3 сағ 59 мин');
    expect(formatDuration(ru, 60 * 1234)).toBe(`1${NBSP}234 ч`);
  });

  it('formats basis points of a percent exactly, and decimals with a comma', () => {
    expect(formatBasisPoints(9995)).toBe('99,95');
    expect(formatBasisPoints(9980)).toBe('99,8');
    expect(formatBasisPoints(2274)).toBe('22,74');
    expect(formatBasisPoints(10000)).toBe('100');
    expect(formatBasisPoints(5)).toBe('0,05');
    expect(formatDecimal(17.568, 3)).toBe('17,568');
    expect(formatDecimal(17.52, 3)).toBe('17,52');
  });
});

describe('the incidents filter in the URL query', () => {
  it('round-trips, and ignores what does not parse', () => {
    const values = { serviceId: 'svc-cloud1c', month: '2026-03', cause: 'planned', status: 'open' } as const;
    expect(filterFromParams(paramsFromFilter(values))).toEqual(values);
    expect(paramsFromFilter({ serviceId: '', month: '', cause: '', status: '' }).toString()).toBe('');
    expect(filterFromParams(new URLSearchParams('month=2026-13&cause=meteor&status=maybe&service=x'))).toEqual({ serviceId: 'x', month: '', cause: '', status: '' });
  });
});
