import type { TFunction } from 'i18next';
import type { AuditRow, AuditTarget, TableName } from '../../../core';
import { formatDateShort, formatInstant, formatInteger, formatMoney, type UiLanguage } from '../../i18n/format';

/** What `[redacted]` in an audit change stands for (core/tx.ts REDACTED): the value is never shown. */
const REDACTED = '[redacted]';

/** The command's name in the user's language; the raw name for one the locale does not know yet. */
export function commandText(t: TFunction, command: string): string {
  return t(`audit:commands.${command}`, { defaultValue: command });
}

/** Who acted: the staff name with the login, 'system' as the program itself, a login no longer on the staff list as it is. */
export function actorText(t: TFunction, actor: string, name: string | null): string {
  if (name !== null) return `${name} (${actor})`;
  return actor === 'system' ? t('audit:actors.system') : actor;
}

/** Settings keys as locale keys (a key may hold a dot, which i18next reads as nesting). */
const SETTING_KEYS: Readonly<Record<string, string>> = { calendar: 'calendar', security: 'security', 'renewals.lastRun': 'renewalsLastRun', providerRequisites: 'providerRequisites' };

/** An id cut for display: the full one is in the title and the details. */
export function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}

/** A record the audit names, as a person reads it. */
export function targetText(t: TFunction, language: UiLanguage, target: AuditTarget): string {
  switch (target.kind) {
    case 'account':
      return target.name ?? t('audit:targets.record', { table: t('audit:tables.accounts'), id: shortId(target.id) });
    case 'incident':
      return target.serviceName !== null && target.start !== null
        ? t('audit:targets.incident', { service: target.serviceName[language], start: formatInstant(target.start) })
        : t('audit:targets.record', { table: t('audit:tables.incidents'), id: shortId(target.id) });
    case 'ticket':
      return target.subject !== null ? t('audit:targets.ticket', { subject: target.subject }) : t('audit:targets.record', { table: t('audit:tables.tickets'), id: shortId(target.id) });
    case 'staff':
      return target.name !== null ? t('audit:targets.staff', { name: target.name, login: target.login ?? '' }) : t('audit:targets.record', { table: t('audit:tables.staff'), id: shortId(target.id) });
    case 'service':
    case 'tariff':
      return target.name?.[language] ?? t('audit:targets.record', { table: t(`audit:tables.${target.kind}s`), id: shortId(target.id) });
    case 'setting': {
      const key = SETTING_KEYS[target.id];
      return t('audit:targets.setting', { name: key === undefined ? target.id : t(`audit:settingNames.${key}`) });
    }
    case 'record':
      return t('audit:targets.record', { table: t(`audit:tables.${target.table}`, { defaultValue: target.table }), id: shortId(target.id) });
  }
}

/** The page a record has in the app (hash route), or null. */
export function targetPath(target: AuditTarget): string | null {
  switch (target.kind) {
    case 'account':
      return `/accounts/${target.id}`;
    case 'incident':
      return `/incidents/${target.id}`;
    case 'ticket':
      return `/tickets/${target.id}`;
    default:
      return null;
  }
}

/** "1 подписка · 1 операция": what kinds of records the row changed and how many of each. */
export function recordCountsText(t: TFunction, row: Pick<AuditRow, 'recordCounts'>): string {
  return Object.entries(row.recordCounts)
    .map(([table, count]) => t(`audit:counts.${table}`, { count, formatted: formatInteger(count ?? 0), defaultValue: `${formatInteger(count ?? 0)} ${table}` }))
    .join(' · ');
}

// ---------------------------------------------------------------------------
// Field names and values

/** A field's name: the table's own label, the shared one, else the raw name. */
export function fieldLabel(t: TFunction, table: TableName, field: string): string {
  return t(`audit:fields.${table}.${field}`, { defaultValue: t(`audit:fields.common.${field}`, { defaultValue: field }) });
}

function subfieldLabel(t: TFunction, key: string): string {
  return t(`audit:subfields.${key}`, { defaultValue: t(`domain:resourceLimit.${key}`, { defaultValue: key }) });
}

/** Catalog names for the ids a record holds (tariffs and services by id). */
export interface AuditNames {
  tariffs: ReadonlyMap<string, { kk: string; ru: string }>;
  services: ReadonlyMap<string, { kk: string; ru: string }>;
}

export interface ValueContext {
  t: TFunction;
  language: UiLanguage;
  table: TableName;
  names: AuditNames;
}

