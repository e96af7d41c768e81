import type { TFunction } from 'i18next';
import type { LocalizedText, Report, ReportKind } from '../../shared/domain';
import { formatMonth } from '../pages/incidents/CompensationTerms';
import { formatDateLong, formatDateShort, formatInstant, formatInteger, formatMoney, type UiLanguage } from '../i18n/format';

/**
 * A report as tables of typed cells: the one shape the screen, the CSV and
 * XLSX exports and the print page all read, so the four never disagree.
 * Cells keep raw values (tiyn, ISO dates, basis points); each output
 * formats them its own way (formatCell here for the screen and the print).
 */
export type ColumnKind = 'text' | 'money' | 'int' | 'date' | 'instant' | 'percent' | 'bp' | 'hours';

export interface TableColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type CellValue = string | number | null;

export interface TableSection {
  key: string;
  title: string;
  columns: TableColumn[];
  rows: CellValue[][];
  /** The totals row (same columns), or null. */
  totals: CellValue[] | null;
}

export interface ReportTables {
  kind: ReportKind;
  title: string;
  /** "01.03.2026 – 31.03.2026 · Cloud 1C servers" */
  subtitle: string;
  /** Key figures shown above the tables: label and formatted value. */
  summary: [string, string][];
  sections: TableSection[];
}

/** A cell as text for the screen and the print page (money with ₸, dates dd.mm.yyyy). */
export function formatCell(value: CellValue, kind: ColumnKind): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return formatTextCell(value, kind);
  switch (kind) {
    case 'money':
      return formatMoney(value);
    case 'int':
      return formatInteger(value);
    case 'percent':
      return `${formatPercentNumber(value)} %`;
    case 'bp':
      return `${formatPercentNumber(value / 100)} %`;
    case 'hours':
      return formatHours(value);
    default:
      return String(value);
  }
}

/** A text cell: a date as dd.mm.yyyy, an instant as dd.mm.yyyy hh:mm in business time; a totals row's label (in a date column) as it is. */
export function formatTextCell(value: string, kind: ColumnKind): string {
  if (kind === 'date' && isIsoDate(value)) return formatDateShort(value);
  if (kind === 'instant' && isIsoDate(value)) return formatInstant(value);
  return value;
}

/** A date or an instant in ISO form (the values of date and instant columns; anything else is a label). */
export const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}/.test(value);

const percentFormat = new Intl.NumberFormat('ru-KZ', { maximumFractionDigits: 2 });
function formatPercentNumber(value: number): string {
  return percentFormat.format(value);
}

