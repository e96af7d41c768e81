import { ActionIcon, Alert, Badge, Button, Card, FileInput, Group, List, Modal, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CALENDAR, proposeCalendarYear } from '../../../shared/billing';
import type { CalendarView } from '../../../core';
import { useStore } from '../../app/services';
import { ConfirmCommandForm, ModalCommandForm } from '../../components/ModalCommandForm';
import { RejectIcon } from '../../components/icons';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateWithWeekday } from '../../i18n/format';
import { CALENDAR_YEARS, checkCalendarDate, isCalendarYear, parseCalendarFile, type CalendarDraft, type DayKind, type FileProblem } from './calendarFile';

/** A file larger than this is not a calendar of one year. */
const MAX_FILE_BYTES = 256 * 1024;

type YearKind = 'shipped' | 'shippedEdited' | 'added';

interface Editing {
  draft: CalendarDraft;
  /** Where the draft came from, said above the lists. */
  origin: 'edit' | 'proposal' | 'file';
  fileName?: string;
}

/**
 * Settings → Working-day calendar (admin; domain-rules §1): the years in
 * force (the shipped 2025–2027, editable but never removed, and the years
 * added), each year's weekdays off and working weekend days, a new year
 * started from the rule-based proposal, and a year imported from a file
 * (JSON, or a text/CSV list of dates) shown for checking before it is saved.
 * Every later computation on working days (refund due dates, ticket
 * deadlines, Uchet.EDO) uses what is saved here.
 */
