import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, ComposedChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AvailabilityReportData, RevenueReport } from '../../shared/domain';
import { formatInteger, formatMoney, type UiLanguage } from '../i18n/format';
import { formatMonth } from '../pages/incidents/CompensationTerms';
import type { ChartTable } from './ChartFigure';
import { formatCell } from './reportTable';

/**
 * The charts of the dashboard and of the printed revenue and availability
 * reports, each with the table of the same numbers (ChartFigure). Amounts
 * are plotted in tenge (tiyn / 100) and labelled as money; no animation, so
 * a chart is complete on its first paint (and in a PDF).
 */
export const SERIES_COLORS = ['#1c7ed6', '#37b24d', '#f59f00', '#ae3ec9', '#e8590c', '#0ca678', '#d6336c'];
const TARGET_BP = 9980;

interface Size {
  /** Fixed size (print); absent: the container's width. */
  width?: number;
  height?: number;
}

function sized(chart: ReactElement, { width, height = 260 }: Size): ReactElement {
  if (width !== undefined) return chart;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {chart}
    </ResponsiveContainer>
  );
}

const tenge = (tiyn: number) => tiyn / 100;
const moneyTick = (value: number) => formatInteger(Math.round(value));
const moneyTooltip = (value: unknown) => formatMoney(Math.round(Number(value) * 100));

/** "03.2026": months on an axis, the same in both languages. */
const shortMonth = (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`;

export function revenueChart(report: RevenueReport, t: TFunction, language: UiLanguage, size: Size = {}): { chart: ReactElement; table: ChartTable } {
  const services = report.services.filter((s) => report.byService.some((c) => c.serviceId === s.id && (c.net !== 0 || c.charges !== 0)));
  const data = report.months.map((m) => ({
    month: shortMonth(m.month),
    ...Object.fromEntries(services.map((s) => [s.id, tenge(m.cells.find((c) => c.serviceId === s.id)?.net ?? 0)])),
  }));
  const { width, height = 260 } = size;
  const chart = (
    <BarChart data={data} width={width} height={height} margin={{ top: 8, right: 8, left: 8, bottom: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="month" fontSize={11} />
      <YAxis tickFormatter={moneyTick} fontSize={11} width={90} />
      <Tooltip formatter={moneyTooltip} />
      <Legend wrapperStyle={{ fontSize: 11 }} />
      {services.map((s, i) => (
        <Bar key={s.id} dataKey={s.id} name={s.name[language]} stackId="net" fill={SERIES_COLORS[i % SERIES_COLORS.length]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
  return {
    chart: sized(chart, size),
    table: {
      columns: [t('reports:dashboard.month'), ...services.map((s) => s.name[language]), t('reports:dashboard.total')],
      rows: report.months.map((m) => [
        formatMonth(t, m.month),
        ...services.map((s) => formatMoney(m.cells.find((c) => c.serviceId === s.id)?.net ?? 0)),
        formatMoney(m.total.net),
      ]),
    },
  };
}

export function availabilityChart(report: AvailabilityReportData, t: TFunction, language: UiLanguage, size: Size = {}): { chart: ReactElement; table: ChartTable } {
  const data = report.services.map((s) => ({ service: s.service.name[language], availability: s.availabilityBp / 100 }));
  const lowest = Math.min(TARGET_BP / 100, ...data.map((d) => d.availability));
  const floor = Math.max(0, Math.floor((lowest - 0.1) * 10) / 10);
  const { width, height = 260 } = size;
  const chart = (
    <BarChart data={data} width={width} height={height} margin={{ top: 16, right: 8, left: 8, bottom: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="service" fontSize={10} interval={0} />
      <YAxis domain={[floor, 100]} tickFormatter={(v: number) => `${v} %`} fontSize={11} width={60} allowDataOverflow />
      <Tooltip formatter={(value: unknown) => `${formatCell(Math.round(Number(value) * 100), 'bp')}`} />
      <ReferenceLine y={TARGET_BP / 100} stroke="#e03131" strokeDasharray="4 2" label={{ value: t('reports:chart.targetLine'), position: 'insideTopRight', fontSize: 10, fill: '#e03131' }} />
      <Bar dataKey="availability" name={t('reports:dashboard.availabilityValue')} fill={SERIES_COLORS[0]} isAnimationActive={false}>
        <LabelList dataKey="availability" position="top" fontSize={10} formatter={(value: unknown) => formatCell(Math.round(Number(value) * 100), 'bp')} />
      </Bar>
    </BarChart>
  );
  return {
    chart: sized(chart, size),
    table: {
      columns: [t('reports:dashboard.service'), t('reports:dashboard.availabilityValue'), t('reports:dashboard.target'), t('reports:dashboard.budgetUsed')],
      rows: report.services.map((s) => [
        s.service.name[language],
        formatCell(s.availabilityBp, 'bp'),
        s.guaranteeBp === null ? `${formatCell(s.targetBp, 'bp')} (${t('reports:dashboard.noGuarantee')})` : formatCell(s.guaranteeBp, 'bp'),
        formatCell(s.budgetUsedBp, 'bp'),
      ]),
    },
  };
}

/** One bar per labelled value, its value written on it: the dashboard's counts and amounts. */
export function labelledBars(rows: { label: string; value: number; text: string }[], name: string, size: Size = {}): ReactElement {
  const { width, height = 220 } = size;
  const data = rows.map((row) => ({ label: row.label, value: row.value, text: row.text }));
  return sized(
    <BarChart data={data} width={width} height={height} margin={{ top: 20, right: 8, left: 8, bottom: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" fontSize={10} interval={0} />
      <YAxis fontSize={11} width={70} tickFormatter={moneyTick} />
      <Tooltip formatter={(_value: unknown, _name: unknown, item: { payload?: { text?: string } }) => item.payload?.text ?? ''} />
      <Bar dataKey="value" name={name} fill={SERIES_COLORS[0]} isAnimationActive={false}>
        <LabelList dataKey="text" position="top" fontSize={10} />
      </Bar>
    </BarChart>,
    size,
  );
}

/** Compensation per month: the approved amount as bars, the hours of downtime as a line on its own axis. */
export function compensationChart(rows: { month: string; hours: number; approved: number }[], t: TFunction, size: Size = {}): ReactElement {
  const { width, height = 260 } = size;
  const data = rows.map((row) => ({ month: shortMonth(row.month), amount: tenge(row.approved), hours: row.hours }));
  return sized(
    <ComposedChart data={data} width={width} height={height} margin={{ top: 8, right: 8, left: 8, bottom: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="month" fontSize={11} />
      <YAxis yAxisId="amount" tickFormatter={moneyTick} fontSize={11} width={80} />
      <YAxis yAxisId="hours" orientation="right" fontSize={11} width={40} allowDecimals={false} />
      <Tooltip formatter={(value: unknown, name: unknown) => (name === t('reports:dashboard.compensationAmount') ? moneyTooltip(value) : formatInteger(Number(value)))} />
      <Legend wrapperStyle={{ fontSize: 11 }} />
      <Bar yAxisId="amount" dataKey="amount" name={t('reports:dashboard.compensationAmount')} fill={SERIES_COLORS[1]} isAnimationActive={false} />
      <Line yAxisId="hours" dataKey="hours" name={t('reports:dashboard.compensationHours')} stroke={SERIES_COLORS[4]} isAnimationActive={false} />
    </ComposedChart>,
    size,
  );
}
