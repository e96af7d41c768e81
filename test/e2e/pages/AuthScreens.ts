import { expect, type Locator, type Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';

/** The person every test works as unless it says otherwise: created on the setup screen by the fixture (fixtures.ts autoSignIn). */
export const TEST_ADMIN = { login: 'admin', name: 'Әлия Тестова', password: 'admin-password-1' } as const;

export interface StaffCredentials {
  login: string;
  password: string;
}

const TEXTS = {
  ru: {
    setup: 'Первый запуск',
    signIn: 'Вход в программу',
    lock: 'Экран заблокирован',
    login: 'Логин',
    name: 'Имя и фамилия',
    password: 'Пароль',
    passwordAgain: 'Пароль ещё раз',
    createAdmin: 'Создать администратора',
    submitSignIn: 'Войти',
    unlock: 'Разблокировать',
    switchUser: 'Войти под другим пользователем',
    signOut: 'Выйти',
    userMenu: 'Учётная запись',
    lockAction: 'Заблокировать экран',
    changePassword: 'Сменить пароль',
    nav: 'Разделы',
    language: 'Язык',
  },
  kk: {
    setup: 'Алғашқы іске қосу',
    signIn: 'Бағдарламаға кіру',
    lock: 'Экран бұғатталған',
    login: 'Логин',
    name: 'Аты-жөні',
    password: 'Құпиясөз',
    passwordAgain: 'Құпиясөзді қайталаңыз',
    createAdmin: 'Әкімшіні құру',
    submitSignIn: 'Кіру',
    unlock: 'Бұғаттан шығару',
    switchUser: 'Басқа пайдаланушы ретінде кіру',
    signOut: 'Шығу',
    userMenu: 'Есептік жазба',
    lockAction: 'Экранды бұғаттау',
    changePassword: 'Құпиясөзді өзгерту',
    nav: 'Бөлімдер',
    language: 'Тіл',
  },
} as const;

const LANGUAGE_NAME = { kk: 'Қазақша', ru: 'Русский' } as const;
const either = (key: keyof (typeof TEXTS)['ru']) => new RegExp(`^(${TEXTS.ru[key]}|${TEXTS.kk[key]})$`);

/**
 * The screens before the app (first-start setup, sign-in), the lock screen
 * drawn over it, and the header's signed-in person, in either language.
 */
export class AuthScreens extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(page: Page, lang: Lang = 'ru') {
    super(page, lang, TEXTS);
  }

  setupScreen(): Locator {
    return this.page.getByRole('main', { name: this.texts.setup, exact: true });
  }

  signInScreen(): Locator {
    return this.page.getByRole('main', { name: this.texts.signIn, exact: true });
  }

  lockScreen(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.lock, exact: true });
  }

  /** The refusal shown on a screen (wrong password, lock with the minutes left …). */
  alert(screen: Locator): Locator {
    return screen.getByRole('alert');
  }

  async completeSetup(admin: { login: string; name: string; password: string; passwordAgain?: string }): Promise<void> {
    const screen = this.setupScreen();
    await screen.getByRole('textbox', { name: this.texts.login, exact: true }).fill(admin.login);
    await screen.getByRole('textbox', { name: this.texts.name, exact: true }).fill(admin.name);
    await screen.getByRole('textbox', { name: this.texts.password, exact: true }).fill(admin.password);
    await screen.getByRole('textbox', { name: this.texts.passwordAgain, exact: true }).fill(admin.passwordAgain ?? admin.password);
    await screen.getByRole('button', { name: this.texts.createAdmin, exact: true }).click();
  }

  /** Types into the sign-in screen and submits (does not wait for the outcome). */
  async submitSignIn(who: StaffCredentials): Promise<void> {
    const screen = this.signInScreen();
    await screen.getByRole('textbox', { name: this.texts.login, exact: true }).fill(who.login);
    await screen.getByRole('textbox', { name: this.texts.password, exact: true }).fill(who.password);
    await screen.getByRole('button', { name: this.texts.submitSignIn, exact: true }).click();
  }

  /** Signs in and waits for the app's navigation. */
  async signIn(who: StaffCredentials): Promise<void> {
    await this.submitSignIn(who);
    await expect(this.navigation()).toBeVisible();
  }

  async unlock(password: string): Promise<void> {
    const screen = this.lockScreen();
    await screen.getByRole('textbox', { name: this.texts.password, exact: true }).fill(password);
    await screen.getByRole('button', { name: this.texts.unlock, exact: true }).click();
  }

  switchUserButton(): Locator {
    return this.lockScreen().getByRole('button', { name: this.texts.switchUser, exact: true });
  }

  navigation(): Locator {
    return this.page.getByRole('navigation', { name: this.texts.nav, exact: true });
  }

  header(): Locator {
    return this.page.getByRole('banner');
  }

  /** The header's button that names the signed-in person and role. */
  userMenu(): Locator {
    return this.header().getByRole('button', { name: new RegExp(`^${this.texts.userMenu}: `) });
  }

  async signOut(): Promise<void> {
    await this.header().getByRole('button', { name: this.texts.signOut, exact: true }).click();
    await expect(this.signInScreen()).toBeVisible();
  }

  async lockFromMenu(): Promise<void> {
    await this.userMenu().click();
    await this.page.getByRole('menuitem', { name: this.texts.lockAction, exact: true }).click();
  }

  async openChangePassword(): Promise<Locator> {
    await this.userMenu().click();
    await this.page.getByRole('menuitem', { name: this.texts.changePassword, exact: true }).click();
    return this.page.getByRole('dialog', { name: this.texts.changePassword, exact: true });
  }

  /** The language switch of a screen without the header (setup, sign-in, lock). */
  async switchLanguage(screen: Locator, to: Lang): Promise<void> {
    await screen.getByRole('radiogroup', { name: this.texts.language }).getByText(LANGUAGE_NAME[to], { exact: true }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', to);
  }
}

/**
 * What the e2e fixture does after every load of the app (and what any other
 * script driving the app can do, e.g. the bench): waits until the page shows
 * either the app's navigation, the first-start setup, the sign-in screen or
 * the start-up failure screen; on the setup screen it creates `admin` (one
 * PBKDF2 hash for the record and one for its sign-in), on the sign-in screen it
 * signs `admin` in (one hash), and it waits for the navigation. Pages that
 * are not the app (another path) are left alone. Either language: the one
 * the page is in.
 */
export async function signInAfterLoad(page: Page, admin: { login: string; name: string; password: string } = TEST_ADMIN): Promise<void> {
  const path = new URL(page.url()).pathname;
  if (path !== '/' && !path.endsWith('/index.html')) return;
  const navigation = page.getByRole('navigation', { name: either('nav') });
  const setup = page.getByRole('main', { name: either('setup') });
  const signIn = page.getByRole('main', { name: either('signIn') });
  const startupFailure = page.getByRole('button', { name: /^(Попробовать снова|Қайталап көру)$/ });
  await expect(navigation.or(setup).or(signIn).or(startupFailure).first()).toBeVisible({ timeout: 30_000 });
  const lang: Lang = (await page.locator('html').getAttribute('lang')) === 'kk' ? 'kk' : 'ru';
  const screens = new AuthScreens(page, lang);
  if (await setup.isVisible()) {
    await screens.completeSetup(admin);
  } else if (await signIn.isVisible()) {
    await screens.submitSignIn(admin);
  } else {
    return;
  }
  await expect(navigation).toBeVisible({ timeout: 30_000 });
}
