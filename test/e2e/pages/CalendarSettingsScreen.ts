import { expect, type Locator, type Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';

const TEXTS = {
  ru: {
    section: 'Календарь рабочих дней',
    years: 'Годы календаря',
    file: 'Импорт года из файла',
    editor: (year: number) => `Календарь ${year} года`,
    save: 'Сохранить календарь',
    edit: (year: number) => `Изменить календарь ${year} года`,
    remove: (year: number) => `Удалить календарь ${year} года`,
    removeSubmit: 'Удалить',
    problems: (file: string) => `Файл «${file}» не импортирован`,
  },
  kk: {
    section: 'Жұмыс күндерінің күнтізбесі',
    years: 'Күнтізбе жылдары',
    file: 'Жылды файлдан импорттау',
    editor: (year: number) => `${year} жылдың күнтізбесі`,
    save: 'Күнтізбені сақтау',
    edit: (year: number) => `${year} жылдың күнтізбесін өзгерту`,
    remove: (year: number) => `${year} жылдың күнтізбесін жою`,
    removeSubmit: 'Жою',
    problems: (file: string) => `«${file}» файлы импортталмады`,
  },
} as const;

/** Settings → Working-day calendar (admin), in either language. */
export class CalendarSettingsScreen extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(page: Page, lang: Lang = 'ru') {
    super(page, lang, TEXTS);
  }

  section(): Locator {
    return this.page.getByRole('region', { name: this.texts.section, exact: true });
  }

  yearRow(year: number): Locator {
    return this.section().getByRole('table', { name: this.texts.years, exact: true }).getByRole('row', { name: new RegExp(`^${year}`) });
  }

  yearRows(): Locator {
    return this.section().getByRole('table', { name: this.texts.years, exact: true }).locator('tbody tr');
  }

  /** Chooses a file in the import field (the hidden file input behind it). */
  async importFile(name: string, content: string, mimeType = 'text/plain'): Promise<void> {
    await this.section().locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') });
  }

  problems(file: string): Locator {
    return this.section().getByRole('alert').filter({ hasText: this.texts.problems(file) });
  }

  editor(year: number): Locator {
    return this.page.getByRole('dialog', { name: this.texts.editor(year), exact: true });
  }

  async edit(year: number): Promise<Locator> {
    await this.section().getByRole('button', { name: this.texts.edit(year), exact: true }).click();
    const editor = this.editor(year);
    await expect(editor).toBeVisible();
    return editor;
  }

  async save(year: number): Promise<void> {
    await this.editor(year).getByRole('button', { name: this.texts.save, exact: true }).click();
    await expect(this.editor(year)).toBeHidden();
  }

  removeButton(year: number): Locator {
    return this.section().getByRole('button', { name: this.texts.remove(year), exact: true });
  }
}
