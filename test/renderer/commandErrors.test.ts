import { describe, expect, it, vi } from 'vitest';
import { commandErrorText, validationText } from '../../renderer/i18n/commandErrors';
import { createI18n } from '../../renderer/i18n/i18n';
import { CommandError } from '../../core';

const NBSP = '\u00a0';

describe('commandErrorText', () => {
  it('shows a CommandError in the UI language with money parameters as tenge', () => {
    const i18n = createI18n('ru', { react: false });
    const error = new CommandError('errors:balance.insufficient', { params: { required: 900000, available: 1505 } });
    const ru = commandErrorText(i18n.getFixedT('ru'), error, 'ru');
    expect(ru).toContain(`9${NBSP}000,00${NBSP}₸`);
    expect(ru).toContain(`15,05${NBSP}₸`);
    expect(ru).toBe(i18n.t('errors:balance.insufficient', { lng: 'ru', required: `9${NBSP}000,00${NBSP}₸`, available: `15,05${NBSP}₸` }));
    const kk = commandErrorText(i18n.getFixedT('kk'), error, 'kk');
    expect(kk).not.toBe(ru);
    expect(kk).toContain(`9${NBSP}000,00${NBSP}₸`);
  });

  it('writes ISO date parameters as long dates in the UI language', () => {
    const i18n = createI18n('kk', { react: false });
    const text = commandErrorText(i18n.getFixedT('kk'), new CommandError('errors:tariff.noPrice', { params: { date: '2026-03-10' } }), 'kk');
    expect(text).toContain('10 наурыз 2026 ж.');
  });

  it('never shows the raw message of an unexpected fault', () => {
    const i18n = createI18n('ru', { react: false });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(commandErrorText(i18n.getFixedT('ru'), new Error('IDBDatabase: secret internals'), 'ru')).toBe(i18n.t('common:errors.unexpected'));
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('translates zod messages that are errors: keys', () => {
    const i18n = createI18n('ru', { react: false });
    expect(validationText(i18n.getFixedT('ru'), 'errors:iinBin.length')).toBe(i18n.t('errors:iinBin.length'));
    expect(validationText(i18n.getFixedT('ru'), 'errors:iinBin.length')).not.toBe('errors:iinBin.length');
    expect(validationText(i18n.getFixedT('ru'), undefined)).toBeUndefined();
  });
});
