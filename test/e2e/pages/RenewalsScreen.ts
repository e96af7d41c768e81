import type { Locator, Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';
import { shownRows } from './tables';

const TEXTS = {
  ru: {
    heading: 'Продление подписок',
    date: 'Дата продления',
    run: 'Запустить продление',
    previewTable: 'Подписки, которые изменит продление',
    lastRun: 'Последнее продление',
    amount: 'Будет списано с балансов',
    reminder: 'Пора запустить продление',
    reminderOpen: 'Перейти к продлению',
    planned: { renewed: 'Будут продлены', suspended: 'Будут приостановлены', expired: 'Завершатся без продления', deleted: 'Будут удалены' },
    done: { renewed: 'Продлено', suspended: 'Приостановлено', expired: 'Завершено', deleted: 'Удалено' },
  },
  kk: {
    heading: 'Жазылымдарды ұзарту',
    date: 'Ұзарту күні',
    run: 'Ұзартуды іске қосу',
    previewTable: 'Ұзарту өзгертетін жазылымдар',
    lastRun: 'Соңғы ұзарту',
    amount: 'Баланстардан есептен шығарылады',
    reminder: 'Ұзартуды іске қосатын уақыт келді',
    reminderOpen: 'Ұзартуға өту',
    planned: { renewed: 'Ұзартылады', suspended: 'Тоқтатыла тұрады', expired: 'Ұзартусыз аяқталады', deleted: 'Жойылады' },
    done: { renewed: 'Ұзартылды', suspended: 'Тоқтатыла тұрды', expired: 'Аяқталды', deleted: 'Жойылды' },
  },
} as const;

export type Outcome = 'renewed' | 'suspended' | 'expired' | 'deleted';

/** The Renewals page (Subscriptions → Renewals) and the start-up reminder, in either language. */
export class RenewalsScreen extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(page: Page, lang: Lang = 'ru') {
    super(page, lang, TEXTS);
  }

  heading(): Locator {
    return this.pageHeading(this.texts.heading);
  }

  dateInput(): Locator {
    return this.page.getByLabel(this.texts.date, { exact: true });
  }

  runButton(): Locator {
    return this.page.getByRole('button', { name: this.texts.run });
  }

  /** A section by its heading: the preview ("What will be done on …"), the result ("… done"), the last run. */
  section(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  lastRun(): Locator {
    return this.section(this.texts.lastRun);
  }

  /** One count of a section: the group labelled with the outcome. */
  stat(section: Locator, label: string): Locator {
    return section.getByRole('group', { name: label, exact: true }).getByTestId('stat-value');
  }

  planned(section: Locator, outcome: Outcome): Locator {
    return this.stat(section, this.texts.planned[outcome]);
  }

  done(section: Locator, outcome: Outcome): Locator {
    return this.stat(section, this.texts.done[outcome]);
  }

  amount(section: Locator): Locator {
    return section.getByRole('group', { name: this.texts.amount });
  }

  previewTable(): Locator {
    return this.page.getByRole('table', { name: this.texts.previewTable });
  }

  previewRows(): Locator {
    return shownRows(this.previewTable());
  }

  reminder(): Locator {
    return this.page.getByRole('region', { name: this.texts.reminder });
  }

  reminderLink(): Locator {
    return this.reminder().getByRole('link', { name: this.texts.reminderOpen });
  }
}
