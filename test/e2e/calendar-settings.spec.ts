import { expect, test } from './fixtures';
import { CalendarSettingsScreen } from './pages/CalendarSettingsScreen';

/** Settings → Working-day calendar (admin): the shipped years, a year imported from a file, an edited shipped year. */

const BAD_CSV = ['date;kind', '2028-01-03', '2028-01-08', '2028-01-04;working', '2028-01-05;holiday'].join('\n');
const GOOD_CSV = ['# 2028', 'date;kind', '2028-01-03', '07.01.2028', '2028-01-08;working', '2028-03-08'].join('\r\n');

test('the calendar in Russian: shipped years kept, a year imported from a CSV file after checking, removed again; a shipped year edited', async ({ page, frame }) => {
  await frame.open('/settings');
  const calendar = new CalendarSettingsScreen(page, 'ru');
  await expect(calendar.yearRows()).toHaveCount(3);
  await expect(calendar.yearRow(2026)).toContainText('Поставлен с программой');
  await expect(calendar.yearRow(2026)).toContainText('14');
  await expect(calendar.removeButton(2026)).toHaveCount(0);

  // A file with mistakes is refused line by line, in the user's language.
  await calendar.importFile('bad.csv', BAD_CSV, 'text/csv');
  const problems = calendar.problems('bad.csv');
  await expect(problems).toContainText('Строка 3: 2028-01-08 — суббота или воскресенье');
  await expect(problems).toContainText('Строка 4: 2028-01-04 — будний день');
  await expect(problems).toContainText('Строка 5: Неизвестная отметка «holiday»');
  await expect(calendar.yearRows()).toHaveCount(3);

  // A good one opens for checking, dates with their weekdays; saved, the year is added.
  await calendar.importFile('2028.csv', GOOD_CSV, 'text/csv');
  const editor = calendar.editor(2028);
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('status')).toContainText('Год 2028 прочитан из файла «2028.csv»');
  const off = editor.getByRole('list', { name: 'Выходные будние дни 2028 года' });
  await expect(off.getByRole('listitem')).toHaveText(['понедельник, 3 января 2028 г.', 'пятница, 7 января 2028 г.', 'среда, 8 марта 2028 г.']);
  await expect(editor.getByRole('list', { name: 'Рабочие выходные 2028 года' }).getByRole('listitem')).toHaveText(['суббота, 8 января 2028 г.']);
  // One more day off, typed: a Saturday is refused, a Monday taken.
  await editor.getByLabel('Выходной будний день').fill('2028-03-25');
  await editor.getByRole('button', { name: 'Добавить выходной' }).click();
  await expect(editor.getByText('2028-03-25 — суббота или воскресенье')).toBeVisible();
  await editor.getByLabel('Выходной будний день').fill('2028-03-21');
  await editor.getByRole('button', { name: 'Добавить выходной' }).click();
  await expect(off.getByRole('listitem')).toHaveCount(4);
  await editor.getByRole('button', { name: 'Удалить среда, 8 марта 2028 г.' }).click();
  await expect(off.getByRole('listitem')).toHaveCount(3);
  await calendar.save(2028);
  await expect(calendar.yearRows()).toHaveCount(4);
  await expect(calendar.yearRow(2028)).toContainText('Добавлен');
  await expect(calendar.yearRow(2028)).toContainText(/3\s*1/);

  // An added year can be removed; a shipped one only edited.
  await calendar.removeButton(2028).click();
  const remove = page.getByRole('dialog', { name: 'Удалить календарь 2028 года' });
  await remove.getByRole('button', { name: 'Удалить' }).click();
  await expect(remove).toBeHidden();
  await expect(calendar.yearRows()).toHaveCount(3);

  const y2027 = await calendar.edit(2027);
  await y2027.getByLabel('Рабочий выходной день').fill('2027-01-09');
  await y2027.getByRole('button', { name: 'Добавить рабочий день' }).click();
  await calendar.save(2027);
  await expect(calendar.yearRow(2027)).toContainText('Поставлен, изменён');
  await expect(calendar.removeButton(2027)).toHaveCount(0);
});

test('the calendar in Kazakh: a JSON year with a mistake is explained by its list and position', async ({ page, frame }) => {
  await frame.open('/settings');
  await frame.switchLanguage('ru', 'kk');
  const calendar = new CalendarSettingsScreen(page, 'kk');
  await expect(calendar.yearRow(2025)).toContainText('Бағдарламамен бірге берілген');
  await calendar.importFile('2028.json', JSON.stringify({ year: 2028, nonWorkingWeekdays: ['2028-01-03', '2028-02-30'], workingWeekends: [] }), 'application/json');
  await expect(calendar.problems('2028.json')).toContainText('nonWorkingWeekdays (демалыс жұмыс күндері), 2-элемент: «2028-02-30» — бар күн емес');
  await calendar.importFile('2028.json', JSON.stringify({ year: 2028, nonWorkingWeekdays: ['2028-01-03'], workingWeekends: [] }), 'application/json');
  const editor = calendar.editor(2028);
  await expect(editor.getByRole('listitem')).toHaveText(['дүйсенбі, 3 қаңтар 2028 ж.']);
  await calendar.save(2028);
  await expect(calendar.yearRow(2028)).toContainText('Қосылған');
});
