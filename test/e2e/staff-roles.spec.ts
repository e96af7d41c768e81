import { expect, test } from './fixtures';
import { AppFrame } from './pages/AppFrame';
import { AuthScreens } from './pages/AuthScreens';
import { createClient, pinnedAt } from './pages/LifecycleSetup';
import { cancelOnlySubscription, RefundsScreen } from './pages/RefundsScreen';
import { RenewalsScreen } from './pages/RenewalsScreen';
import { StaffScreen } from './pages/StaffScreen';

const TEXTS = {
  ru: {
    settings: 'Настройки',
    subscriptions: 'Подписки',
    refundsTab: 'Возвраты',
    renewalsTab: 'Продления',
    notAllowed: 'Недостаточно прав',
    notAllowedText: (name: string) => `Эта страница доступна роли «Менеджер» и выше. Вы вошли как ${name} с ролью «Оператор».`,
    closeAccount: 'Закрыть счёт',
    recordPayment: 'Внести платёж',
    refundsCard: 'Возвраты',
    audit: 'Аудит',
  },
  kk: {
    settings: 'Баптаулар',
    subscriptions: 'Жазылымдар',
    refundsTab: 'Қайтарулар',
    renewalsTab: 'Ұзартулар',
    notAllowed: 'Құқық жеткіліксіз',
    notAllowedText: (name: string) => `Бұл бет «Менеджер» рөліне және одан жоғары рөлдерге қолжетімді. Сіз ${name} ретінде «Оператор» рөлімен кірдіңіз.`,
    closeAccount: 'Шотты жабу',
    recordPayment: 'Төлем енгізу',
    refundsCard: 'Қайтарымдар',
    audit: 'Аудит',
  },
} as const;

const OPERATOR = {
  ru: { login: 'marat', name: 'Марат Касымов', role: 'operator', password: 'marat-password-1' },
  kk: { login: 'gulnar', name: 'Гүлнар Әбенова', role: 'operator', password: 'гүлнар-құпия-1' },
} as const;

const CLIENT = { ru: 'ТОО «Рөл Бір»', kk: 'ТОО «Рөл Екі»' } as const;

for (const lang of ['ru', 'kk'] as const) {
  const text = TEXTS[lang];

  test(`an operator sees the refund but cannot approve or reject it, and cannot reach the renewals run (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    const auth = new AuthScreens(page, lang);
    const frame = new AppFrame(page);
    const staff = new StaffScreen(page, lang);
    const refunds = new RefundsScreen(page, lang);
    const operator = OPERATOR[lang];

    // As the admin (the fixture's): a client whose cancelled subscription asks for a refund, and an operator.
    const date = '2026-03-02';
    const accountRoute = await createClient(page, pinnedAt(date), {
      name: CLIENT[lang],
      seed: lang === 'ru' ? 31 : 32,
      payments: [{ amount: '9000', date }],
      subscription: { service: 'Облачные серверы 1С', tariffIndex: 0, startDate: date },
    });
    await cancelOnlySubscription(page);
    if (lang === 'kk') await frame.switchLanguage('ru', 'kk');
    // The admin (a manager too) is offered the decision.
    await frame.openRoute('/subscriptions/refunds');
    await expect(refunds.decideButton('approve', CLIENT[lang])).toBeVisible();
    await expect(page.getByRole('tab', { name: text.renewalsTab, exact: true })).toBeVisible();

    await expect(frame.navLink(text.audit)).toBeVisible();
    await frame.openRoute('/settings');
    await staff.openFromSettings();
    await staff.add(operator);
    await auth.signOut();
    await auth.signIn(operator);
    await expect(auth.header()).toContainText(operator.name);
    // The audit (manager and admin) is not in an operator's navigation.
    await expect(frame.navLink(text.audit)).toHaveCount(0);

    // The refunds register: the refund is listed, with no approve or reject for an operator.
    await frame.goTo(text.subscriptions);
    const tabs = page.getByRole('tablist');
    await tabs.getByRole('tab', { name: text.refundsTab, exact: true }).click();
    await expect(refunds.heading()).toBeVisible();
    await expect(refunds.row(CLIENT[lang])).toBeVisible();
    await expect(refunds.decideButton('approve', CLIENT[lang])).toHaveCount(0);
    await expect(refunds.decideButton('reject', CLIENT[lang])).toHaveCount(0);
    await expect(page).toHaveURL(/#\/subscriptions\/refunds$/);

    // No renewals tab, and the address itself says the role is not enough.
    await expect(tabs.getByRole('tab', { name: text.renewalsTab, exact: true })).toHaveCount(0);
    await frame.openRoute('/subscriptions/renewals');
    await expect(frame.heading(text.notAllowed)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(text.notAllowedText(operator.name));
    await expect(new RenewalsScreen(page, lang).heading()).toHaveCount(0);

    // On the account page: payments yes; closing the account and refund decisions no.
    await frame.openRoute(accountRoute);
    await expect(frame.heading(CLIENT[lang])).toBeVisible();
    await expect(page.getByRole('button', { name: text.recordPayment, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: text.closeAccount, exact: true })).toHaveCount(0);
    const card = page.getByRole('region', { name: text.refundsCard, exact: true });
    await expect(card.getByRole('row')).toHaveCount(2);
    await expect(card.getByRole('button')).toHaveCount(0);

    // The language switch works for everyone.
    await frame.switchLanguage(lang, lang === 'ru' ? 'kk' : 'ru');
    await expect(auth.header()).toContainText(operator.name);
  });
}
