import Dexie from 'dexie';
import { businessDateOf } from '../../shared/billing';
import type { DocumentClient, DocumentContent, DocumentKind, DocumentLanguage, DocumentView, IsoDate, IssuedDocument, ProviderRequisites, Tiyn } from '../../shared/domain';
import type { AppDatabase } from '../db';
import { buildAct, buildInvoice, buildReconciliation, invoiceInput, periodDocumentInput } from '../documents/build';
import { readRequisites, requireRequisites } from '../commands/requisites';
import { parseInput } from '../registry';
import { readerOf } from '../tx';

/** A row of the documents register: what a list shows, without the lines. */
export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  displayNumber: string;
  accountId: string;
  clientName: string;
  issuedOn: IsoDate;
  issuedAt: string;
  issuedBy: string;
  language: DocumentLanguage;
  correctsId: string | null;
  correctsNumber: string | null;
  /** Invoice and act: the total; reconciliation: the closing balance. */
  total: Tiyn;
}

export interface DocumentFilter {
  accountId?: string;
  kind?: DocumentKind;
  /** Issue dates, inclusive. */
  from?: IsoDate;
  to?: IsoDate;
  limit?: number;
  offset?: number;
}

export const DOCUMENTS_PAGE = 100;

function summaryOf(document: IssuedDocument): DocumentSummary {
  const { content } = document;
  return {
    id: document.id,
    kind: document.kind,
    displayNumber: document.displayNumber,
    accountId: document.accountId,
    clientName: document.client.name,
    issuedOn: document.issuedOn,
    issuedAt: document.issuedAt,
    issuedBy: document.issuedBy,
    language: document.language,
    correctsId: document.correctsId,
    correctsNumber: document.correctsNumber,
    total: content.kind === 'reconciliation' ? content.closing : content.total,
  };
}

/**
 * Issued documents, newest first: one client's through [accountId+issuedAt],
 * one kind's through [kind+issuedAt], else all through issuedAt. The issue
 * date range filters what the index walks.
 */
export async function listDocuments(db: AppDatabase, filter: DocumentFilter = {}): Promise<{ rows: DocumentSummary[]; total: number }> {
  const limit = Math.max(1, Math.min(filter.limit ?? DOCUMENTS_PAGE, 1000));
  const offset = Math.max(0, filter.offset ?? 0);
  const inRange = (d: IssuedDocument) => (filter.from === undefined || d.issuedOn >= filter.from) && (filter.to === undefined || d.issuedOn <= filter.to);
  const matches = (d: IssuedDocument) => inRange(d) && (filter.kind === undefined || d.kind === filter.kind) && (filter.accountId === undefined || d.accountId === filter.accountId);
  const collection =
    filter.accountId !== undefined
      ? db.documents.where('[accountId+issuedAt]').between([filter.accountId, Dexie.minKey], [filter.accountId, Dexie.maxKey])
      : filter.kind !== undefined
        ? db.documents.where('[kind+issuedAt]').between([filter.kind, Dexie.minKey], [filter.kind, Dexie.maxKey])
        : db.documents.orderBy('issuedAt');
  const filtered = collection.reverse().filter(matches);
  const [total, page] = await db.transaction('r', db.documents, () => Promise.all([filtered.clone().count(), filtered.clone().offset(offset).limit(limit).toArray()]));
  return { rows: page.map(summaryOf), total };
}

/** The stored document and the one that corrects it, or null. */
export async function getDocument(db: AppDatabase, id: string): Promise<DocumentView | null> {
  if (typeof id !== 'string' || id === '') return null;
  const [document, correction] = await db.transaction('r', db.documents, () => Promise.all([db.documents.get(id), db.documents.where('correctsId').equals(id).first()]));
  if (!document) return null;
  return { ...document, correctedBy: correction ? { id: correction.id, displayNumber: correction.displayNumber } : null };
}

export function getProviderRequisites(db: AppDatabase): Promise<ProviderRequisites | null> {
  return readRequisites(readerOf(db));
}

/** What a document would hold, before it is issued (no number yet). */
export interface DocumentPreview {
  client: DocumentClient;
  content: DocumentContent;
}

const todayOf = (today: IsoDate | undefined) => today ?? businessDateOf(new Date().toISOString());

/** What issueInvoice would issue now (no number, nothing written); refused like the command. */
export async function previewInvoice(db: AppDatabase, input: unknown, today?: IsoDate): Promise<DocumentPreview> {
  const reader = readerOf(db);
  const provider = await requireRequisites(reader);
  const built = await buildInvoice(reader, parseInput(invoiceInput, input), todayOf(today));
  return { client: built.client, content: { ...built.content, knp: provider.knp } };
}

export async function previewAct(db: AppDatabase, input: unknown, today?: IsoDate): Promise<DocumentPreview> {
  const reader = readerOf(db);
  await requireRequisites(reader);
  const built = await buildAct(reader, parseInput(periodDocumentInput, input), todayOf(today));
  return { client: built.client, content: built.content };
}

export async function previewReconciliation(db: AppDatabase, input: unknown, today?: IsoDate): Promise<DocumentPreview> {
  const reader = readerOf(db);
  await requireRequisites(reader);
  const built = await buildReconciliation(reader, parseInput(periodDocumentInput, input), todayOf(today));
  return { client: built.client, content: built.content };
}
