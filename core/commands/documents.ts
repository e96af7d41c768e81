import { z } from 'zod';
import {
  DOCUMENT_SERIES,
  documentDisplayNumber,
  documentLanguageSchema,
  type DocumentContent,
  type DocumentKind,
  type DocumentLanguage,
  type IssuedDocument,
} from '../../shared/domain';
import { buildAct, buildInvoice, buildReconciliation, invoiceInput, periodDocumentInput, type BuiltDocument } from '../documents/build';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { defineCommand, parseInput, refSchema } from '../registry';
import type { CommandTx } from '../tx';
import { requireRequisites } from './requisites';

/** The counter row of a series and year: the last number issued. */
export const documentNumberKey = (series: string, year: number) => `documents:number:${series}:${year}`;

/**
 * Stores a built document under the next number of its series and year.
 * The provider's requisites and the client's details are copied in: the
 * document prints the same for ever.
 */
async function issue(tx: CommandTx, built: BuiltDocument<DocumentContent>, language: DocumentLanguage | undefined, corrects: IssuedDocument | null): Promise<IssuedDocument> {
  const provider = await requireRequisites(tx);
  const content = built.content.kind === 'invoice' ? { ...built.content, knp: provider.knp } : built.content;
  const kind: DocumentKind = content.kind;
  const series = DOCUMENT_SERIES[kind];
  const issuedOn = tx.meta.today;
  const year = Number(issuedOn.slice(0, 4));
  const number = await tx.nextNumber(documentNumberKey(series, year));
  const document: IssuedDocument = {
    id: newId(),
    kind,
    series,
    year,
    number,
    displayNumber: documentDisplayNumber(series, year, number),
    accountId: built.account.id,
    issuedOn,
    issuedAt: tx.meta.at,
    issuedBy: tx.meta.actor,
    language: language ?? built.account.language,
    correctsId: corrects?.id ?? null,
    correctsNumber: corrects?.displayNumber ?? null,
    provider,
    client: built.client,
    content,
    operationId: tx.meta.opId,
  };
  return tx.insert('documents', document);
}

const documentRef = (document: IssuedDocument) => ({ table: 'documents' as const, id: document.id });

// Three kinds, three declarations: a generic factory over the input schemas loses the Store's input types.

/** An invoice for payment (счёт на оплату / төлемге шот): a subscription's next period, or any amount with its purpose. */
export const issueInvoice = defineCommand({
  name: 'issueInvoice',
  role: 'operator',
  input: invoiceInput,
  ref: documentRef,
  run: async (tx, input) => issue(tx, await buildInvoice(tx, input, tx.meta.today), input.language, null),
});

/** An act of services rendered (АВР, form Р-1) for a month or any period up to today. */
export const issueAct = defineCommand({
  name: 'issueAct',
  role: 'operator',
  input: periodDocumentInput,
  ref: documentRef,
  run: async (tx, input) => issue(tx, await buildAct(tx, input, tx.meta.today), input.language, null),
});

/** A reconciliation act (акт сверки / салыстыру актісі) for a date range up to today. */
export const issueReconciliationAct = defineCommand({
  name: 'issueReconciliationAct',
  role: 'operator',
  input: periodDocumentInput,
  ref: documentRef,
  run: async (tx, input) => issue(tx, await buildReconciliation(tx, input, tx.meta.today), input.language, null),
});

/**
 * A correction (manager): a new document of the same kind for the same
 * client that names the one it corrects; the old one stays as it was
 * issued. Its input is that kind's input without the client (taken from
 * the corrected document). Only the latest document of a chain can be
 * corrected, so a chain never forks.
 */
export const correctDocument = defineCommand({
  name: 'correctDocument',
  role: 'manager',
  input: z.object({
    documentId: refSchema('errors:documents.notFound'),
    subscriptionId: z.unknown().optional(),
    amount: z.unknown().optional(),
    description: z.unknown().optional(),
    from: z.unknown().optional(),
    to: z.unknown().optional(),
    language: documentLanguageSchema.optional(),
  }),
  ref: documentRef,
  run: async (tx, { documentId, ...rest }) => {
    const corrected = await tx.read.documents.get(documentId);
    if (!corrected) throw new CommandError('errors:documents.notFound', { field: 'documentId' });
    const later = await tx.read.documents.where('correctsId').equals(documentId).first();
    if (later) throw new CommandError('errors:documents.alreadyCorrected', { field: 'documentId', params: { number: later.displayNumber } });
    const input = { ...rest, accountId: corrected.accountId };
    const today = tx.meta.today;
    const built =
      corrected.kind === 'invoice'
        ? await buildInvoice(tx, parseInput(invoiceInput, input), today)
        : corrected.kind === 'act'
          ? await buildAct(tx, parseInput(periodDocumentInput, input), today)
          : await buildReconciliation(tx, parseInput(periodDocumentInput, input), today);
    return issue(tx, built, rest.language ?? corrected.language, corrected);
  },
});
