import type { Locator, Page } from '@playwright/test';

export interface AccountFields {
  kind?: 'individual' | 'sole_proprietor' | 'legal_entity';
  name?: string;
  iinBin?: string;
  responsiblePerson?: string;
  email?: string;
  phone?: string;
}

const LABELS = {
  ru: { kind: 'Тип', name: 'Наименование', iinBin: 'ИИН/БИН', responsiblePerson: 'Ответственное лицо', email: 'Электронная почта', phone: 'Телефон', create: 'Создать клиента' },
  kk: { kind: 'Түрі', name: 'Атауы', iinBin: 'ЖСН/БСН', responsiblePerson: 'Жауапты тұлға', email: 'Электрондық пошта', phone: 'Телефон', create: 'Клиентті құру' },
} as const;

/** The account form (new and edit); fields are found by their labels in the current language. */
export class AccountFormPage {
  constructor(readonly page: Page) {}

  field(name: keyof AccountFields, lang: 'kk' | 'ru' = 'ru'): Locator {
    const role = name === 'kind' ? 'combobox' : 'textbox';
    return this.page.getByRole(role, { name: LABELS[lang][name], exact: true });
  }

  async fill(fields: AccountFields, lang: 'kk' | 'ru' = 'ru'): Promise<void> {
    if (fields.kind) await this.field('kind', lang).selectOption(fields.kind);
    for (const name of ['name', 'iinBin', 'responsiblePerson', 'email', 'phone'] as const) {
      const value = fields[name];
      if (value !== undefined) await this.field(name, lang).fill(value);
    }
  }

  submitButton(lang: 'kk' | 'ru' = 'ru'): Locator {
    return this.page.getByRole('button', { name: LABELS[lang].create });
  }

  async submit(lang: 'kk' | 'ru' = 'ru'): Promise<void> {
    await this.submitButton(lang).click();
  }
}
