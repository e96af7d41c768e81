import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { amountInWords } from '../../shared/billing';
import { DOCUMENT_KINDS, PRINT_LANGUAGES, REPORT_KINDS, REPORT_LANGUAGES, printSamples, type SampleDocuments } from '../../scripts/reports-sample.mjs';
import type { Report, ReportKind } from '../../shared/domain';
import { launchChromium, loadDataset, printPayload, serveRenderer } from '../../scripts/sample/print-pdf.mjs';

/**
 * The documents (issue 10) and the reports (issue 11) as PDFs: `npm run reports:sample` prints every
 * kind in kk, ru and kk-ru through print.html in headless Chromium, and
 * poppler reads them back. Money is checked as the page prints it:
 * "28 000,00 ₸" with no-break spaces, which pdftotext gives back as spaces.
 */
const KAZAKH_LETTERS = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];

let dir: string;
let documents: SampleDocuments;
let reports: Record<ReportKind, Report>;
const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const pdf = (kind: string, language: string) => path.join(dir, `${kind}.${language}.pdf`);
/** 2800000 → "28 000,00 ₸", as ru-KZ formats it (spaces normalised). */
const money = (tiyn: number) => `${new Intl.NumberFormat('ru-KZ', { minimumFractionDigits: 2 }).format(tiyn / 100).replace(/\s/g, ' ')} ₸`;
const totalOf = (kind: keyof SampleDocuments) => {
  const content = documents[kind].content;
  return content.kind === 'reconciliation' ? content.closing : content.total;
};
const flat = (s: string) => s.replace(/\s+/g, ' ');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), 'esep-documents-'));
  ({ documents, reports } = await printSamples(dir));
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('every kind prints in kk, ru and kk-ru with the Kazakh letters, ₸, its number, total and the total in words', () => {
  for (const kind of DOCUMENT_KINDS) {
    for (const language of PRINT_LANGUAGES) {
      const read = flat(text(pdf(kind, language)));
      const where = `${kind}.${language}`;
      for (const letter of KAZAKH_LETTERS) expect(read.toLowerCase(), `${where}: ${letter}`).toContain(letter);
      expect(read, where).toContain('₸');
      expect(read, where).toContain(documents[kind].displayNumber);
      expect(read, where).toContain(money(Math.abs(totalOf(kind))));
      const wordLanguages = language === 'kk-ru' ? (['kk', 'ru'] as const) : [language];
      for (const lang of wordLanguages) expect(read, `${where}: words in ${lang}`).toContain(amountInWords(Math.abs(totalOf(kind)), lang));
    }
  }
});

test('the labels are in the document\'s language; kk-ru has both; the footer says page N of M', () => {
  const invoiceKk = flat(text(pdf('invoice', 'kk')));
  const invoiceRu = flat(text(pdf('invoice', 'ru')));
  const invoiceBoth = flat(text(pdf('invoice', 'kk-ru')));
  expect(invoiceKk).toContain('Төлемге шот №');
  expect(invoiceKk).not.toContain('Счёт на оплату');
  expect(invoiceRu).toContain('Счёт на оплату №');
  expect(invoiceRu).toContain('Стр. 1 из 1');
  expect(invoiceKk).toContain('1 беттің 1-беті');
  expect(invoiceBoth).toContain('Төлемге шот №');
  expect(invoiceBoth).toContain('Счёт на оплату №');
  expect(flat(text(pdf('act', 'ru')))).toContain('Акт выполненных работ (оказанных услуг)');
  expect(flat(text(pdf('reconciliation', 'ru')))).toContain('Акт сверки взаимных расчётов');
  expect(flat(text(pdf('reconciliation', 'kk')))).toContain('салыстыру актісі');
});

test('the invoice shows the bank requisites, КНП and the VAT part at the dated rate', () => {
  const read = flat(text(pdf('invoice', 'ru')));
  const { provider, content } = documents.invoice;
  if (content.kind !== 'invoice') throw new Error('not an invoice');
  for (const value of [provider.iban, provider.bik, provider.bin, `КНП ${content.knp}`.split(' ')[1]!, provider.kbe]) expect(read).toContain(value);
  expect(read).toContain(`В том числе НДС ${content.vat[0]!.rate} %: ${money(content.vat[0]!.vat)}`);
});

test('the reconciliation act closes with the balance and names who owes whom', () => {
  const read = flat(text(pdf('reconciliation', 'ru')));
  const { content } = documents.reconciliation;
  if (content.kind !== 'reconciliation') throw new Error('not a reconciliation act');
  expect(read).toContain(money(content.debitTotal));
  expect(read).toContain(money(content.creditTotal));
  expect(read).toMatch(content.closing > 0 ? /задолженность ТОО «Есеп Бұлт» перед/ : /задолженность .* перед ТОО «Есеп Бұлт»/);
});

