import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { RevenueReport } from '../../shared/domain';
import { createI18n } from '../../renderer/i18n/i18n';
import { reportCsv, reportXlsx } from '../../renderer/reports/exportReport';
import { formatCell, reportTables } from '../../renderer/reports/reportTable';

/**
 * A report's tables and their CSV and XLSX (issue 11): the same numbers in
 * every output, money exact to the tiyn, CSV that Excel opens in a Kazakh
 * or Russian locale (BOM, `;`, decimal comma), a name with `;` or quotes
 * kept whole.
 */
const cell = (serviceId: string, charges: number, refunds: number, vat: number) => ({ serviceId, charges, credits: 0, refunds, net: charges - refunds, vat, bonus: 0 });
const report: RevenueReport = {
  kind: 'revenue',
  from: '2026-03-01',
  to: '2026-04-30',
  service: null,
  generatedAt: '2026-05-02T05:00:00.000Z',
  provider: { kk: '«Есеп Бұлт» ЖШС', ru: 'ТОО «Есеп Бұлт»' },
  services: [
    { id: 'svc-a', name: { kk: 'Сервер; «Үлкен»', ru: 'Сервер; "Большой"' } },
    { id: 'svc-b', name: { kk: 'Сайт', ru: 'Сайт' } },
  ],
  months: [
    { month: '2026-03', vatRate: 16, cells: [cell('svc-a', 2_700_000, 0, 372_414), cell('svc-b', 1_200_000, 1_200_001, 0)], total: { charges: 3_900_000, credits: 0, refunds: 1_200_001, net: 2_699_999, vat: 372_414, bonus: 0 } },
    { month: '2026-04', vatRate: 16, cells: [cell('svc-a', 0, 0, 0), cell('svc-b', 0, 0, 0)], total: { charges: 0, credits: 0, refunds: 0, net: 0, vat: 0, bonus: 0 } },
  ],
  byService: [cell('svc-a', 2_700_000, 0, 372_414), cell('svc-b', 1_200_000, 1_200_001, 0)],
  total: { charges: 3_900_000, credits: 0, refunds: 1_200_001, net: 2_699_999, vat: 372_414, bonus: 0 },
};

describe('report tables', () => {
  it('list the months with movements, one row per service, and the totals; labels in the chosen language', () => {
    const ru = reportTables(report, createI18n('ru', { react: false }).t, 'ru');
    expect(ru.title).toBe('Выручка по месяцам и услугам');
    expect(ru.subtitle).toBe('01.03.2026 – 30.04.2026 · все услуги');
    const [months] = ru.sections;
    expect(months!.rows.map((row) => [row[0], row[1], row[5]])).toEqual([
      ['март 2026', 'Сервер; "Большой"', 2_700_000],
      ['март 2026', 'Сайт', -1],
    ]);
    expect(months!.totals).toEqual(['Итого', null, 3_900_000, 0, 1_200_001, 2_699_999, null, 372_414, 0]);
    expect(formatCell(-1, 'money').replace(/\s/g, ' ')).toBe('-0,01 ₸');
    const kk = reportTables(report, createI18n('kk', { react: false }).t, 'kk');
    expect(kk.title).toBe('Айлар мен қызметтер бойынша түсім');
    expect(kk.sections[0]!.rows[0]![0]).toBe('2026 ж. наурыз');
  });
});

describe('CSV', () => {
  it('starts with a BOM, separates with ";", writes money exactly with a decimal comma, quotes a name holding ";" or quotes', () => {
    const csv = reportCsv(reportTables(report, createI18n('ru', { react: false }).t, 'ru'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['Выручка по месяцам и услугам', '01.03.2026 – 30.04.2026 · все услуги']);
    expect(lines).toContain('март 2026;"Сервер; ""Большой""";27000,00;0,00;0,00;27000,00;16;3724,14;0,00');
    expect(lines).toContain('март 2026;Сайт;12000,00;0,00;12000,01;-0,01;16;0,00;0,00');
    expect(lines).toContain('Итого;;39000,00;0,00;12000,01;26999,99;;3724,14;0,00');
  });
});

describe('XLSX', () => {
  it('one sheet per table, the header row in the language, money as numbers in tenge', async () => {
    const bytes = await reportXlsx(reportTables(report, createI18n('kk', { react: false }).t, 'kk'));
    const rows = await readSheet(Buffer.from(bytes));
    expect(rows[0]![0]).toBe('Айлар мен қызметтер бойынша түсім');
    expect(rows[3]).toEqual(['Ай', 'Қызмет', 'Есептелді, ₸', 'Кредиттер, ₸', 'Қайтарымдар, ₸', 'Түсім, ₸', 'ҚҚС мөлшерлемесі', 'Соның ішінде ҚҚС, ₸', 'Бонуспен төленді, ₸']);
    expect(rows[4]).toEqual(['2026 ж. наурыз', 'Сервер; «Үлкен»', 27000, 0, 0, 27000, 16, 3724.14, 0]);
    expect(rows.at(-1)).toEqual(['Барлығы', null, 39000, 0, 12000.01, 26999.99, null, 3724.14, 0]);
    const second = await readSheet(Buffer.from(bytes), 2);
    expect(second[3]![0]).toBe('Қызмет');
  });
});
