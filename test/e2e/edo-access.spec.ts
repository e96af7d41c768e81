import { expect, NBSP, tenge, test } from './fixtures';
import { EdoCardScreen } from './pages/EdoCardScreen';
import { createClient, pinnedAt } from './pages/LifecycleSetup';

/**
 * Uchet.EDO on the account page (002 §2.2, §4.2, §4.4): a year paid from
 * 5 March 2026 is due access within 5 working days — 13.03 (9 March is a
 * day off); the act sent on 17.03 is the client's for 3 working days and
 * counts as accepted from 21.03; rejected, a corrected act sent on Friday
 * 20.03 runs past Nauryz (23–25.03) and is accepted by silence from 31.03.
 */

const EDO_RU = 'Учет.ЭДО — электронный документооборот';
const BASIC_RU = 'Базовый (годовой)';
const BASIC_KK = 'Базалық (жылдық)';
const PERIOD = '05.03.2026 – 04.03.2027';

test('Uchet.EDO access, the act accepted automatically after Nauryz, documents over the limit and the upgrade suggestion', async ({ page, frame }) => {
  test.setTimeout(150_000);
  const now = pinnedAt('2026-03-20', '12:00');
  const route = await createClient(page, now, {
    name: 'ТОО «Құжат Үш»',
    seed: 63,
    payments: [{ amount: '40000', date: '2026-03-05' }],
    subscription: { service: EDO_RU, tariffIndex: 0, startDate: '2026-03-05' },
  });
  const edo = new EdoCardScreen(page, BASIC_RU, 'ru');
  const row = edo.accessRow(PERIOD);
  for (const text of ['05.03.2026', '13.03.2026', 'Доступ просрочен']) await expect(row).toContainText(text);

  const grant = await edo.openStep('Доступ предоставлен', PERIOD, 'Доступ предоставлен');
  await expect(grant.getByLabel('Дата предоставления доступа')).toHaveValue('2026-03-20');
  await grant.getByLabel('Дата предоставления доступа').fill('2026-03-16');
  await grant.getByRole('button', { name: 'Сохранить' }).click();
  await expect(grant).toBeHidden();
  await expect(row).toContainText('16.03.2026');
  await expect(row).toContainText('Доступ предоставлен');

  // The act: 3 working days (18, 19, 20 March), accepted from Saturday 21.03 unless the client answers.
  const send = await edo.openStep('Акт отправлен', PERIOD, 'Акт отправлен');
  await send.getByLabel('Дата отправки акта').fill('2026-03-17');
  await send.getByRole('button', { name: 'Сохранить' }).click();
  await expect(send).toBeHidden();
  for (const text of ['17.03.2026', '21.03.2026', 'примется автоматически, если клиент не ответит', 'Акт отправлен']) await expect(row).toContainText(text);

  // Rejected with a reason (the reason is required).
  const decide = await edo.openStep('Ответ клиента', PERIOD, 'Ответ клиента по акту');
  await decide.getByRole('radio', { name: 'Клиент отклонил акт' }).check();
  await decide.getByLabel('Дата ответа клиента').fill('2026-03-19');
  await decide.getByRole('button', { name: 'Сохранить ответ' }).click();
  await expect(decide.getByText('Укажите мотивированную причину отказа клиента')).toBeVisible();
  await decide.getByRole('textbox', { name: 'Мотивированная причина отказа' }).fill('В акте неверные реквизиты');
  await decide.getByRole('button', { name: 'Сохранить ответ' }).click();
  await expect(decide).toBeHidden();
  await expect(row).toContainText('Акт отклонён');
  await expect(row).toContainText('Причина отказа: В акте неверные реквизиты');

  // A corrected act on Friday 20.03: 23–25 March are Nauryz days off, so the term runs 26, 27, 30 March.
  const again = await edo.openStep('Исправленный акт отправлен', PERIOD, 'Акт отправлен');
  await again.getByRole('button', { name: 'Сохранить' }).click();
  await expect(again).toBeHidden();
  await expect(row).toContainText('31.03.2026');
  await expect(row).toContainText('Акт отправлен');

  // Documents: 150 in March against the Basic tariff's 100; Standard (1 000 a month) suggested.
  await expect(edo.card()).toContainText('Лимит тарифа «Базовый (годовой)»: 100 документов в месяц.');
  await edo.enterUsage('2026-04', '10');
  await expect(edo.usageForm().getByText('Месяц не может быть позже текущего (2026-03)')).toBeVisible();
  await edo.enterUsage('2026-03', '150');
  await expect(edo.usageRows()).toHaveCount(1);
  for (const text of ['март 2026', '150', '100', 'Превышен на 50']) await expect(edo.usageRows().first()).toContainText(text);
  await expect(edo.suggestion()).toContainText(`Подходит тариф «Стандарт (годовой)»: 1${NBSP}000 документов в месяц, ${tenge('72 000,00')} в год`);
  await edo.suggestion().getByRole('button', { name: 'Сменить тариф' }).click();
  const change = page.getByRole('dialog', { name: 'Смена тарифа' });
  await expect(change).toBeVisible();
  await change.getByRole('button', { name: 'Отмена' }).click();
  // The same month entered again replaces the number.
  await edo.enterUsage('2026-03', '90');
  await expect(edo.usageRows().first()).toContainText('в пределах лимита');
  await expect(edo.suggestion()).toHaveCount(0);

  // On 31 March, with no answer, the corrected act counts as accepted; in Kazakh.
  await page.goto(`/${pinnedAt('2026-03-31', '12:00')}#${route}`);
  await frame.switchLanguage('ru', 'kk');
  const edoKk = new EdoCardScreen(page, BASIC_KK, 'kk');
  await expect(edoKk.accessRow(PERIOD)).toContainText('Акт автоматты түрде қабылданды');
  await expect(edoKk.card()).toContainText('«Базалық (жылдық)» тарифінің лимиті: айына 100 құжат.');
  await expect(edoKk.usageRows().first()).toContainText('2026 ж. наурыз');
  await expect(edoKk.usageRows().first()).toContainText('лимит шегінде');
});