test('every font is embedded (pdffonts: emb = yes) and is the bundled Noto Sans', () => {
  for (const kind of DOCUMENT_KINDS) {
    for (const language of PRINT_LANGUAGES) {
      const rows = execFileSync('pdffonts', [pdf(kind, language)], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(rows.length, `${kind}.${language}`).toBeGreaterThan(0);
      for (const row of rows) {
        const columns = row.trim().split(/\s+/);
        // name type… encoding emb sub uni object ID: emb is the 5th column from the end.
        expect(columns.at(-5), `${kind}.${language}: ${row}`).toBe('yes');
        expect(columns[0], row).toMatch(/\+NotoSans-/);
      }
    }
  }
});

test('a re-print of an issued document gives the same text, byte for byte', async () => {
  const server = await serveRenderer();
  const browser = await launchChromium();
  try {
    for (const kind of DOCUMENT_KINDS) {
      const again = path.join(dir, `${kind}.again.pdf`);
      await printPayload(browser, server.base, { kind: 'document', document: documents[kind], language: 'kk' }, again);
      expect(readFileSync(again).length).toBeGreaterThan(0);
      expect(text(again), kind).toBe(text(pdf(kind, 'kk')));
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a long reconciliation act repeats its table header on every page and numbers the pages', async () => {
  const { buildLargeReconciliation } = (await loadDataset()) as { buildLargeReconciliation: (rows: number) => Promise<SampleDocuments['reconciliation']> };
  const document = await buildLargeReconciliation(150);
  const server = await serveRenderer();
  const browser = await launchChromium();
  const file = path.join(dir, 'long.pdf');
  try {
    await printPayload(browser, server.base, { kind: 'document', document, language: 'ru' }, file);
  } finally {
    await browser.close();
    await server.close();
  }
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  expect(pages).toBeGreaterThan(2);
  for (let n = 1; n <= pages; n++) {
    const page = flat(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }));
    expect(page, `page ${n}`).toContain('Дебет, ₸');
    expect(page, `page ${n}`).toContain(`Стр. ${n} из ${pages}`);
  }
});

/** A report's title in each language, from the locale files (the PDF must not mix them). */
const reportTitle = (kind: ReportKind, language: 'kk' | 'ru') =>
  (JSON.parse(readFileSync(path.join('locales', language, 'reports.json'), 'utf8')) as { kinds: Record<ReportKind, string> }).kinds[kind];

/** The figure each report's PDF must show: its main total, read from the report the query computed. */
function keyAmount(report: Report): number {
  switch (report.kind) {
    case 'compensation':
      return report.totals.approved.amount;
    case 'refunds':
      return report.totals.all.amount;
    case 'revenue':
      return report.total.net;
    case 'debtors':
      return report.totals.amountDue;
    case 'availability':
      return 0;
  }
}

test('every report prints in kk and ru: its title in that language only, the provider, its main total', () => {
  for (const kind of REPORT_KINDS) {
    for (const language of REPORT_LANGUAGES) {
      const read = flat(text(pdf(kind, language)));
      const where = `${kind}.${language}`;
      const other = language === 'kk' ? 'ru' : 'kk';
      expect(read, where).toContain(reportTitle(kind, language));
      expect(read, where).not.toContain(reportTitle(kind, other));
      expect(read, where).toContain(reports[kind].provider![language]);
      if (kind !== 'availability') expect(read, where).toContain(money(keyAmount(reports[kind])));
    }
  }
  // The sample book's clients carry every Kazakh letter between them; the compensation report names them.
  const compensation = flat(text(pdf('compensation', 'kk'))).toLowerCase();
  for (const letter of ['ә', 'ғ', 'қ', 'ө', 'ұ', 'һ', 'і']) expect(compensation, letter).toContain(letter);
});

test('the revenue and availability reports carry their chart; the availability report lists the services against 99.8 %', () => {
  const revenue = flat(text(pdf('revenue', 'ru')));
  expect(revenue).toContain('Выручка по месяцам');
  // The chart's month axis, as the chart draws it.
  for (const month of ['01.2026', '02.2026', '03.2026', '04.2026']) expect(revenue).toContain(month);
  const availability = flat(text(pdf('availability', 'kk')));
  expect(availability).toContain('2026 жылғы қолжетімділік және 99,8 % мақсаты');
  expect(availability).toContain('Мақсат 99,8 %');
  const cloud = (reports.availability.kind === 'availability' ? reports.availability.services : []).find((s) => s.service.id === 'svc-cloud1c')!;
  expect(cloud.downtimeMinutes).toBeGreaterThan(0);
  expect(availability).toContain(`${new Intl.NumberFormat('ru-KZ', { maximumFractionDigits: 2 }).format(cloud.availabilityBp / 100)} %`);
});
