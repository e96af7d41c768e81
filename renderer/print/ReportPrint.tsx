import type { i18n as I18n } from 'i18next';
import type { Report } from '../../shared/domain';
import { formatInstant, type UiLanguage } from '../i18n/format';
import { availabilityChart, revenueChart } from '../reports/charts';
import { PrintChartFigure } from '../reports/ChartFigure';
import { formatCell, reportTables, type ColumnKind } from '../reports/reportTable';

const NUMERIC: ReadonlySet<ColumnKind> = new Set(['money', 'int', 'percent', 'bp', 'hours']);
/** The printable width of A4 landscape at the print margins, in CSS pixels (273 mm). */
const CHART_WIDTH = 1000;

/**
 * A report on A4 landscape: the provider, the title, the range and the
 * service, when it was made, its key figures, the revenue or availability
 * chart, then its tables (the header repeats on every page, a row never
 * splits). The same tables as the screen and the CSV/XLSX exports.
 */
export function ReportPrint({ report, language, i18n }: { report: Report; language: UiLanguage; i18n: I18n }) {
  const t = i18n.getFixedT(language);
  const tables = reportTables(report, t, language);
  const chart =
    report.kind === 'revenue'
      ? { title: t('reports:chart.revenue'), ...revenueChart(report, t, language, { width: CHART_WIDTH, height: 240 }) }
      : report.kind === 'availability'
        ? { title: t('reports:chart.availability', { year: report.year }), ...availabilityChart(report, t, language, { width: CHART_WIDTH, height: 240 }) }
        : null;
  return (
    <article className="doc report" lang={language} aria-label={tables.title}>
      <style>{'@page { size: A4 landscape; }'}</style>
      <header className="report-head">
        {report.provider && <p className="report-provider">{t('reports:provider', { name: report.provider[language] })}</p>}
        <h1 className="report-title">{tables.title}</h1>
        <p className="report-subtitle">{tables.subtitle}</p>
        <p className="report-generated">{t('reports:generated', { at: formatInstant(report.generatedAt) })}</p>
      </header>
      <dl className="report-summary">
        {tables.summary.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {chart && <PrintChartFigure title={chart.title} chart={chart.chart} />}
      {tables.sections.map((section) => (
        <section key={section.key} className="report-section">
          {tables.sections.length > 1 && <h2>{section.title}</h2>}
          <table className="doc-table report-table">
            <thead>
              <tr>
                {section.columns.map((column) => (
                  <th key={column.key} className={NUMERIC.has(column.kind) ? 'num' : undefined}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((value, i) => (
                    <td key={section.columns[i]!.key} className={NUMERIC.has(section.columns[i]!.kind) ? 'num' : undefined}>
                      {formatCell(value, section.columns[i]!.kind)}
                    </td>
                  ))}
                </tr>
              ))}
              {section.rows.length === 0 && (
                <tr>
                  <td colSpan={section.columns.length}>{t('reports:empty')}</td>
                </tr>
              )}
            </tbody>
            {section.totals && (
              <tfoot>
                <tr className="report-totals">
                  {section.totals.map((value, i) => (
                    <td key={section.columns[i]!.key} className={NUMERIC.has(section.columns[i]!.kind) ? 'num' : undefined}>
                      {value === null ? '' : formatCell(value, section.columns[i]!.kind)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            )}
          </table>
        </section>
      ))}
    </article>
  );
}
