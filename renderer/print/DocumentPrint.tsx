import type { ReactNode } from 'react';
import type { ActContent, InvoiceContent, IssuedDocument, ReconciliationContent, VatPart } from '../../shared/domain';
import type { PrintText } from './printText';

interface Props {
  document: IssuedDocument;
  text: PrintText;
}

/** One issued document as it prints: A4, the header repeated by the table on every page, signatures at the end. */
export function DocumentPrint({ document, text }: Props) {
  const { content } = document;
  return (
    <article className="doc" lang={text.language === 'kk-ru' ? 'kk' : text.language} aria-label={document.displayNumber}>
      {content.kind === 'invoice' && <InvoiceBody document={document} content={content} text={text} />}
      {content.kind === 'act' && <ActBody document={document} content={content} text={text} />}
      {content.kind === 'reconciliation' && <ReconciliationBody document={document} content={content} text={text} />}
    </article>
  );
}

function Logo({ document }: { document: IssuedDocument }) {
  return document.provider.logo ? <img className="doc-logo" src={document.provider.logo} alt="" /> : null;
}

function Corrects({ document, text }: Props) {
  return document.correctsNumber ? <p className="doc-corrects">{text.t('corrects', { number: document.correctsNumber })}</p> : null;
}

/** The title, with the document's number never broken across lines (it is what people search and quote). */
function Title({ children, number, side }: { children: string; number: string; side?: ReactNode }) {
  const parts = children.split(number);
  return (
    <header className="doc-title">
      <h1>
        {parts.map((part, i) => (
          <span key={i}>
            {i > 0 && <span className="nowrap">{number}</span>}
            {part}
          </span>
        ))}
      </h1>
      {side && <div className="doc-title-side">{side}</div>}
    </header>
  );
}

/** A party's lines: label, name, identifiers and address. */
function Party({ label, lines }: { label: string; lines: (string | null)[] }) {
  return (
    <div className="doc-party">
      <div className="doc-party-label">{label}</div>
      <div className="doc-party-lines">
        {lines
          .filter((line): line is string => line !== null && line !== '')
          .map((line) => (
            <div key={line}>{line}</div>
          ))}
      </div>
    </div>
  );
}

function providerLines(document: IssuedDocument, text: PrintText, withBank: boolean): string[] {
  const p = document.provider;
  const lines = [text.name(p.name), `${text.t('bin')} ${p.bin}`, `${text.t('address')}: ${text.name(p.address)}`];
  if (withBank) lines.push(`${text.t('iban')} ${p.iban}, ${text.t('bank')}: ${p.bank}, ${text.t('bik')} ${p.bik}`);
  if (p.phone) lines.push(`${text.t('phone')}: ${p.phone}`);
  return lines;
}

function clientLines(document: IssuedDocument, text: PrintText): string[] {
  const c = document.client;
  return [c.name, `${text.t('iinBin')} ${c.iinBin}`, c.phone ? `${text.t('phone')}: ${c.phone}` : ''];
}

/** The total, the VAT included in it per rate, any further lines, then the count and the total in words. */
function Totals({ total, vat, lines, text, after }: { total: number; vat: VatPart[]; lines: number; text: PrintText; after: { label: string; amount: number; strong: boolean }[] }) {
  const row = (label: string, amount: number, strong: boolean) => (
    <tr key={label} className={strong ? 'doc-total-row strong' : 'doc-total-row'}>
      <td>{label}:</td>
      <td className="num">{text.money(amount)}</td>
    </tr>
  );
  return (
    <>
      <table className="doc-totals">
        <tbody>
          {row(text.t('total'), total, true)}
          {vat.map((part) => row(text.t('vatIncluded', { rate: part.rate }), part.vat, false))}
          {after.map((line) => row(line.label, line.amount, line.strong))}
        </tbody>
      </table>
      <p className="doc-line">{text.t('inWords', { count: lines, amount: text.money(total) })}</p>
      <Words amount={total} text={text} />
    </>
  );
}

