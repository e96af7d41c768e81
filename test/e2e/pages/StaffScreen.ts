import { expect, type Locator, type Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';

const TEXTS = {
  ru: {
    heading: 'Сотрудники',
    table: 'Сотрудники',
    settingsLink: 'Открыть список сотрудников',
    add: 'Добавить сотрудника',
    addDialog: 'Новый сотрудник',
    addSubmit: 'Добавить',
    login: 'Логин',
    name: 'Имя и фамилия',
    role: 'Роль',
    password: 'Пароль',
    passwordAgain: 'Пароль ещё раз',
    changeRole: 'Изменить роль',
    roleDialog: 'Роль сотрудника',
    newRole: 'Новая роль',
    roleSubmit: 'Сохранить',
    reset: 'Задать новый пароль',
    resetDialog: 'Новый пароль',
    resetSubmit: 'Задать пароль',
    deactivate: 'Отключить',
    deactivateDialog: 'Отключить учётную запись',
    activate: 'Включить',
    activateDialog: 'Включить учётную запись',
    roles: { operator: 'Оператор', manager: 'Менеджер', admin: 'Администратор' },
    security: 'Безопасность',
    idle: 'Блокировать экран после бездействия, минут',
    save: 'Сохранить',
  },
  kk: {
    heading: 'Қызметкерлер',
    table: 'Қызметкерлер',
    settingsLink: 'Қызметкерлер тізімін ашу',
    add: 'Қызметкер қосу',
    addDialog: 'Жаңа қызметкер',
    addSubmit: 'Қосу',
    login: 'Логин',
    name: 'Аты-жөні',
    role: 'Рөлі',
    password: 'Құпиясөз',
    passwordAgain: 'Құпиясөзді қайталаңыз',
    changeRole: 'Рөлін өзгерту',
    roleDialog: 'Қызметкердің рөлі',
    newRole: 'Жаңа рөлі',
    roleSubmit: 'Сақтау',
    reset: 'Жаңа құпиясөз беру',
    resetDialog: 'Жаңа құпиясөз',
    resetSubmit: 'Құпиясөзді беру',
    deactivate: 'Өшіру',
    deactivateDialog: 'Есептік жазбаны өшіру',
    activate: 'Қайта қосу',
    activateDialog: 'Есептік жазбаны қайта қосу',
    roles: { operator: 'Оператор', manager: 'Менеджер', admin: 'Әкімші' },
    security: 'Қауіпсіздік',
    idle: 'Әрекетсіз қалғанда экранды бұғаттау, минут',
    save: 'Сақтау',
  },
} as const;

export type Role = 'operator' | 'manager' | 'admin';

export interface NewStaff {
  login: string;
  name: string;
  role: Role;
  password: string;
}

/** Settings → Staff (admin) and the Security card of Settings, in either language. */
export class StaffScreen extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(page: Page, lang: Lang = 'ru') {
    super(page, lang, TEXTS);
  }

  heading(): Locator {
    return this.pageHeading(this.texts.heading);
  }

  table(): Locator {
    return this.page.getByRole('table', { name: this.texts.table, exact: true });
  }

  row(login: string): Locator {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('cell', { name: login, exact: true }) });
  }

  roleName(role: Role): string {
    return this.texts.roles[role];
  }

  /** From Settings (already open) to the staff screen, through its card's link. */
  async openFromSettings(): Promise<void> {
    await this.page.getByRole('link', { name: this.texts.settingsLink, exact: true }).click();
    await expect(this.heading()).toBeVisible();
  }

  async add(person: NewStaff): Promise<void> {
    await this.page.getByRole('button', { name: this.texts.add, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: this.texts.addDialog, exact: true });
    await dialog.getByRole('textbox', { name: this.texts.login, exact: true }).fill(person.login);
    await dialog.getByRole('textbox', { name: this.texts.name, exact: true }).fill(person.name);
    await dialog.getByRole('combobox', { name: this.texts.role, exact: true }).selectOption({ label: this.texts.roles[person.role] });
    await dialog.getByRole('textbox', { name: this.texts.password, exact: true }).fill(person.password);
    await dialog.getByRole('textbox', { name: this.texts.passwordAgain, exact: true }).fill(person.password);
    await dialog.getByRole('button', { name: this.texts.addSubmit, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(person.login)).toContainText(this.texts.roles[person.role]);
  }

  /** Opens the role dialog of `name`, picks `role` and submits; returns the dialog (still open when refused). */
  async changeRole(name: string, role: Role): Promise<Locator> {
    await this.page.getByRole('button', { name: `${this.texts.changeRole}: ${name}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: this.texts.roleDialog, exact: true });
    await dialog.getByRole('combobox', { name: this.texts.newRole, exact: true }).selectOption({ label: this.texts.roles[role] });
    await dialog.getByRole('button', { name: this.texts.roleSubmit, exact: true }).click();
    return dialog;
  }

  async resetPassword(name: string, password: string): Promise<void> {
    await this.page.getByRole('button', { name: `${this.texts.reset}: ${name}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: this.texts.resetDialog, exact: true });
    await dialog.getByRole('textbox', { name: this.texts.password, exact: true }).fill(password);
    await dialog.getByRole('textbox', { name: this.texts.passwordAgain, exact: true }).fill(password);
    await dialog.getByRole('button', { name: this.texts.resetSubmit, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  deactivateButton(name: string): Locator {
    return this.page.getByRole('button', { name: `${this.texts.deactivate}: ${name}`, exact: true });
  }

  async deactivate(name: string): Promise<void> {
    await this.deactivateButton(name).click();
    const dialog = this.page.getByRole('dialog', { name: this.texts.deactivateDialog, exact: true });
    await dialog.getByRole('button', { name: this.texts.deactivate, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  securitySection(): Locator {
    return this.page.getByRole('region', { name: this.texts.security, exact: true });
  }

  /** Settings → Security: sets the idle lock (Settings must be open). */
  async setIdleLockMinutes(minutes: number): Promise<void> {
    const section = this.securitySection();
    await section.getByRole('textbox', { name: this.texts.idle, exact: true }).fill(String(minutes));
    await section.getByRole('button', { name: this.texts.save, exact: true }).click();
    await expect(section.getByRole('status')).toContainText(String(minutes));
  }
}
