import { makeIinBin } from '../../shared/billing';
import { expect, NBSP, tenge, test } from './fixtures';
import { AppFrame } from './pages/AppFrame';
import { clientWithSubscription } from './pages/SubscriptionLifecycle';
import { SubscriptionsListPage } from './pages/SubscriptionsListPage';

const BIN = makeIinBin('12044012345') ?? makeIinBin('12044012346') ?? '';
const CLOUD = 'Облачные серверы 1С';
const SITES = 'Конструктор сайтов';

test('an upgrade from the subscriptions list: the quote is shown line by line and the ledger posts exactly the amount shown', async ({ page }) => {
  // Period 10.03 → 10.04 (31 days); upgrade on 25.03: 16 days left.
  const life = await clientWithSubscription(page, 'ru', {
    today: '2026-03-25',
    name: 'ТОО «Тау Самал»',
    bin: BIN,
    payment: { amount: '20 000', date: '2026-03-10' },
    subscription: { service: CLOUD, tariffId: 'tar-cloud1c-s', startDate: '2026-03-10' },
  });
  await expect(life.moneyBalance).toHaveText(tenge('11 000,00'));

  const frame = new AppFrame(page);
  await frame.goTo('Подписки');
  await expect(frame.heading('Подписки')).toBeVisible();
  const list = new SubscriptionsListPage(page);
  await list.search().fill('Тау');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.rows().first()).toContainText('10.03.2026 – 09.04.2026');
  await list.changeTariffButton('ТОО «Тау Самал»', CLOUD).click();

  const dialog = life.changeTariffDialog();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Новый тариф' }).selectOption('tar-cloud1c-m');
  await expect(dialog.getByLabel('Дата смены')).toHaveValue('2026-03-25');
  const line = (label: string) => life.quoteLine(dialog, 'Расчёт смены тарифа', label);
  await expect(line('Текущий период')).toHaveText('10.03.2026 – 09.04.2026 (31 день)');
  await expect(line('Осталось дней')).toHaveText('16 дней: с 25.03.2026 по 09.04.2026');
  await expect(line('Текущий тариф')).toHaveText(`Сервер S — ${tenge('9 000,00')} / мес.`);
  await expect(line('Новый тариф')).toHaveText(`Сервер M — ${tenge('15 000,00')} / мес.`);
  await expect(line('Расчёт')).toHaveText(`(15 000,00 − 9 000,00) × 16 / 31 = ${tenge('3 096,77')}`.replace(/ /g, NBSP));
  await expect(line('Списывается сейчас')).toHaveText(tenge('3 096,77'));
  await expect(line('из них бонусами')).toHaveText(tenge('0,00'));
  await expect(line('из них с денежного баланса')).toHaveText(tenge('3 096,77'));
  await expect(line('На балансе сейчас')).toHaveText(`деньги ${tenge('11 000,00')}, бонусы ${tenge('0,00')}`);
  const shown = await line('Списывается сейчас').innerText();

  await dialog.getByRole('button', { name: 'Сменить тариф', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(list.rows().first()).toContainText('Сервер M');

  await list.rows().first().getByRole('link', { name: 'ТОО «Тау Самал»' }).click();
  await expect(frame.heading('ТОО «Тау Самал»')).toBeVisible();
  const charge = life.ledgerRow('Доплата за смену тарифа');
  await expect(charge).toContainText(`-${shown}`);
  await expect(charge).toContainText('25.03.2026');
  await expect(life.moneyBalance).toHaveText(tenge('7 903,23'));
});

test('a 1C-server downgrade is scheduled for the renewal: nothing is charged now, the list shows the scheduled change', async ({ page }) => {
  const life = await clientWithSubscription(page, 'ru', {
    today: '2026-03-20',
    name: 'ТОО «Есеп Орталығы»',
    bin: BIN,
    payment: { amount: '30 000', date: '2026-03-10' },
    subscription: { service: CLOUD, tariffId: 'tar-cloud1c-l', startDate: '2026-03-10' },
  });
  await expect(life.moneyBalance).toHaveText(tenge('2 000,00'));
  await life.rowAction('Сменить тариф', CLOUD, 'Сервер L').click();
  const dialog = life.changeTariffDialog();
  await dialog.getByRole('combobox', { name: 'Новый тариф' }).selectOption('tar-cloud1c-s');
  const line = (label: string) => life.quoteLine(dialog, 'Расчёт смены тарифа', label);
  await expect(line('Новый тариф действует с')).toHaveText('10.04.2026');
  await expect(line('Списывается сейчас')).toHaveText(tenge('0,00'));
  await expect(line('Новый тариф')).toHaveText(`Сервер S — ${tenge('9 000,00')} / мес.`);
  await expect(dialog.getByRole('note').filter({ hasText: 'только с нового периода' })).toContainText(
    `Смена будет запланирована на 10.04.2026: сейчас ничего не списывается, следующий период будет оплачен по новому тарифу — ${tenge('9 000,00')}.`,
  );
  // No resource check for a service that only switches at renewal.
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Запланировать смену тарифа' }).click();
  await expect(dialog).toBeHidden();

  const row = life.subscriptions.getByRole('row', { name: /Сервер L/ });
  await expect(row).toContainText('Запланирована смена: Сервер S с 10.04.2026');
  await expect(life.moneyBalance).toHaveText(tenge('2 000,00'));
  await expect(life.ledger.getByRole('row', { name: /смен/ })).toHaveCount(0);

  const frame = new AppFrame(page);
  await frame.goTo('Подписки');
  const list = new SubscriptionsListPage(page);
  await list.scheduledOnly().check();
  await expect(list.rows()).toHaveCount(1);
  await expect(list.rows().first()).toContainText('ТОО «Есеп Орталығы»');
  await expect(list.rows().first()).toContainText('Сервер S с 10.04.2026');
});

test('a site-builder downgrade is refused without the resource check and credited with it', async ({ page }) => {
  // Period 01.03 → 01.04 (31 days); on 15.03, 17 days are left: (5 000 − 9 000) × 17 / 31 = −2 193,55.
  const life = await clientWithSubscription(page, 'ru', {
    today: '2026-03-15',
    name: 'ТОО «Сайт Шебері»',
    bin: BIN,
    payment: { amount: '10 000', date: '2026-03-01' },
    subscription: { service: SITES, tariffId: 'tar-site-shop', startDate: '2026-03-01' },
  });
  await expect(life.moneyBalance).toHaveText(tenge('1 000,00'));
  await life.rowAction('Сменить тариф', SITES, 'Интернет-магазин').click();
  const dialog = life.changeTariffDialog();
  await dialog.getByRole('combobox', { name: 'Новый тариф' }).selectOption('tar-site-business');
  const line = (label: string) => life.quoteLine(dialog, 'Расчёт смены тарифа', label);
  await expect(line('Осталось дней')).toHaveText('17 дней: с 15.03.2026 по 31.03.2026');
  await expect(line('Расчёт')).toHaveText(`(5 000,00 − 9 000,00) × 17 / 31 = −${tenge('2 193,55')}`.replace(/ /g, NBSP));
  await expect(line('Возвращается на баланс')).toHaveText(tenge('2 193,55'));
  await expect(line('из них в бонусы')).toHaveText(tenge('0,00'));
  await expect(line('из них на денежный баланс')).toHaveText(tenge('2 193,55'));
  await expect(dialog.getByRole('note').filter({ hasText: 'после проверки ресурсов' })).toBeVisible();

  const checked = dialog.getByRole('checkbox', { name: 'Ресурсы проверены: данные клиента помещаются в меньший тариф' });
  await expect(checked).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Сменить тариф', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Переход на меньший тариф возможен только после проверки ресурсов: отметьте, что проверка выполнена');
  await expect(life.moneyBalance).toHaveText(tenge('1 000,00'));
  await expect(life.ledger.getByRole('row', { name: /Возврат при смене тарифа/ })).toHaveCount(0);

  await checked.check();
  await dialog.getByRole('button', { name: 'Сменить тариф', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(life.ledgerRow('Возврат при смене тарифа')).toContainText(tenge('2 193,55'));
  await expect(life.moneyBalance).toHaveText(tenge('3 193,55'));
  await expect(life.subscriptions.getByRole('row', { name: /Бизнес-сайт/ })).toContainText('Активна');
});
