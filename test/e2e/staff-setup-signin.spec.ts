import { expect, test } from './fixtures';
import { AccountFormPage } from './pages/AccountFormPage';
import { AppFrame } from './pages/AppFrame';
import { AuthScreens, signInAfterLoad, TEST_ADMIN } from './pages/AuthScreens';
import { StaffScreen } from './pages/StaffScreen';

// These tests are about the setup and sign-in themselves: nothing is done for them.
test.use({ autoSignIn: false });

const LANGS = ['ru', 'kk'] as const;

const TEXTS = {
  ru: {
    typed: (n: number) => `Не менее 8 символов — введено ${n}`,
    mismatch: 'Пароли не совпадают',
    tooShort: 'Пароль слишком короткий: не менее 8 символов',
    signInFailed: 'Неверный логин или пароль',
    lastAdmin: 'Это последний активный администратор: его нельзя отключить или лишить роли. Сначала назначьте другого администратора',
    settings: 'Настройки',
    clients: 'Клиенты',
    cancel: 'Отмена',
  },
  kk: {
    typed: (n: number) => `Кемінде 8 таңба — енгізілгені: ${n}`,
    mismatch: 'Құпиясөздер сәйкес келмейді',
    tooShort: 'Құпиясөз тым қысқа: кемінде 8 таңба болуы керек',
    signInFailed: 'Логин немесе құпиясөз қате',
    lastAdmin: 'Бұл — соңғы белсенді әкімші: оны өшіруге немесе рөлін өзгертуге болмайды. Алдымен басқа әкімші тағайындаңыз',
    settings: 'Баптаулар',
    clients: 'Клиенттер',
    cancel: 'Болдырмау',
  },
} as const;

const ADMIN = {
  ru: { login: 'Nurlan.Admin', name: 'Нурлан Ахметов', password: 'пароль-админа-1' },
  kk: { login: 'dana.admin', name: 'Дана Құрманғали', password: 'әкімші-құпия-1' },
} as const;

const OPERATOR = {
  ru: { login: 'aigerim', name: 'Айгерим Сейтова', role: 'operator', password: 'operator-pass-1' },
  kk: { login: 'erlan.op', name: 'Ерлан Жұмабаев', role: 'operator', password: 'оператор-құпия' },
} as const;

