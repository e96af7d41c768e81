import { expect, tenge, test } from './fixtures';
import { documentRow, openDialog, printInBrowser } from './pages/DocumentsScreens';
import { createClient, pinnedAt } from './pages/LifecycleSetup';

/**
 * Documents from the screens (issue 10): the admin enters the provider's
 * requisites (a wrong IBAN is refused in the user's language), a client of
 * ONEbuh "Стандарт" (12 000 ₸ a month from 2 March 2026) gets an act of
 * services and an invoice, the invoice is corrected, the act prints in a
 * browser tab in Kazakh and Russian, and the register lists them all.
 */
const ONEBUH_RU = 'ONEbuh — бухгалтерия в облаке';

test('requisites, an act and an invoice issued, a correction, printing and the register', async ({ page, frame }) => {
  test.setTimeout(150_000);
  const now = pinnedAt('2026-03-20', '12:00');
  const route = await createClient(page, now, {
    name: 'ТОО «Құжат Бір»',
    seed: 71,
    payments: [{ amount: '50000', date: '2026-03-02' }],
    subscription: { service: ONEBUH_RU, tariffIndex: 1, startDate: '2026-03-02' },
  });

  // Before the requisites: issuing is not offered.
  await expect(page.getByText('Реквизиты поставщика ещё не заполнены')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Акт выполненных работ', exact: true })).toBeDisabled();

  // Settings → Provider requisites; a wrong IBAN check digit is refused with the rule, in Russian then in Kazakh.
  await frame.openRoute('/settings');
  const fill = async (label: string, value: string) => page.getByRole('textbox', { name: label, exact: true }).fill(value);
  await fill('Наименование (на казахском)', '«Есеп Бұлт» ЖШС');
  await fill('Наименование (на русском)', 'ТОО «Есеп Бұлт»');
  await fill('Адрес (на казахском)', 'Алматы қ., Жандосов к-сі, 58');
  await fill('Адрес (на русском)', 'г. Алматы, ул. Жандосова, 58');
  await fill('БИН', '180240012342');
  await fill('ИИК (IBAN)', 'KZ57 6010 0020 0001 2345');
  await fill('Банк', 'АО «Халык Банк Казахстана»');
  await fill('БИК', 'HSBKKZKX');
  await fill('Руководитель', 'Сәрсенбаев Ержан Қайратұлы');
  await fill('Главный бухгалтер', 'Өмірзақова Гүлнұр Бақытқызы');
  await page.getByRole('button', { name: 'Сохранить реквизиты' }).click();
  await expect(page.getByText('ИИК (IBAN) — 20 знаков, начинается с KZ, контрольные цифры должны сходиться (ISO 13616)').first()).toBeVisible();
  await frame.switchLanguage('ru', 'kk');
  await expect(page.getByText('ЖСК (IBAN) — 20 таңба, KZ-ден басталады, бақылау цифрлары сәйкес болуы керек (ISO 13616)').first()).toBeVisible();
  await frame.switchLanguage('kk', 'ru');
  await fill('ИИК (IBAN)', 'KZ56 6010 0020 0001 2345');
  await page.getByRole('button', { name: 'Сохранить реквизиты' }).click();
  await expect(page.getByText('Реквизиты сохранены')).toBeVisible();

  // The act for March up to today: one charge of 12 000 ₸, VAT 16 % 1 655,17 ₸.
  await frame.openRoute(route);
  const act = await openDialog(page, 'Акт выполненных работ', 'Акт выполненных работ');
  await act.getByLabel('С', { exact: true }).fill('2026-03-01');
  const preview = act.getByRole('region', { name: 'Что войдёт в документ' });
  await expect(preview).toContainText('Строк: 1');
  await expect(preview).toContainText(`Сумма: ${tenge('12 000,00')}`);
  await expect(preview).toContainText('НДС 16 %');
  await act.getByRole('button', { name: 'Выписать' }).click();
  const issued = page.getByRole('dialog', { name: 'Документ выписан' });
  await expect(issued).toContainText('AVR-2026-00001');
  await issued.getByRole('button', { name: 'Готово' }).click();

  // An invoice for any amount, issued from the Kazakh screen.
  await frame.switchLanguage('ru', 'kk');
  const invoice = await openDialog(page, 'Төлемге шот', 'Төлемге шот');
  await invoice.getByRole('radiogroup', { name: 'Шот' }).getByText('Еркін сомаға', { exact: true }).click();
  await invoice.getByLabel('Сомасы, ₸').fill('0');
  await expect(invoice.getByText('Нөлден үлкен соманы енгізіңіз')).toBeVisible();
  await invoice.getByLabel('Сомасы, ₸').fill('25 000');
  await invoice.getByLabel('Төлем мақсаты (қазақша)').fill('Деректерді көшіру');
  await invoice.getByLabel('Төлем мақсаты (орысша)').fill('Перенос данных');
  await expect(invoice.getByRole('region', { name: 'Құжатқа не кіреді' })).toContainText('ҚҚС 16 %');
  await invoice.getByRole('button', { name: 'Жазу' }).click();
  await expect(page.getByRole('dialog', { name: 'Құжат жазылды' })).toContainText('INV-2026-00001');
  await page.getByRole('dialog', { name: 'Құжат жазылды' }).getByRole('button', { name: 'Дайын' }).click();
  await frame.switchLanguage('kk', 'ru');

  // A correction (the admin is also a manager): a new number that names the corrected one.
  await page.getByRole('button', { name: 'Исправить документ INV-2026-00001' }).click();
  const correction = page.getByRole('dialog', { name: 'Исправление документа INV-2026-00001' });
  await correction.getByRole('radiogroup', { name: 'Счёт на' }).getByText('Произвольную сумму', { exact: true }).click();
  await correction.getByLabel('Сумма, ₸').fill('27 500');
  await correction.getByLabel('Назначение платежа (на казахском)').fill('Деректерді көшіру');
  await correction.getByLabel('Назначение платежа (на русском)').fill('Перенос данных');
  await correction.getByRole('button', { name: 'Выписать' }).click();
  await expect(page.getByRole('dialog', { name: 'Документ выписан' })).toContainText('INV-2026-00002');
  await page.getByRole('dialog', { name: 'Документ выписан' }).getByRole('button', { name: 'Готово' }).click();
  await expect(documentRow(page, 'Документы клиента', 'INV-2026-00002')).toContainText('исправляет INV-2026-00001');
  await expect(documentRow(page, 'Документы клиента', 'INV-2026-00001')).toContainText('исправлен документом INV-2026-00002');

  // The act printed from the browser: a new tab with the document laid out, in Kazakh.
  const { tab, dialog: printDialog } = await printInBrowser(page, { printOf: 'Печать или PDF документа AVR-2026-00001', dialogTitle: 'Печать документа AVR-2026-00001', languageLabel: 'Язык печати', language: 'Казахский', open: 'Открыть для печати' });
  await expect(tab.locator('h1')).toContainText('Орындалған жұмыстар (көрсетілген қызметтер) актісі № AVR-2026-00001');
  await expect(tab.locator('body')).toContainText('Он екі мың теңге 00 тиын');
  await expect(tab.locator('body')).toContainText('ТОО «Құжат Бір»');
  await tab.close();
  await expect(printDialog.getByRole('status')).toHaveText('Документ открыт в новой вкладке: напечатайте его или сохраните в PDF.');
  await printDialog.getByRole('button', { name: 'Готово' }).click();

  // The register: all three, filtered by kind through the URL.
  await frame.goTo('Документы');
  await expect(page.getByRole('status').filter({ hasText: 'Документов: 3' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Вид документа' }).selectOption({ label: 'Акт выполненных работ' });
  await expect(page.getByRole('status').filter({ hasText: 'Документов: 1' })).toBeVisible();
  expect(page.url()).toContain('kind=act');
  await expect(documentRow(page, 'Выписанные документы', 'AVR-2026-00001')).toContainText('ТОО «Құжат Бір»');
});
