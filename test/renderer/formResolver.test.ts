import { describe, expect, it } from 'vitest';
import { accountInputSchema, TEXT_LIMITS } from '../../shared/domain';
import { validationText } from '../../renderer/i18n/commandErrors';
import { createI18n } from '../../renderer/i18n/i18n';
import { decodeValidationMessage, formResolver } from '../../renderer/i18n/formResolver';

describe('form validation messages keep their parameters', () => {
  const validate = formResolver(accountInputSchema);
  const base = { kind: 'individual', iinBin: '', language: 'ru' };

  it('a name over the limit says the limit, in Russian and in Kazakh', () => {
    const errors = validate({ ...base, name: 'Я'.repeat(TEXT_LIMITS.accountName + 1) });
    expect(decodeValidationMessage(errors.name!)).toEqual({ code: 'errors:text.tooLong', params: { max: TEXT_LIMITS.accountName } });
    const ru = createI18n('ru').t;
    const kk = createI18n('kk').t;
    expect(validationText(ru, errors.name)).toContain(String(TEXT_LIMITS.accountName));
    expect(validationText(kk, errors.name)).toContain(String(TEXT_LIMITS.accountName));
    expect(validationText(ru, errors.name)).not.toContain('{{');
  });

  it('only the first issue of a field is kept, and a plain key stays a plain key', () => {
    const errors = validate({ ...base, name: '   ' });
    expect(errors.name).toBe('errors:account.nameRequired');
    expect(decodeValidationMessage('errors:account.nameRequired')).toEqual({ code: 'errors:account.nameRequired' });
    expect(decodeValidationMessage('{not json')).toEqual({ code: '{not json' });
  });
});