for (const lang of LANGS) {
  const text = TEXTS[lang];

  test(`first start: the setup screen creates the first admin, who is then signed in (${lang})`, async ({ page }) => {
    const auth = new AuthScreens(page, lang);
    const admin = ADMIN[lang];
    await page.goto('/#/accounts');
    // The first start is in Russian; the language switch is on the screen itself.
    const russian = new AuthScreens(page, 'ru');
    await expect(russian.setupScreen()).toBeVisible();
    if (lang === 'kk') await russian.switchLanguage(russian.setupScreen(), 'kk');
    const setup = auth.setupScreen();
    await expect(setup.getByRole('heading', { level: 1 })).toHaveText(lang === 'ru' ? 'Первый запуск' : 'Алғашқы іске қосу');

    // The length rule is shown as the password is typed, in characters (Kazakh letters count one each).
    const password = setup.getByRole('textbox', { name: auth.texts.password, exact: true });
    await expect(setup).toContainText(text.typed(0));
    await password.fill('құпия');
    await expect(setup).toContainText(text.typed(5));

    // Refused before anything is stored: too short, then two different passwords.
    await auth.completeSetup({ ...admin, password: 'құпия' });
    await expect(setup).toContainText(text.tooShort);
    await auth.completeSetup({ ...admin, passwordAgain: `${admin.password}!` });
    await expect(setup).toContainText(text.mismatch);
    await expect(auth.navigation()).toHaveCount(0);

    await auth.completeSetup(admin);
    await expect(auth.navigation()).toBeVisible();
    // The header names who is signed in and the role, in the UI language; the login was stored in lower case.
    const role = lang === 'ru' ? 'Администратор' : 'Әкімші';
    await expect(auth.userMenu()).toHaveAccessibleName(`${auth.texts.userMenu}: ${admin.name}, ${role}`);
    await expect(auth.header()).toContainText(admin.name);
    await expect(auth.header()).toContainText(role);

    // The session lives in memory: a reload asks for the password, and the setup is not offered again.
    await page.reload();
    await expect(auth.signInScreen()).toBeVisible();
    await expect(auth.setupScreen()).toHaveCount(0);
    await auth.submitSignIn({ login: admin.login, password: 'not-the-password' });
    await expect(auth.alert(auth.signInScreen())).toHaveText(text.signInFailed);
    // Logins are compared in lower case, passwords exactly.
    await auth.signIn({ login: admin.login.toUpperCase(), password: admin.password });
    await expect(auth.userMenu()).toHaveAccessibleName(`${auth.texts.userMenu}: ${admin.name}, ${role}`);
    await expect(page).toHaveURL(/#\/accounts$/);
  });

  test(`an operator added on the staff screen signs in, and the header shows the operator (${lang})`, async ({ page }) => {
    const auth = new AuthScreens(page, lang);
    const frame = new AppFrame(page);
    const staff = new StaffScreen(page, lang);
    const operator = OPERATOR[lang];
    await page.goto('/#/settings');
    await signInAfterLoad(page, TEST_ADMIN);
    if (lang === 'kk') await frame.switchLanguage('ru', 'kk');

    await staff.openFromSettings();
    await expect(staff.row(TEST_ADMIN.login)).toContainText(staff.roleName('admin'));
    await staff.add(operator);
    await expect(staff.row(operator.login)).toContainText(operator.name);

    // The only active admin can be neither demoted nor deactivated (the core says why); nobody deactivates themselves.
    const dialog = await staff.changeRole(TEST_ADMIN.name, 'operator');
    await expect(dialog.getByRole('alert')).toHaveText(text.lastAdmin);
    await dialog.getByRole('button', { name: text.cancel, exact: true }).click();
    await expect(staff.deactivateButton(TEST_ADMIN.name)).toHaveCount(0);
    await expect(staff.row(TEST_ADMIN.login)).toContainText(staff.roleName('admin'));

    await auth.signOut();
    await auth.signIn(operator);
    await expect(auth.userMenu()).toHaveAccessibleName(`${auth.texts.userMenu}: ${operator.name}, ${staff.roleName('operator')}`);
    await expect(auth.header()).toContainText(operator.name);
    await expect(auth.header()).not.toContainText(TEST_ADMIN.name);
    // Sign-out led home; the operator's Settings keep the language but not the admin's cards.
    await expect(page).toHaveURL(/#\/accounts$/);
    await frame.goTo(text.settings);
    await expect(frame.heading(text.settings)).toBeVisible();
    await expect(staff.securitySection()).toHaveCount(0);
    await expect(page.getByRole('link', { name: staff.texts.settingsLink })).toHaveCount(0);
    await page.evaluate(() => {
      location.hash = '#/settings/staff';
    });
    await expect(frame.heading(lang === 'ru' ? 'Недостаточно прав' : 'Құқық жеткіліксіз')).toBeVisible();
    await expect(staff.table()).toHaveCount(0);
  });

  test(`idle lock: the screen locks over an open form after the idle minutes, and the form survives the unlock (${lang})`, async ({ page }) => {
    const auth = new AuthScreens(page, lang);
    const frame = new AppFrame(page);
    const staff = new StaffScreen(page, lang);
    const form = new AccountFormPage(page);
    // Real elapsed time decides the idle lock: the test moves the browser's timers, not the app's business date.
    await page.clock.install();
    await page.goto('/#/settings');
    await signInAfterLoad(page, TEST_ADMIN);
    if (lang === 'kk') await frame.switchLanguage('ru', 'kk');
    await staff.setIdleLockMinutes(1);

    await page.evaluate(() => {
      location.hash = '#/accounts/new';
    });
    await form.field('name', lang).fill('ТОО «Ашық форма»');
    await page.clock.fastForward('00:30');
    await expect(auth.lockScreen()).toHaveCount(0);
    await page.clock.fastForward('02:00');
    await expect(auth.lockScreen()).toBeVisible();
    await expect(auth.lockScreen()).toContainText(`${TEST_ADMIN.name} (${TEST_ADMIN.login})`);
    // The app is still there underneath, out of reach.
    await expect(form.field('name', lang)).toHaveCount(0);
    await expect(auth.navigation()).toHaveCount(0);

    await auth.unlock('not-the-password');
    await expect(auth.alert(auth.lockScreen())).toHaveText(text.signInFailed);
    await auth.unlock(TEST_ADMIN.password);
    await expect(auth.lockScreen()).toHaveCount(0);
    await expect(form.field('name', lang)).toHaveValue('ТОО «Ашық форма»');

    // Locked from the header, then "someone else": the open form is dropped, the next person starts at home.
    await auth.lockFromMenu();
    await expect(auth.lockScreen()).toBeVisible();
    await auth.switchUserButton().click();
    await expect(auth.signInScreen()).toBeVisible();
    await auth.signIn(TEST_ADMIN);
    await expect(page).toHaveURL(/#\/accounts$/);
    await expect(frame.heading(text.clients)).toBeVisible();
  });
}
