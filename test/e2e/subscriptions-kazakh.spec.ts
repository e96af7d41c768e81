import { makeIinBin } from '../../shared/billing';
import { expect, NBSP, tenge, test } from './fixtures';
import { AppFrame } from './pages/AppFrame';
import { clientWithSubscription } from './pages/SubscriptionLifecycle';
import { SubscriptionsListPage } from './pages/SubscriptionsListPage';

const BIN = makeIinBin('12044012345') ?? makeIinBin('12044012346') ?? '';
const CLOUD = '1С бұлттық серверлері';

test('the whole upgrade in Kazakh: client, payment, activation, the quote in the list dialog, the posted charge', async ({ page }) => {
  const life = await clientWithSubscription(page, 'kk', {
    today: '2026-03-25',
    name: 'ЖШС «Тау Самал»',
    bin: BIN,
    payment: { amount: '20 000', date: '2026-03-10' },
    subscription: { service: CLOUD, tariffId: 'tar-cloud1c-s', startDate: '2026-03-10' },
  });
  await expect(life.subscriptions.getByRole('row', { name: /S сервері/ })).toContainText('Белсенді');
  await expect(life.moneyBalance).toHaveText(tenge('11 000,00'));

  const frame = new AppFrame(page);
  await frame.goTo('Жазылымдар');
  await expect(frame.heading('Жазылымдар')).toBeVisible();
  const list = new SubscriptionsListPage(page, 'kk');
  await expect(list.total).toHaveText('Барлығы 1 жазылым');
  await expect(list.countButtons().filter({ hasText: 'Белсенді' })).toHaveText('Белсенді: 1');
  await list.search().fill('Самал');
  await expect(list.rows()).toHaveCount(1);
  await list.changeTariffButton('ЖШС «Тау Самал»', CLOUD).click();

  const dialog = life.changeTariffDialog();
  await dialog.getByRole('combobox', { name: 'Жаңа тариф' }).selectOption('tar-cloud1c-m');
  await expect(dialog.getByLabel('Ауыстыру күні')).toHaveValue('2026-03-25');
  const line = (label: string) => life.quoteLine(dialog, 'Тарифті ауыстыру есебі', label);
  await expect(line('Ағымдағы кезең')).toHaveText('10.03.2026 – 09.04.2026 (31 күн)');
  await expect(line('Қалған күндер')).toHaveText('16 күн: 25.03.2026 – 09.04.2026');
  await expect(line('Қазіргі тариф')).toHaveText(`S сервері — ${tenge('9 000,00')} / ай`);
  await expect(line('Жаңа тариф')).toHaveText(`M сервері — ${tenge('15 000,00')} / ай`);
  await expect(line('Есеп')).toHaveText(`(15 000,00 − 9 000,00) × 16 / 31 = ${tenge('3 096,77')}`.replace(/ /g, NBSP));
  await expect(line('Қазір есептен шығарылады')).toHaveText(tenge('3 096,77'));
  await expect(line('оның ішінде бонустардан')).toHaveText(tenge('0,00'));
  await expect(line('оның ішінде ақша балансынан')).toHaveText(tenge('3 096,77'));
  await expect(dialog.getByRole('note').filter({ hasText: 'Алдымен бонустар' })).toBeVisible();
  const shown = await line('Қазір есептен шығарылады').innerText();

  await dialog.getByRole('button', { name: 'Тарифті ауыстыру', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(list.rows().first()).toContainText('M сервері');

  await list.rows().first().getByRole('link', { name: 'ЖШС «Тау Самал»' }).click();
  await expect(frame.heading('ЖШС «Тау Самал»')).toBeVisible();
  await expect(life.ledgerRow('Тарифті ауыстырғаны үшін қосымша төлем')).toContainText(`-${shown}`);
  await expect(life.moneyBalance).toHaveText(tenge('7 903,23'));

  // The cancellation dialog in Kazakh: prorated after the 14-day window (16 of 31 days unused on the M price).
  await life.rowAction('Жазылымнан бас тарту', CLOUD, 'M сервері').click();
  const cancel = life.cancelDialog();
  const refundLine = (label: string) => life.quoteLine(cancel, 'Қайтарым есебі', label);
  await expect(refundLine('Толық қайтару мерзімі')).toHaveText('пайдалану басталғаннан бастап 14 күн: 23.03.2026 қоса алғанда');
  await expect(refundLine('Пайдаланылмаған күндер')).toHaveText('16 күн');
  await expect(refundLine('Есеп')).toHaveText(`15 000,00 × 16 / 31 = ${tenge('7 741,94')}`.replace(/ /g, NBSP));
  await expect(refundLine('Қайтарылатын сома')).toHaveText(tenge('7 741,94'));
  await expect(refundLine('Қайтару мерзімі')).toHaveText('15.04.2026 дейін (бас тарту күнінен бастап 15 жұмыс күні)');
  await cancel.getByRole('button', { name: 'Жазылымнан бас тарту', exact: true }).click();
  await expect(cancel).toBeHidden();
  await life.refunds.getByRole('button', { name: `${tenge('7 741,94')} қайтарымын мақұлдау: ${CLOUD} · M сервері` }).click();
  await expect(life.refunds.getByRole('row', { name: /M сервері/ })).toContainText('Мақұлданды');
  await expect(life.moneyBalance).toHaveText(tenge('15 645,17'));
});
