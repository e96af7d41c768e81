import { Alert, Center, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, daysBetween, roundDiv } from '../../../shared/billing';
import { useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatDateShort, formatMoney } from '../../i18n/format';
import type { Service, Store } from '../../../core';
import { QuoteTable, type QuoteLine } from './QuoteTable';
import { ISO_DATE, formatAmount, lastPaidDay, type SubscriptionTarget } from './subscriptionTarget';

type CancellationPlan = Awaited<ReturnType<Store['quoteCancellation']>>;

interface QuoteState {
  key: string;
  plan: CancellationPlan | null;
  error: unknown;
}

export function CancelSubscriptionModal({ target, onClose }: { target: SubscriptionTarget | null; onClose: () => void }) {
  const { t } = useTranslation('subscriptions');
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('cancel.title')} size="lg">
      {target && <CancelSubscriptionForm target={target} onDone={onClose} />}
    </Modal>
  );
}

function CancelSubscriptionForm({ target, onDone }: { target: SubscriptionTarget; onDone: () => void }) {
  const { t } = useTranslation('subscriptions');
  const language = useUiLanguage();
  const store = useStore();
  const today = useBusinessToday();
  const { subscription } = target;
  // A refusal is dated in the current period (or later, once it has ended) and never in the future.
  const minDate = subscription.currentPeriod?.start ?? null;
  const [date, setDate] = useState(() => (minDate !== null && minDate > today ? minDate : today));
  const dateValid = ISO_DATE.test(date) && date <= today && (minDate === null || date >= minDate);

  const service = useLiveQuery(async () => (await store.listServices()).find((s) => s.id === subscription.serviceId) ?? null, [store, subscription.serviceId]);
  const key = date;
  const answer = useLiveQuery(async (): Promise<QuoteState | null> => {
    if (!dateValid) return null;
    try {
      return { key, plan: await store.quoteCancellation({ subscriptionId: subscription.id, date }), error: null };
    } catch (error) {
      return { key, plan: null, error };
    }
  }, [store, subscription.id, date, dateValid, key]);
  const shown = answer !== undefined && answer !== null && answer.key === key ? answer : null;

  const mutation = useCommandMutation((_: void, opId) => store.cancelSubscription({ subscriptionId: subscription.id, date, opId }), { onSuccess: onDone });
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    mutation.submit();
  };
  const outcome = shown?.plan && service !== undefined ? describe(shown.plan, service) : null;

  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t('cancel.submit')} canSubmit={outcome !== null} onCancel={onDone}>
      <Text size="sm" c="dimmed">
        {t('changeTariff.subtitle', { client: target.accountName, service: target.serviceName[language], tariff: target.tariffName[language] })}
      </Text>
      <TextInput
        label={t('cancel.date')}
        type="date"
        withAsterisk
        min={minDate ?? undefined}
        max={today}
        value={date}
        onChange={(event) => setDate(event.currentTarget.value)}
        description={minDate === null ? t('cancel.dateHintPending') : t('cancel.dateHint', { min: formatDateShort(minDate) })}
        error={dateValid ? null : minDate === null ? t('cancel.dateHintPending') : t('cancel.dateHint', { min: formatDateShort(minDate) })}
      />
      {shown?.error ? <ErrorAlert message={commandErrorText(t, shown.error, language)} /> : null}
      {outcome === null ? (
        dateValid && !shown?.error ? (
          <Center p="sm">
            <Loader size="sm" aria-label={t('changeTariff.quoteLoading')} />
          </Center>
        ) : null
      ) : (
        <Stack gap="xs">
          {outcome.lines.length > 0 && <QuoteTable label={t('cancel.quoteTitle')} lines={outcome.lines} />}
          {outcome.notes.map((note) => (
            <Alert key={note.key} role="note" color={note.color} variant="light" p="xs">
              {note.text}
            </Alert>
          ))}
        </Stack>
      )}
    </ModalCommandForm>
  );

  /** The refund the engine quotes, line by line, with the rule that gave it and what happens next. */
  function describe(plan: CancellationPlan, svc: Service | null): { lines: QuoteLine[]; notes: { key: string; color: string; text: string }[] } {
    const lines: QuoteLine[] = [];
    const notes: { key: string; color: string; text: string }[] = [];
    const sub = plan.subscription;
    const period = sub.currentPeriod;
    if (sub.status === 'pending_payment' || period === null || sub.firstUseDate === null) {
      notes.push({ key: 'pending', color: 'blue', text: t('cancel.noRefundPending') });
      notes.push({ key: 'effects', color: 'gray', text: t('cancel.effects') });
      return { lines, notes };
    }
    const periodDays = plan.quote?.periodDays ?? daysBetween(period.start, period.end);
    lines.push({
      key: 'period',
      label: t('changeTariff.lines.period'),
      value: t('changeTariff.lines.periodValue', { from: formatDateShort(period.start), to: formatDateShort(lastPaidDay(period)), days: t('days', { count: periodDays }) }),
    });
    lines.push({ key: 'firstUse', label: t('cancel.lines.firstUse'), value: formatDateShort(sub.firstUseDate) });
    const windowDays = plan.refundWindowDays;
    const windowUntil = windowDays === null ? null : formatDateShort(addDays(sub.firstUseDate, windowDays - 1));
    lines.push({
      key: 'window',
      label: t('cancel.lines.window'),
      value: windowDays === null ? t('cancel.lines.windowNone') : t('cancel.lines.windowValue', { days: t('days', { count: windowDays }), until: windowUntil }),
    });
    lines.push({ key: 'date', label: t('cancel.date'), value: formatDateShort(date) });

    const quote = plan.quote;
    if (quote === null) {
      lines.push({ key: 'refund', label: t('cancel.lines.refund'), value: formatMoney(0), strong: true });
      const byTerms = svc?.policy.cancellation === 'none';
      notes.push({ key: 'none', color: 'blue', text: byTerms ? t('cancel.noRefundTerms', { source: svc?.policy.source ?? '' }) : t('cancel.noRefundNothingLeft') });
    } else if (quote.kind === 'full') {
      notes.push({ key: 'full', color: 'teal', text: t('cancel.full', { days: t('days', { count: windowDays ?? 0 }), firstUse: formatDateShort(sub.firstUseDate), until: windowUntil }) });
      lines.push({ key: 'refund', label: t('cancel.lines.refund'), value: formatMoney(quote.amount), strong: true });
    } else {
      notes.push({
        key: 'prorated',
        color: 'blue',
        text: windowDays === null ? t('cancel.proratedNoWindow') : t('cancel.proratedAfterWindow', { until: windowUntil }),
      });
      lines.push({ key: 'remaining', label: t('cancel.lines.remaining'), value: t('days', { count: quote.remainingDays }) });
      const price = plan.price ?? 0;
      const unused = Number(roundDiv(BigInt(price) * BigInt(quote.remainingDays), BigInt(quote.periodDays)));
      lines.push({
        key: 'formula',
        label: t('changeTariff.lines.formula'),
        value: t('cancel.formula', { price: formatAmount(price), remainingDays: quote.remainingDays, periodDays: quote.periodDays, amount: formatMoney(unused) }),
      });
      if (quote.amount < unused) notes.push({ key: 'capped', color: 'yellow', text: t('cancel.cappedByPaid', { amount: formatMoney(quote.amount) }) });
      lines.push({ key: 'refund', label: t('cancel.lines.refund'), value: formatMoney(quote.amount), strong: true });
    }
    if (quote !== null && plan.dueDate !== null) {
      lines.push({
        key: 'due',
        label: t('cancel.lines.dueDate'),
        value: t('cancel.lines.dueDateValue', { date: formatDateShort(plan.dueDate), days: t('workingDays', { count: svc?.policy.refundDueWorkingDays ?? 15 }) }),
      });
      notes.push({ key: 'balance', color: 'gray', text: t('cancel.balanceNote') });
    }
    notes.push({ key: 'effects', color: 'gray', text: t('cancel.effects') });
    return { lines, notes };
  }
}
