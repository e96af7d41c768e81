import type { Report } from '../../shared/domain';

/** `revenue.2026-01-01_2026-11-22.ru.csv`: the kind, the range (or the year, or the day) and the language. */
export function reportFileName(report: Report, language: 'kk' | 'ru', extension: 'pdf' | 'csv' | 'xlsx'): string {
  const span = report.kind === 'availability' ? String(report.year) : report.from === report.to ? report.from : `${report.from}_${report.to}`;
  const service = report.service ? `.${report.service.id}` : '';
  return `${report.kind}.${span}${service}.${language}.${extension}`;
}
