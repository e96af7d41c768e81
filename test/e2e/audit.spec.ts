import { expect, test, tenge } from './fixtures';
import { AppFrame } from './pages/AppFrame';
import { AuditScreen } from './pages/AuditScreen';
import { AuthScreens, TEST_ADMIN } from './pages/AuthScreens';
import { createClient, pinnedAt } from './pages/LifecycleSetup';
import { StaffScreen } from './pages/StaffScreen';

const OPERATOR = {
  ru: { login: 'bolat', name: 'Болат Сейітов', role: 'operator', password: 'bolat-password-1' },
  kk: { login: 'dana', name: 'Дана Ахметова', role: 'operator', password: 'дана-құпия-сөз-1' },
} as const;

const CLIENT = { ru: 'ТОО «Аудит Бір»', kk: 'ТОО «Аудит Екі»' } as const;

for (const lang of ['ru', 'kk'] as const) {
  test(`the audit shows the operator's payment: who, what, which client, the entry; the client's history has it too (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const auth = new AuthScreens(page, lang);
    const frame = new AppFrame(page);
    const staff = new StaffScreen(page, lang);
    const audit = new AuditScreen(page, lang);
    const operator = OPERATOR[lang];
    const client = CLIENT[lang];
    const date = '2026-03-02';

    // The admin (the fixture's) creates the client and an operator.
    const accountRoute = await createClient(page, pinnedAt(date), { name: client, seed: lang === 'ru' ? 41 : 42, payments: [] });
    if (lang === 'kk') await frame.switchLanguage('ru', 'kk');
    await frame.openRoute('/settings');
    await staff.openFromSettings();
    await staff.add(operator);

    // The operator records the payment; the Audit section is not theirs.
    await auth.signOut();
    await auth.signIn(operator);
    await expect(audit.navLink()).toHaveCount(0);
    await frame.openRoute(accountRoute);
    await expect(frame.heading(client)).toBeVisible();
    await audit.recordPayment('15000,50', date);

    // The admin opens the Audit section: newest first, her own sign-in, then the operator's payment for the client.
    await auth.signOut();
    await auth.signIn(TEST_ADMIN);
    await audit.navLink().click();
    await expect(audit.heading()).toBeVisible();
    await expect(audit.rows().first()).toContainText(TEST_ADMIN.name);
    const paid = audit.rowsOf(client).filter({ hasText: audit.commandName('recordPayment') });
    await expect(paid).toHaveCount(1);
    await expect(paid).toContainText(operator.name);

    // By person: the operator's payment, then the operator's sign-in; the filter is in the address.
    await audit.filterByActor(`${operator.name} (${operator.login})`);
    await expect(page).toHaveURL(new RegExp(`who=${operator.login}`));
    await expect(audit.rows()).toHaveCount(2);
    await expect(audit.rows().nth(1)).toContainText(audit.commandName('signIn'));
    const payment = audit.rowsOf(client);
    await expect(payment).toHaveCount(1);
    await expect(payment).toContainText(audit.commandName('recordPayment'));
    await expect(payment).toContainText(operator.login);

    // The details: the entry it posted, in the user's language.
    const dialog = await audit.openDetails(payment);
    const postings = audit.postingsTable(dialog);
    await expect(postings.getByRole('row')).toHaveCount(2);
    const line = postings.getByRole('row').nth(1);
    await expect(line).toContainText(client);
    await expect(line).toContainText(audit.texts.ledgerKind.payment);
    await expect(line).toContainText(audit.texts.bucket.money);
    await expect(line).toContainText(tenge('15 000,50'));
    await expect(line).toContainText('02.03.2026');
    await audit.closeDetails(dialog);

    // By record: the client's creation (by the admin) and the payment; with the person as well, the payment only.
    await audit.resetFilters();
    await audit.filterByClient(client.slice(0, 9), client);
    await expect(audit.rows()).toHaveCount(2);
    await expect(audit.rows().nth(0)).toContainText(audit.commandName('recordPayment'));
    await expect(audit.rows().nth(1)).toContainText(audit.commandName('createAccount'));
    await expect(audit.rows().nth(1)).toContainText(TEST_ADMIN.name);
    await audit.filterByCommand('createAccount');
    await expect(audit.rows()).toHaveCount(1);
    await expect(audit.rows().first()).toContainText(TEST_ADMIN.name);

    // The client's page: its History holds the same payment.
    await frame.openRoute(accountRoute);
    await expect(frame.heading(client)).toBeVisible();
    const history = await audit.openHistory();
    const item = history.getByRole('button', { name: new RegExp(`^${audit.commandName('recordPayment')}`) });
    await expect(item).toContainText(operator.name);
    await item.click();
    await expect(audit.postingsTable(history).getByRole('row').nth(1)).toContainText(tenge('15 000,50'));
  });
}