export function CalendarSettings() {
  const { t } = useTranslation('calendar');
  const store = useStore();
  const view = useLiveQuery(() => store.getCalendar(), [store]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const years = view ? yearsOf(view) : [];

  return (
    <Card withBorder component="section" aria-labelledby="settings-calendar">
      <Stack gap="sm">
        <Title order={3} size="h4" id="settings-calendar">
          {t('title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
        {view && (
          <Table withTableBorder verticalSpacing={6} maw={760} aria-label={t('years.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('years.year')}</Table.Th>
                <Table.Th>{t('years.kind')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('years.daysOff')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('years.workingWeekends')}</Table.Th>
                <Table.Th>{t('years.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {years.map(({ year, kind }) => {
                const entry = view.calendar.years[year] ?? { nonWorkingWeekdays: [], workingWeekends: [] };
                return (
                  <Table.Tr key={year}>
                    <Table.Th scope="row">{year}</Table.Th>
                    <Table.Td>
                      <Badge variant="light" color={kind === 'added' ? 'blue' : kind === 'shippedEdited' ? 'orange' : 'gray'} tt="none" fw={600} styles={{ label: { overflow: 'visible' } }}>
                        {t(`years.kinds.${kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{entry.nonWorkingWeekdays.length}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{entry.workingWeekends.length}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-sm" variant="light" onClick={() => setEditing({ draft: { year, ...entry }, origin: 'edit' })} aria-label={t('years.editNamed', { year })}>
                          {t('years.edit')}
                        </Button>
                        {kind === 'added' && (
                          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRemoving(year)} aria-label={t('years.removeNamed', { year })}>
                            {t('years.remove')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {view && <AddYear view={view} onAdd={(year) => setEditing({ draft: { year, ...proposeCalendarYear(year) }, origin: 'proposal' })} />}
        <ImportYear onParsed={(draft, fileName) => setEditing({ draft, origin: 'file', fileName })} />
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t('editor.title', { year: editing.draft.year }) : ''} size="lg">
        {editing && view && <YearEditor editing={editing} view={view} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('remove.title', { year: removing ?? '' })} size="md">
        {removing !== null && (
          <ConfirmCommandForm command={(opId) => store.removeCalendarYear({ year: removing, opId })} submitLabel={t('remove.submit')} onDone={() => setRemoving(null)}>
            <Text size="sm">{t('remove.text', { year: removing })}</Text>
          </ConfirmCommandForm>
        )}
      </Modal>
    </Card>
  );
}

/** The years in force, each with what it is: shipped as is, shipped and edited, or added by an admin. */
function yearsOf(view: CalendarView): { year: number; kind: YearKind }[] {
  const all = [...new Set([...view.shippedYears, ...view.editedYears])].sort((a, b) => a - b);
  return all.map((year) => ({
    year,
    kind: view.shippedYears.includes(year) ? (view.editedYears.includes(year) ? 'shippedEdited' : 'shipped') : 'added',
  }));
}

/** A year not in the list yet, started from the rule-based proposal (fixed and moved holidays; Kurban Ait and decreed transfers are added by hand). */
function AddYear({ view, onAdd }: { view: CalendarView; onAdd: (year: number) => void }) {
  const { t } = useTranslation('calendar');
  const today = useBusinessToday();
  const known = new Set([...view.shippedYears, ...view.editedYears]);
  const suggested = Math.min(Math.max(...known, Number(today.slice(0, 4))) + 1, CALENDAR_YEARS.max);
  const [year, setYear] = useState<number | string>(suggested);
  const [error, setError] = useState<string | null>(null);
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isCalendarYear(year)) return setError(t('errors:calendar.yearInvalid'));
    if (known.has(year)) return setError(t('add.exists', { year }));
    setError(null);
    onAdd(year);
  };
  return (
    <form noValidate onSubmit={add} aria-label={t('add.label')}>
      <Group align="flex-start" gap="sm">
        <NumberInput
          label={t('add.year')}
          description={t('add.hint')}
          value={year}
          onChange={setYear}
          min={CALENDAR_YEARS.min}
          max={CALENDAR_YEARS.max}
          allowDecimal={false}
          allowNegative={false}
          error={error}
          w={360}
        />
        <Button type="submit" variant="default" mt={25}>
          {t('add.submit')}
        </Button>
      </Group>
    </form>
  );
}

/** One problem of an imported file in the user's language, with its line or list position. */
export function problemText(t: TFunction, problem: FileProblem): string {
  const text = t(`calendar:import.problems.${problem.code}`, { value: problem.value ?? '', year: problem.year ?? '' });
  if (problem.line !== undefined) return t('calendar:import.atLine', { line: problem.line, problem: text });
  if (problem.list !== undefined) return t('calendar:import.atItem', { list: t(`calendar:import.lists.${problem.list}`), position: problem.position, problem: text });
  return text;
}

/** Reads a JSON or text/CSV file, shows what is wrong with it, or hands the year over for checking. */
function ImportYear({ onParsed }: { onParsed: (draft: CalendarDraft, fileName: string) => void }) {
  const { t } = useTranslation('calendar');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<{ file: string; list: FileProblem[] } | null>(null);
  const read = async (chosen: File | null) => {
    setFile(chosen);
    setProblems(null);
    if (chosen === null) return;
    if (chosen.size > MAX_FILE_BYTES) return setProblems({ file: chosen.name, list: [{ code: 'tooLarge' }] });
    const result = parseCalendarFile(await chosen.text());
    if (result.ok) {
      setFile(null);
      onParsed(result.draft, chosen.name);
    } else setProblems({ file: chosen.name, list: result.problems });
  };
  return (
    <Stack gap="xs">
      <FileInput
        label={t('import.label')}
        description={t('import.hint')}
        placeholder={t('import.placeholder')}
        accept=".json,.csv,.txt,application/json,text/csv,text/plain"
        value={file}
        onChange={(chosen) => void read(chosen)}
        clearable
        maw={520}
      />
      {problems && (
        <Alert color="red" variant="light" role="alert" title={t('import.problemsTitle', { file: problems.file })}>
          <List size="sm" spacing={2}>
            {problems.list.map((problem, i) => (
              <List.Item key={i}>{problemText(t, problem)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

/** The year's two lists, each date with its weekday in the user's language; add and remove dates; save the whole year. */
function YearEditor({ editing, view, onDone }: { editing: Editing; view: CalendarView; onDone: () => void }) {
  const { t } = useTranslation('calendar');
  const store = useStore();
  const { year } = editing.draft;
  const [off, setOff] = useState(editing.draft.nonWorkingWeekdays);
  const [working, setWorking] = useState(editing.draft.workingWeekends);
  const shipped = DEFAULT_CALENDAR.years[year];
  const inForce = view.calendar.years[year] !== undefined && (view.shippedYears.includes(year) || view.editedYears.includes(year));
  const mutation = useCommandMutation((_: void, opId) => store.saveCalendarYear({ year, nonWorkingWeekdays: off, workingWeekends: working, opId }), { onSuccess: onDone });
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    mutation.submit();
  };
  const taken = new Set([...off, ...working]);
  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t('editor.save')} onCancel={onDone}>
      {editing.origin === 'file' && (
        <Alert color="blue" variant="light" role="status">
          {t(inForce ? 'editor.fromFileReplaces' : 'editor.fromFile', { file: editing.fileName ?? '', year })}
        </Alert>
      )}
      {editing.origin === 'proposal' && (
        <Alert color="blue" variant="light" role="status">
          {t('editor.proposal', { year })}
        </Alert>
      )}
      <DateList kind="off" year={year} dates={off} taken={taken} onChange={setOff} />
      <DateList kind="working" year={year} dates={working} taken={taken} onChange={setWorking} />
      {shipped && (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setOff(shipped.nonWorkingWeekdays);
              setWorking(shipped.workingWeekends);
            }}
          >
            {t('editor.restoreShipped')}
          </Button>
        </Group>
      )}
    </ModalCommandForm>
  );
}

function DateList({ kind, year, dates, taken, onChange }: { kind: DayKind; year: number; dates: string[]; taken: ReadonlySet<string>; onChange: (dates: string[]) => void }) {
  const { t } = useTranslation('calendar');
  const language = useUiLanguage();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const code = value === '' ? 'dateInvalid' : checkCalendarDate(year, value, kind, taken);
    if (code !== null) return setError(t(`import.problems.${code}`, { value, year }));
    setError(null);
    setValue('');
    onChange([...dates, value].sort());
  };
  const headingId = `calendar-${kind}`;
  return (
    <Stack gap={6} role="group" aria-labelledby={headingId}>
      <Text fw={600} id={headingId}>
        {t(`editor.${kind}.title`, { count: dates.length })}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`editor.${kind}.hint`)}
      </Text>
      {dates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('editor.none')}
        </Text>
      ) : (
        <List size="sm" spacing={2} aria-label={t(`editor.${kind}.listLabel`, { year })} listStyleType="none">
          {dates.map((date) => (
            <List.Item key={date}>
              <Group gap={6} wrap="nowrap">
                <ActionIcon variant="subtle" color="red" size="sm" onClick={() => onChange(dates.filter((d) => d !== date))} aria-label={t('editor.removeDate', { date: formatDateWithWeekday(date, language) })}>
                  <RejectIcon />
                </ActionIcon>
                <Text size="sm">{formatDateWithWeekday(date, language)}</Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Group align="flex-start" gap="sm">
        <TextInput
          type="date"
          label={t(`editor.${kind}.add`)}
          value={value}
          min={`${year}-01-01`}
          max={`${year}-12-31`}
          onChange={(event) => setValue(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter adds the date rather than saving the whole year.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          error={error}
          w={220}
        />
        <Button variant="default" mt={25} onClick={add}>
          {t(`editor.${kind}.addButton`)}
        </Button>
      </Group>
    </Stack>
  );
}