const MONEY_KEYS = new Set(['amount', 'price']);
const TARIFF_KEYS = new Set(['tariffId', 'fromTariffId', 'toTariffId', 'scheduledTariffId']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MONTH = /^(\d{4})-(\d{2})$/;
/** At most this many items of a list are written out. */
const LIST_SHOWN = 10;

/** Domain translations of a field's values (domain.json), where the table tells which list it is. */
function enumKey(table: TableName, field: string): string | null {
  switch (field) {
    case 'status':
      if (table === 'accounts') return 'domain:accountStatus';
      if (table === 'subscriptions') return 'domain:subscriptionStatus';
      if (table === 'tickets') return 'domain:ticketStatus';
      if (table === 'refunds' || table === 'compensations' || table === 'tariffChanges') return 'domain:decisionStatus';
      return null;
    case 'kind':
      if (table === 'accounts') return 'domain:accountKind';
      if (table === 'refunds') return 'audit:values.refundKind';
      if (table === 'ledger') return 'domain:ledgerKind';
      return null;
    case 'language':
      return 'domain:language';
    case 'role':
      return 'domain:staffRole';
    case 'cause':
      return 'domain:cause';
    case 'source':
      return 'domain:incidentSource';
    case 'level':
      return 'domain:supportLevel';
    case 'method':
      return 'domain:paymentMethod';
    case 'bucket':
      return 'domain:bucket';
    case 'mode':
      return 'audit:values.tariffChangeMode';
    case 'clientDecision':
      return 'audit:values.edoDecision';
    case 'billingMonths':
      return 'domain:billingPeriod';
    default:
      return null;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A period `{ start, end }` (end excluded, as stored) is shown as its first and last day. */
function isPeriod(value: Record<string, unknown>): value is { start: string; end: string } {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value.start === 'string' && typeof value.end === 'string' && ISO_DATE.test(value.start) && ISO_DATE.test(value.end);
}

function lastDay(end: string): string {
  return new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * A stored value in the user's language: money (tiyn) as tenge, dates and
 * instants (business time), statuses and kinds through the domain
 * translations, tariffs and services by name, lists and small objects
 * written out; a redacted secret as "changed (hidden)".
 */
export function formatValue(ctx: ValueContext, field: string, value: unknown, depth = 0): string {
  const { t, language, table, names } = ctx;
  if (value === REDACTED) return t('audit:details.changedHidden');
  if (value === null || value === undefined || value === '') return t('audit:values.empty');
  if (typeof value === 'boolean') return t(value ? 'audit:values.yes' : 'audit:values.no');
  if (typeof value === 'number') {
    if (MONEY_KEYS.has(field) && Number.isSafeInteger(value)) return formatMoney(value);
    const key = enumKey(table, field);
    return key === null ? formatInteger(value) : t(`${key}.${value}`, { defaultValue: formatInteger(value) });
  }
  if (typeof value === 'string') {
    if (TARIFF_KEYS.has(field)) return names.tariffs.get(value)?.[language] ?? value;
    if (field === 'serviceId') return names.services.get(value)?.[language] ?? value;
    const key = enumKey(table, field);
    if (key !== null) return t(`${key}.${value}`, { defaultValue: value });
    if (ISO_DATE.test(value)) return formatDateShort(value);
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatInstant(value);
    const month = MONTH.exec(value);
    if (month && field === 'month') return `${month[2]}.${month[1]}`;
    return value;
  }
  if (Array.isArray(value)) {
    if (field === 'subscriptionIds') return t('audit:counts.subscriptions', { count: value.length, formatted: formatInteger(value.length) });
    if (field === 'ledgerEntryIds') return t('audit:counts.ledger', { count: value.length, formatted: formatInteger(value.length) });
    const items = value.slice(0, LIST_SHOWN).map((item) => formatValue(ctx, field, item, depth + 1));
    const rest = value.length - items.length;
    return rest > 0 ? `${items.join(', ')} ${t('audit:values.more', { formatted: formatInteger(rest) })}` : items.join(', ');
  }
  if (isPlainObject(value)) {
    if (isPeriod(value)) return `${formatDateShort(value.start)} – ${formatDateShort(lastDay(value.end))}`;
    if (depth > 3) return JSON.stringify(value);
    return Object.entries(value)
      .map(([key, inner]) => `${subfieldLabel(t, key)}: ${formatValue(ctx, key, inner, depth + 1)}`)
      .join('; ');
  }
  return String(value);
}

/** One line of a change's table. `before` undefined: an insert (only the value). */
export interface ChangeLine {
  key: string;
  label: string;
  before?: string;
  after: string;
}

/** Fields a change's table leaves out: the id is the record's heading, the time of saving is the event's. */
const SKIPPED = new Set(['id', 'updatedAt']);

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The lines of one record's change: an insert's fields with their values;
 * an update's changed fields, old and new. Objects changed on both sides
 * (a setting's value) are opened up to the parts that changed.
 */
export function changeLines(ctx: ValueContext, change: { before: Record<string, unknown> | null; after: Record<string, unknown> }): ChangeLine[] {
  const { t, table } = ctx;
  const lines: ChangeLine[] = [];
  if (change.before === null) {
    for (const [field, value] of Object.entries(change.after)) {
      if (SKIPPED.has(field)) continue;
      lines.push({ key: field, label: fieldLabel(t, table, field), after: value === REDACTED ? t('audit:details.setHidden') : formatValue(ctx, field, value) });
    }
    return lines;
  }
  const before = change.before;
  const add = (path: string, label: string, field: string, old: unknown, now: unknown, depth: number) => {
    if (isPlainObject(old) && isPlainObject(now) && !isPeriod(old) && !isPeriod(now) && depth < 3) {
      for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
        if (!sameValue(old[key], now[key])) add(`${path}.${key}`, `${label} › ${subfieldLabel(t, key)}`, key, old[key], now[key], depth + 1);
      }
      return;
    }
    const hidden = old === REDACTED || now === REDACTED;
    lines.push({
      key: path,
      label,
      before: hidden ? t('audit:details.hidden') : formatValue(ctx, field, old),
      after: hidden ? t('audit:details.changedHidden') : formatValue(ctx, field, now),
    });
  };
  for (const field of new Set([...Object.keys(before), ...Object.keys(change.after)])) {
    if (SKIPPED.has(field)) continue;
    add(field, fieldLabel(t, table, field), field, before[field], change.after[field], 0);
  }
  return lines;
}
