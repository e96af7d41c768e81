import { expect, test } from './fixtures';
import { AppFrame } from './pages/AppFrame';
import { AuthScreens, signInAfterLoad, TEST_ADMIN } from './pages/AuthScreens';
import { StaffScreen } from './pages/StaffScreen';

test.use({ autoSignIn: false });

/** 09:00 in Almaty on a Tuesday; `?now=` pins the app clock at load, and the browser's Date is held still so that the pinned instant does not run on. */
const T0 = Date.parse('2026-03-10T09:00:00+05:00');
const at = (minutes: number) => `?now=${encodeURIComponent(new Date(T0 + minutes * 60_000).toISOString())}`;

const TEXTS = {
  ru: {
    failed: 'Неверный логин или пароль',
    locked: (minutes: number) => `Вход заблокирован после трёх неверных паролей подряд. Повторите через ${minutes} мин.`,
    lockedUntil: 'до 10.03.2026 09:15',
  },
  kk: {
    failed: 'Логин немесе құпиясөз қате',
    locked: (minutes: number) => `Құпиясөз қатарынан үш рет қате енгізілгендіктен кіру бұғатталды. ${minutes} минуттан кейін қайталап көріңіз`,
    lockedUntil: '10.03.2026 09:15 дейін',
  },
} as const;

const OPERATOR = {
  ru: { login: 'saule', name: 'Сауле Нуртаева', role: 'operator', password: 'saule-password-1' },
  kk: { login: 'aruzhan', name: 'Аружан Бекова', role: 'operator', password: 'аружан-құпия-1' },
} as const;

for (const lang of ['ru', 'kk'] as const) {
  const text = TEXTS[lang];

  test(`three wrong passwords lock the login for 15 minutes, and the screen says how long is left (${lang})`, async ({ page }) => {
    const auth = new AuthScreens(page, lang);
    const frame = new AppFrame(page);
    const staff = new StaffScreen(page, lang);
    const operator = OPERATOR[lang];
    await page.clock.setFixedTime(T0);

    // The admin adds the operator at 09:00.
    await page.goto(`/${at(0)}#/settings`);
    await signInAfterLoad(page, TEST_ADMIN);
    if (lang === 'kk') await frame.switchLanguage('ru', 'kk');
    await staff.openFromSettings();
    await staff.add(operator);
    await auth.signOut();

    // Two wrong passwords: the same refusal as an unknown login. The third locks, and says for how long.
    const screen = auth.signInScreen();
    await auth.submitSignIn({ login: operator.login, password: 'wrong-1' });
    await expect(auth.alert(screen)).toHaveText(text.failed);
    await auth.submitSignIn({ login: 'nobody-here', password: 'wrong-2' });
    await expect(auth.alert(screen)).toHaveText(text.failed);
    await auth.submitSignIn({ login: operator.login, password: 'wrong-2' });
    await expect(auth.alert(screen)).toHaveText(text.failed);
    await auth.submitSignIn({ login: operator.login, password: 'wrong-3' });
    await expect(auth.alert(screen)).toHaveText(text.locked(15));
    // While locked even the right password is refused, and the lock is not extended.
    await auth.submitSignIn(operator);
    await expect(auth.alert(screen)).toHaveText(text.locked(15));
    await expect(auth.navigation()).toHaveCount(0);

    // The admin sees the lock on the staff screen (and could lift it with a new password).
    await auth.signIn(TEST_ADMIN);
    await frame.goTo(lang === 'ru' ? 'Настройки' : 'Баптаулар');
    await staff.openFromSettings();
    await expect(staff.row(operator.login)).toContainText(text.lockedUntil);
    await auth.signOut();

    // 14 minutes later (a new start, clock pinned): one minute left.
    await page.goto(`/${at(14)}#/accounts`);
    await expect(auth.signInScreen()).toBeVisible();
    await auth.submitSignIn(operator);
    await expect(auth.alert(screen)).toHaveText(text.locked(1));

    // 15 minutes after the third failure the lock is over.
    await page.goto(`/${at(15)}#/accounts`);
    await auth.signIn(operator);
    await expect(auth.userMenu()).toHaveAccessibleName(`${auth.texts.userMenu}: ${operator.name}, ${staff.roleName('operator')}`);
  });
}