function Words({ amount, text }: { amount: number; text: PrintText }) {
  return (
    <div className="doc-words">
      {text.words(amount).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

function Signature({ role, name, text }: { role: string; name?: string; text: PrintText }) {
  return (
    <div className="doc-sign">
      <span className="doc-sign-role">{role}</span>
      <span className="doc-sign-line" aria-hidden="true" />
      <span className="doc-sign-name">{name ?? ''}</span>
      <span className="doc-sign-hint">{text.t('signature')}</span>
    </div>
  );
}

function InvoiceBody({ document, content, text }: Props & { content: InvoiceContent }) {
  const p = document.provider;
  return (
    <>
      <div className="doc-head">
        <Logo document={document} />
        <table className="doc-bank" aria-label={text.t('beneficiary')}>
          <tbody>
            <tr>
              <td>
                <strong>{text.t('beneficiary')}:</strong> {text.name(p.name)}
                <br />
                {text.t('bin')} {p.bin}
              </td>
              <td>
                <strong>{text.t('iban')}</strong>
                <br />
                {p.iban}
              </td>
              <td>
                <strong>{text.t('kbe')}</strong>
                <br />
                {p.kbe}
              </td>
            </tr>
            <tr>
              <td>
                <strong>{text.t('bank')}:</strong> {p.bank}
              </td>
              <td>
                <strong>{text.t('bik')}</strong>
                <br />
                {p.bik}
              </td>
              <td>
                <strong>{text.t('knp')}</strong>
                <br />
                {content.knp}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <Title number={document.displayNumber}>{text.t('invoice.title', { number: document.displayNumber, date: text.date(document.issuedOn) })}</Title>
      <Corrects document={document} text={text} />
      <Party label={text.t('supplier')} lines={providerLines(document, text, false)} />
      <Party label={text.t('buyer')} lines={clientLines(document, text)} />
      <table className="doc-table">
        <thead>
          <tr>
            <th className="narrow">{text.t('col.no')}</th>
            <th>{text.t('col.description')}</th>
            <th>{text.t('col.period')}</th>
            <th className="narrow">{text.t('col.quantity')}</th>
            <th className="narrow">{text.t('col.unit')}</th>
            <th className="num">{text.t('col.price')}</th>
            <th className="num">{text.t('col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {content.lines.map((line, i) => (
            <tr key={i}>
              <td className="narrow">{i + 1}</td>
              <td>{text.name(line.description)}</td>
              <td>{line.period ? text.period(line.period) : ''}</td>
              <td className="narrow">{line.quantity}</td>
              <td className="narrow">{text.t('unitService')}</td>
              <td className="num">{text.money(line.price)}</td>
              <td className="num">{text.money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Totals total={content.total} vat={content.vat} lines={content.lines.length} text={text} after={[{ label: text.t('totalToPay'), amount: content.total, strong: true }]} />
      <p className="doc-note">{text.t('payableBy', { date: text.date(content.payableBy) })}</p>
      <div className="doc-signs">
        <Signature role={text.t('director')} name={p.director} text={text} />
        <Signature role={text.t('chiefAccountant')} name={p.chiefAccountant} text={text} />
        <span className="doc-stamp">{text.t('stamp')}</span>
      </div>
    </>
  );
}

function ActBody({ document, content, text }: Props & { content: ActContent }) {
  const p = document.provider;
  return (
    <>
      <div className="doc-head">
        <Logo document={document} />
      </div>
      <Title number={document.displayNumber} side={text.t('act.form')}>{text.t('act.title', { number: document.displayNumber, date: text.date(document.issuedOn) })}</Title>
      <p className="doc-subtitle">{text.t('act.period', { from: text.date(content.from), to: text.date(content.to) })}</p>
      <Corrects document={document} text={text} />
      <Party label={text.t('executor')} lines={providerLines(document, text, true)} />
      <Party label={text.t('customer')} lines={clientLines(document, text)} />
      <p className="doc-line">{text.t('act.basis')}</p>
      <table className="doc-table">
        <thead>
          <tr>
            <th className="narrow">{text.t('col.no')}</th>
            <th>{text.t('col.date')}</th>
            <th>{text.t('col.description')}</th>
            <th>{text.t('col.period')}</th>
            <th className="narrow">{text.t('col.quantity')}</th>
            <th className="num">{text.t('col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {content.lines.map((line, i) => (
            <tr key={i}>
              <td className="narrow">{i + 1}</td>
              <td>{text.shortDate(line.date)}</td>
              <td>
                {text.name(line.description)}
                <span className="doc-kind"> — {text.t(`domain:ledgerKind.${line.ledgerKind}`)}</span>
              </td>
              <td>{line.period ? text.period(line.period) : ''}</td>
              <td className="narrow">1</td>
              <td className="num">{text.money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Totals
        total={content.total}
        vat={content.vat}
        lines={content.lines.length}
        text={text}
        after={content.bonusTotal === 0 ? [] : [{ label: text.t('act.bonusTotal'), amount: content.bonusTotal, strong: false }]}
      />
      <p className="doc-note">{text.t('act.claims')}</p>
      <div className="doc-signs two">
        <div>
          <Signature role={text.t('passed')} name={p.director} text={text} />
          <span className="doc-stamp">{text.t('stamp')}</span>
        </div>
        <div>
          <Signature role={text.t('accepted')} name={document.client.responsiblePerson ?? ''} text={text} />
          <span className="doc-stamp">{text.t('stamp')}</span>
        </div>
      </div>
    </>
  );
}

function ReconciliationBody({ document, content, text }: Props & { content: ReconciliationContent }) {
  const p = document.provider;
  const providerName = (lang: 'kk' | 'ru') => p.name[lang];
  const clientName = document.client.name;
  const resultKey = content.closing > 0 ? 'reconciliation.resultAdvance' : content.closing < 0 ? 'reconciliation.resultDebt' : 'reconciliation.resultNone';
  const operation = (row: ReconciliationContent['rows'][number]) => {
    const parts = [text.t(`domain:ledgerKind.${row.ledgerKind}`)];
    if (row.period) parts.push(text.t('reconciliation.periodOf', { period: text.period(row.period) }));
    if (row.reference) parts.push(text.t('reconciliation.reference', { reference: row.reference }));
    return parts.join(', ');
  };
  return (
    <>
      <div className="doc-head">
        <Logo document={document} />
      </div>
      <Title number={document.displayNumber}>{text.t('reconciliation.title', { number: document.displayNumber })}</Title>
      <p className="doc-subtitle">{text.t('reconciliation.subtitle', { from: text.date(content.from), to: text.date(content.to) })}</p>
      <p className="doc-subtitle">{text.tEach('reconciliation.parties', (lang) => ({ provider: providerName(lang), client: clientName }))}</p>
      <Corrects document={document} text={text} />
      <Party label={text.t('supplier')} lines={providerLines(document, text, false)} />
      <Party label={text.t('buyer')} lines={clientLines(document, text)} />
      <table className="doc-table">
        <thead>
          <tr>
            <th>{text.t('col.date')}</th>
            <th>{text.t('col.operation')}</th>
            <th className="num">{text.t('col.debit')}</th>
            <th className="num">{text.t('col.credit')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="doc-saldo">
            <td colSpan={2}>{text.t('reconciliation.opening', { date: text.date(content.from) })}</td>
            <td className="num">{content.opening < 0 ? text.money(-content.opening) : ''}</td>
            <td className="num">{content.opening > 0 ? text.money(content.opening) : ''}</td>
          </tr>
          {content.rows.map((row) => (
            <tr key={row.ledgerEntryId}>
              <td>{text.shortDate(row.date)}</td>
              <td>{operation(row)}</td>
              <td className="num">{row.debit > 0 ? text.money(row.debit) : ''}</td>
              <td className="num">{row.credit > 0 ? text.money(row.credit) : ''}</td>
            </tr>
          ))}
          <tr className="doc-saldo">
            <td colSpan={2}>{text.t('reconciliation.turnover')}</td>
            <td className="num">{text.money(content.debitTotal)}</td>
            <td className="num">{text.money(content.creditTotal)}</td>
          </tr>
          <tr className="doc-saldo strong">
            <td colSpan={2}>{text.t('reconciliation.closing', { date: text.date(content.to) })}</td>
            <td className="num">{content.closing < 0 ? text.money(-content.closing) : ''}</td>
            <td className="num">{content.closing > 0 ? text.money(content.closing) : ''}</td>
          </tr>
        </tbody>
      </table>
      <p className="doc-result">
        {text.tEach(resultKey, (lang) => ({
          date: text.date(content.to),
          provider: providerName(lang),
          client: clientName,
          amount: text.money(Math.abs(content.closing)),
          words: text.words(content.closing)[text.language === 'kk-ru' && lang === 'ru' ? 1 : 0]!,
        }))}
      </p>
      <p className="doc-note">{text.t('reconciliation.bonusNote')}</p>
      <div className="doc-signs two">
        <div>
          <Party label={text.tEach('reconciliation.byData', (lang) => ({ party: providerName(lang) }))} lines={[]} />
          <Signature role={text.t('director')} name={p.director} text={text} />
          <Signature role={text.t('chiefAccountant')} name={p.chiefAccountant} text={text} />
          <span className="doc-stamp">{text.t('stamp')}</span>
        </div>
        <div>
          <Party label={text.tEach('reconciliation.byData', () => ({ party: clientName }))} lines={[]} />
          <Signature role={text.t('director')} name={document.client.responsiblePerson ?? ''} text={text} />
          <Signature role={text.t('chiefAccountant')} text={text} />
          <span className="doc-stamp">{text.t('stamp')}</span>
        </div>
      </div>
    </>
  );
}
