import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/i18n/i18n';
import { changeLines, commandText, formatValue, recordCountsText, type AuditNames } from '../../renderer/pages/audit/auditText';

const NBSP = '\u00a0';
const i18n = createI18n('ru', { react: false });
const names: AuditNames = { tariffs: new Map([['tar-s', { kk: 'S тарифі', ru: 'Тариф S' }]]), services: new Map([['svc-1', { kk: 'Қызмет', ru: 'Услуга' }]]) };
const ctx = (lang: 'kk' | 'ru', table: Parameters<typeof changeLines>[0]['table']) => ({ t: i18n.getFixedT(lang), language: lang, table, names });

describe('audit changes in the user\'s language', () => {
  it('an update: field names translated, statuses, money, dates, instants and tariffs formatted; the time of saving left out', () => {
    const lines = changeLines(ctx('ru', 'subscriptions'), {
      before: { status: 'active', currentPeriod: { start: '2026-03-10', end: '2026-04-10' }, scheduledTariffId: null, updatedAt: '2026-03-10T05:00:00.000Z' },
      after: { status: 'suspended', currentPeriod: { start: '2026-04-10', end: '2026-05-10' }, scheduledTariffId: 'tar-s', updatedAt: '2026-04-10T05:00:00.000Z' },
    });
    expect(lines).toEqual([
      { key: 'status', label: 'Статус', before: 'Активна', after: 'Приостановлена' },
      { key: 'currentPeriod', label: 'Текущий период', before: '10.03.2026 – 09.04.2026', after: '10.04.2026 – 09.05.2026' },
      { key: 'scheduledTariffId', label: 'Тариф со следующего периода', before: '—', after: 'Тариф S' },
    ]);
    const kk = changeLines(ctx('kk', 'refunds'), { before: { status: 'requested', decidedAt: null }, after: { status: 'approved', decidedAt: '2026-03-20T04:30:00.000Z' } });
    expect(kk).toEqual([
      { key: 'status', label: 'Мәртебесі', before: 'Қаралуда', after: 'Мақұлданды' },
      { key: 'decidedAt', label: 'Шешім уақыты', before: '—', after: '20.03.2026 09:30' },
    ]);
  });

  it('an insert lists its values; money in tenge; a password hash only says it is set, or changed', () => {
    const insert = changeLines(ctx('ru', 'refunds'), { before: null, after: { id: 'r1', quote: { kind: 'prorated', amount: 1_500_050 }, dueDate: '2026-04-01' } });
    expect(insert).toEqual([
      { key: 'quote', label: 'Сумма к возврату', after: `вид: пропорционально неиспользованным дням; сумма: 15${NBSP}000,50${NBSP}₸` },
      { key: 'dueDate', label: 'Срок возврата', after: '01.04.2026' },
    ]);
    expect(changeLines(ctx('ru', 'staff'), { before: null, after: { passwordHash: '[redacted]' } })).toEqual([{ key: 'passwordHash', label: 'Пароль', after: 'задан (скрыт)' }]);
    expect(changeLines(ctx('kk', 'staff'), { before: { passwordHash: '[redacted]' }, after: { passwordHash: '[redacted]' } })).toEqual([
      { key: 'passwordHash', label: 'Құпиясөз', before: 'жасырылған', after: 'өзгертілді (жасырылған)' },
    ]);
  });

  it("a setting's value is opened up to the parts that changed; an unknown field keeps its raw name", () => {
    expect(changeLines(ctx('ru', 'settings'), { before: { value: { idleLockMinutes: 15 } }, after: { value: { idleLockMinutes: 30 } } })).toEqual([
      { key: 'value.idleLockMinutes', label: 'Значение › блокировка экрана при бездействии, мин', before: '15', after: '30' },
    ]);
    expect(formatValue(ctx('ru', 'accounts'), 'newField', true)).toBe('да');
    expect(changeLines(ctx('ru', 'accounts'), { before: { newField: 1 }, after: { newField: 2 } })[0]!.label).toBe('newField');
  });

  it('commands and record counts by name, with plurals; an unknown command as it is', () => {
    expect(commandText(i18n.getFixedT('ru'), 'recordPayment')).toBe('Приём оплаты');
    expect(commandText(i18n.getFixedT('kk'), 'recordPayment')).toBe('Төлемді тіркеу');
    expect(commandText(i18n.getFixedT('ru'), 'someFutureCommand')).toBe('someFutureCommand');
    expect(recordCountsText(i18n.getFixedT('ru'), { recordCounts: { subscriptions: 1000, ledger: 2 } })).toBe(`1${NBSP}000 подписок · 2 операции`);
    expect(recordCountsText(i18n.getFixedT('kk'), { recordCounts: { subscriptions: 1, ledger: 5 } })).toBe('1 жазылым · 5 операция');
  });
});