const hoursFormat = new Intl.NumberFormat('ru-KZ', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Minutes as hours with two decimals: 1 051.2 min → "17,52". */
function formatHours(minutes: number): string {
  return hoursFormat.format(minutes / 60);
}

function nameIn(text: LocalizedText | null | undefined, language: UiLanguage): string {
  return text ? text[language] : '';
}

/** The report's tables in `language`; `t` is a translator fixed to that language. */
export function reportTables(report: Report, t: TFunction, language: UiLanguage): ReportTables {
  const col = (key: string, kind: ColumnKind): TableColumn => ({ key, label: t(`reports:columns.${key}`), kind });
  const range = report.from === report.to ? formatDateShort(report.from) : `${formatDateShort(report.from)} – ${formatDateShort(report.to)}`;
  const subtitleParts = [report.kind === 'debtors' ? t('reports:asOf', { date: formatDateLong(report.to, language) }) : report.kind === 'availability' ? t('reports:year', { year: report.year }) : range];
  subtitleParts.push(report.service ? nameIn(report.service.name, language) : t('reports:allServices'));
  const base = { kind: report.kind, title: t(`reports:kinds.${report.kind}`), subtitle: subtitleParts.join(' · ') };
  const money = (tiyn: number) => formatMoney(tiyn);

  switch (report.kind) {
    case 'compensation': {
      const columns = [
        col('incidentStart', 'instant'),
        col('service', 'text'),
        col('cause', 'text'),
        col('client', 'text'),
        col('hours', 'int'),
        col('percent', 'percent'),
        col('amount', 'money'),
        col('status', 'text'),
        col('decidedBy', 'text'),
        col('decidedAt', 'instant'),
        col('exclusion', 'text'),
        col('clause', 'text'),
      ];
      const rows = report.incidents.flatMap((incident) =>
        incident.lines.map((line): CellValue[] => [
          incident.start,
          nameIn(incident.service.name, language),
          t(`domain:cause.${incident.cause}`),
          line.accountName,
          line.hours,
          line.percent,
          line.amount,
          t(`domain:decisionStatus.${line.status}`),
          line.decidedBy,
          line.decidedAt,
          line.reason === null ? null : t(`compensations:exclusionShort.${line.reason}`, { defaultValue: line.reason }),
          line.clause,
        ]),
      );
      const { totals } = report;
      return {
        ...base,
        summary: [
          [t('reports:summary.incidents'), formatInteger(totals.incidents)],
          [t('reports:summary.lines'), formatInteger(totals.lines)],
          [t('reports:summary.excluded'), formatInteger(totals.excluded)],
          [t('reports:summary.hours'), formatInteger(totals.hours)],
          [t('reports:summary.approved'), money(totals.approved.amount)],
          [t('reports:summary.requested'), money(totals.requested.amount)],
          [t('reports:summary.rejected'), money(totals.rejected.amount)],
        ],
        sections: [
          {
            key: 'lines',
            title: t('reports:sections.compensationLines'),
            columns,
            rows,
            totals: [t('reports:total'), null, null, null, totals.hours, null, totals.approved.amount + totals.requested.amount + totals.rejected.amount, null, null, null, null, null],
          },
        ],
      };
    }
    case 'refunds': {
      const columns = [
        col('client', 'text'),
        col('service', 'text'),
        col('tariff', 'text'),
        col('refundKind', 'text'),
        col('amount', 'money'),
        col('requested', 'date'),
        col('due', 'date'),
        col('status', 'text'),
        col('decided', 'date'),
        col('decidedBy', 'text'),
        col('daysOverdue', 'int'),
      ];
      const rows = report.rows.map((row): CellValue[] => [
        row.accountName,
        nameIn(row.service?.name, language),
        nameIn(row.tariffName, language),
        t(`reports:refundKind.${row.quoteKind}`),
        row.amount,
        row.requestedDate,
        row.dueDate,
        t(`domain:decisionStatus.${row.status}`),
        row.decidedDate,
        row.decidedBy,
        row.daysOverdue,
      ]);
      const { totals } = report;
      const pair = (x: { count: number; amount: number }) => `${formatInteger(x.count)} · ${money(x.amount)}`;
      return {
        ...base,
        summary: [
          [t('reports:summary.refundsAll'), pair(totals.all)],
          [t('reports:summary.requested'), pair(totals.requested)],
          [t('reports:summary.approved'), pair(totals.approved)],
          [t('reports:summary.rejected'), pair(totals.rejected)],
          [t('reports:summary.overdue', { date: formatDateShort(report.asOf) }), pair(totals.overdue)],
          [t('reports:summary.decidedLate'), pair(totals.decidedLate)],
        ],
        sections: [{ key: 'refunds', title: t('reports:sections.refunds'), columns, rows, totals: [t('reports:total'), null, null, null, totals.all.amount, null, null, null, null, null, null] }],
      };
    }
    case 'availability': {
      const serviceColumns = [
        col('service', 'text'),
        col('guarantee', 'bp'),
        col('downtimeHours', 'hours'),
        col('availability', 'bp'),
        col('budgetHours', 'hours'),
        col('budgetUsed', 'bp'),
        col('meetsTarget', 'text'),
      ];
      const incidentColumns = [col('service', 'text'), col('incidentStart', 'instant'), col('incidentEnd', 'instant'), col('cause', 'text'), col('minutes', 'int'), col('counted', 'text')];
      return {
        ...base,
        summary: [[t('reports:summary.target'), t('reports:summary.targetValue')]],
        sections: [
          {
            key: 'services',
            title: t('reports:sections.availability'),
            columns: serviceColumns,
            rows: report.services.map((s): CellValue[] => [
              nameIn(s.service.name, language),
              s.guaranteeBp,
              s.downtimeMinutes,
              s.availabilityBp,
              s.budgetMinutes,
              s.budgetUsedBp,
              t(s.meetsTarget ? 'reports:yes' : 'reports:no'),
            ]),
            totals: null,
          },
          {
            key: 'incidents',
            title: t('reports:sections.incidents'),
            columns: incidentColumns,
            rows: report.services.flatMap((s) =>
              s.incidents.map((i): CellValue[] => [nameIn(s.service.name, language), i.start, i.end, t(`domain:cause.${i.cause}`), i.minutes, t(i.counted ? 'reports:counted' : 'reports:notCounted')]),
            ),
            totals: null,
          },
        ],
      };
    }
    case 'revenue': {
      const serviceName = new Map(report.services.map((s) => [s.id, nameIn(s.name, language)]));
      const columns = [
        col('month', 'text'),
        col('service', 'text'),
        col('charges', 'money'),
        col('credits', 'money'),
        col('refunds', 'money'),
        col('net', 'money'),
        col('vatRate', 'percent'),
        col('vat', 'money'),
        col('bonus', 'money'),
      ];
      const rows = report.months.flatMap((m) =>
        m.cells
          .filter((c) => c.charges !== 0 || c.credits !== 0 || c.refunds !== 0 || c.bonus !== 0)
          .map((c): CellValue[] => [formatMonth(t, m.month), serviceName.get(c.serviceId) ?? '', c.charges, c.credits, c.refunds, c.net, m.vatRate, c.vat, c.bonus]),
      );
      const { total } = report;
      return {
        ...base,
        summary: [
          [t('reports:summary.net'), money(total.net)],
          [t('reports:summary.vat'), money(total.vat)],
          [t('reports:summary.bonus'), money(total.bonus)],
        ],
        sections: [
          {
            key: 'months',
            title: t('reports:sections.revenueMonths'),
            columns,
            rows,
            totals: [t('reports:total'), null, total.charges, total.credits, total.refunds, total.net, null, total.vat, total.bonus],
          },
          {
            key: 'services',
            title: t('reports:sections.revenueServices'),
            columns: columns.filter((c) => c.key !== 'month' && c.key !== 'vatRate'),
            rows: report.byService.map((c): CellValue[] => [serviceName.get(c.serviceId) ?? '', c.charges, c.credits, c.refunds, c.net, c.vat, c.bonus]),
            totals: [t('reports:total'), total.charges, total.credits, total.refunds, total.net, total.vat, total.bonus],
          },
        ],
      };
    }
    case 'debtors': {
      const columns = [
        col('client', 'text'),
        col('phone', 'text'),
        col('service', 'text'),
        col('tariff', 'text'),
        col('suspendedSince', 'date'),
        col('price', 'money'),
        col('covered', 'money'),
        col('amountDue', 'money'),
        col('deletionDate', 'date'),
        col('daysLeft', 'int'),
      ];
      return {
        ...base,
        summary: [
          [t('reports:summary.debtors'), formatInteger(report.totals.count)],
          [t('reports:summary.amountDue'), money(report.totals.amountDue)],
          [t('reports:summary.deletedWithinWeek'), formatInteger(report.totals.deletedWithinWeek)],
        ],
        sections: [
          {
            key: 'debtors',
            title: t('reports:sections.debtors'),
            columns,
            rows: report.rows.map((r): CellValue[] => [
              r.accountName,
              r.phone,
              nameIn(r.service.name, language),
              nameIn(r.tariffName, language),
              r.suspendedSince,
              r.price,
              r.covered,
              r.amountDue,
              r.deletionDate,
              r.daysLeft,
            ]),
            totals: [t('reports:total'), null, null, null, null, null, null, report.totals.amountDue, null, null],
          },
        ],
      };
    }
  }
}
