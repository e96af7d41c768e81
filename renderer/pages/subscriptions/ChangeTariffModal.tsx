import { Alert, Center, Checkbox, Loader, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allocateToBuckets, splitCharge } from '../../../shared/billing';
import { useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatDateShort, formatMoney } from '../../i18n/format';
import { tariffPriceOn, type Balances, type Store, type Tariff } from '../../../core';
import { QuoteTable, type QuoteLine } from './QuoteTable';
import { ISO_DATE, clampDate, formatAmount, lastPaidDay, type SubscriptionTarget } from './subscriptionTarget';

type TariffChangePlan = Awaited<ReturnType<Store['quoteTariffChange']>>;
type PaidShares = Awaited<ReturnType<Store['subscriptionPaidShares']>>;

interface QuoteState {
  /** The inputs this answer is for: a stale answer is never shown as the current one. */
  key: string;
  plan: TariffChangePlan | null;
  balances: Balances | null;
  shares: PaidShares | null;
  error: unknown;
}

export function ChangeTariffModal({ target, onClose }: { target: SubscriptionTarget | null; onClose: () => void }) {
  const { t } = useTranslation('subscriptions');
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('changeTariff.title')} size="lg">
      {/* Mounted only while open: each opening starts from today and a new operation. */}
      {target && <ChangeTariffForm target={target} onDone={onClose} />}
    </Modal>
  );
}

function ChangeTariffForm({ target, onDone }: { target: SubscriptionTarget; onDone: () => void }) {
  const { t } = useTranslation('subscriptions');
  const language = useUiLanguage();
  const store = useStore();
  const today = useBusinessToday();
  const { subscription } = target;
  const period = subscription.currentPeriod;
  // The change takes effect on a day of the current period, and never in the future.
  const minDate = period?.start ?? today;
  const lastDay = period ? lastPaidDay(period) : today;
  const maxDate = lastDay < today ? lastDay : today;
  const [chosenTariffId, setTariffId] = useState('');
  const [date, setDate] = useState(() => clampDate(today, minDate, maxDate));
  const [resourcesChecked, setResourcesChecked] = useState(false);

  const tariffs = useLiveQuery(() => store.listTariffs(subscription.serviceId), [store, subscription.serviceId]);
  const service = useLiveQuery(async () => (await store.listServices()).find((s) => s.id === subscription.serviceId) ?? null, [store, subscription.serviceId]);
  const current = tariffs?.find((tariff) => tariff.id === subscription.tariffId);
  const choices = current ? (tariffs ?? []).filter((tariff) => tariff.active && tariff.id !== current.id && tariff.billingMonths === current.billingMonths) : [];
  const tariffId = choices.some((tariff) => tariff.id === chosenTariffId) ? chosenTariffId : (choices[0]?.id ?? '');
  const dateValid = ISO_DATE.test(date) && date >= minDate && date <= maxDate;

  const key = `${tariffId}|${date}`;
  const answer = useLiveQuery(async (): Promise<QuoteState | null> => {
    if (tariffId === '' || !dateValid) return null;
    try {
      const plan = await store.quoteTariffChange({ subscriptionId: subscription.id, tariffId, date });
      const credit = plan.quote !== null && plan.quote.amount < 0 && plan.subscription.currentPeriod !== null;
      const [balances, shares] = await Promise.all([
        store.getBalances(subscription.accountId),
        credit ? store.subscriptionPaidShares(subscription.id, plan.subscription.currentPeriod!) : Promise.resolve(null),
      ]);
      return { key, plan, balances, shares, error: null };
    } catch (error) {
      return { key, plan: null, balances: null, shares: null, error };
    }
  }, [store, subscription.id, subscription.accountId, tariffId, date, dateValid, key]);
  const shown = answer !== undefined && answer !== null && answer.key === key ? answer : null;

  const priceLabel = (tariff: Tariff) => {
    const price = tariffPriceOn(tariff, period?.start ?? today);
    const name = tariff.name[language];
    return price === undefined ? name : `${name} — ${t(`perPeriod.${tariff.billingMonths}`, { price: formatMoney(price) })}`;
  };

  const outcome = shown?.plan ? describe(shown) : null;
  const mutation = useCommandMutation(
    (_: void, opId) =>
      store.changeTariff({
        subscriptionId: subscription.id,
        tariffId,
        date,
        ...(shown?.plan?.downgrade === 'on_request' ? { resourcesChecked } : {}),
        opId,
      }),
    { onSuccess: onDone },
  );
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    mutation.submit();
  };

  return (
    <ModalCommandForm
      onSubmit={submit}
      mutation={mutation}
      submitLabel={shown?.plan?.mode === 'at_renewal' ? t('changeTariff.submitScheduled') : t('changeTariff.submit')}
      canSubmit={outcome !== null && !outcome.insufficient}
      onCancel={onDone}
    >
      <Text size="sm" c="dimmed">
        {t('changeTariff.subtitle', { client: target.accountName, service: target.serviceName[language], tariff: target.tariffName[language] })}
      </Text>
      {tariffs !== undefined && choices.length === 0 ? (
        <Text size="sm">{t('changeTariff.noTariffs')}</Text>
      ) : (
        <NativeSelect
          label={t('changeTariff.tariff')}
          description={t('changeTariff.tariffHint')}
          data={choices.map((tariff) => ({ value: tariff.id, label: priceLabel(tariff) }))}
          value={tariffId}
          onChange={(event) => setTariffId(event.currentTarget.value)}
        />
      )}
      <TextInput
        label={t('changeTariff.date')}
        type="date"
        withAsterisk
        min={minDate}
        max={maxDate}
        value={date}
        onChange={(event) => setDate(event.currentTarget.value)}
        description={t('changeTariff.dateHint', { min: formatDateShort(minDate), max: formatDateShort(maxDate) })}
        error={dateValid ? null : t('changeTariff.dateOutOfRange', { min: formatDateShort(minDate), max: formatDateShort(maxDate) })}
      />
      {shown?.error ? <ErrorAlert message={commandErrorText(t, shown.error, language)} /> : null}
      {outcome === null ? (
        tariffId !== '' && dateValid && !shown?.error ? (
          <Center p="sm">
            <Loader size="sm" aria-label={t('changeTariff.quoteLoading')} />
          </Center>
        ) : null
      ) : (
        <Stack gap="xs">
          <QuoteTable label={t('changeTariff.quoteTitle')} lines={outcome.lines} />
          {outcome.notes.map((note) => (
            <Alert key={note.key} role="note" color={note.color} variant="light" p="xs">
              {note.text}
            </Alert>
          ))}
          {shown?.plan?.downgrade === 'on_request' && (
            <Checkbox
              label={t('changeTariff.resourcesChecked')}
              checked={resourcesChecked}
              onChange={(event) => setResourcesChecked(event.currentTarget.checked)}
              required
              aria-required
            />
          )}
        </Stack>
      )}
    </ModalCommandForm>
  );

  /** The quote as lines and notes; the amounts are the engine's, the bucket split the command's own rule. */
  function describe(state: QuoteState): { lines: QuoteLine[]; notes: { key: string; color: string; text: string }[]; insufficient: boolean } {
    const plan = state.plan!;
    const balances = state.balances ?? { money: 0, bonus: 0 };
    const planPeriod = plan.subscription.currentPeriod!;
    const months = plan.from.billingMonths;
    const perPeriod = (price: number) => t(`perPeriod.${months}`, { price: formatMoney(price) });
    const lines: QuoteLine[] = [];
    const notes: { key: string; color: string; text: string }[] = [];
    const periodDays = plan.quote?.periodDays;
    lines.push({
      key: 'period',
      label: t('changeTariff.lines.period'),
      value:
        periodDays === undefined
          ? `${formatDateShort(planPeriod.start)} – ${formatDateShort(lastPaidDay(planPeriod))}`
          : t('changeTariff.lines.periodValue', { from: formatDateShort(planPeriod.start), to: formatDateShort(lastPaidDay(planPeriod)), days: t('days', { count: periodDays }) }),
    });
    lines.push({ key: 'oldPrice', label: t('changeTariff.lines.oldPrice'), value: t('changeTariff.lines.priceValue', { tariff: plan.from.name[language], price: perPeriod(plan.oldPrice) }) });

    if (plan.mode === 'at_renewal' || plan.quote === null) {
      const nextPrice = tariffPriceOn(plan.to, planPeriod.end) ?? plan.newPrice;
      lines.push({ key: 'newPrice', label: t('changeTariff.lines.newPrice'), value: t('changeTariff.lines.priceValue', { tariff: plan.to.name[language], price: perPeriod(nextPrice) }) });
      lines.push({ key: 'effective', label: t('changeTariff.lines.effective'), value: formatDateShort(planPeriod.end) });
      lines.push({ key: 'charge', label: t('changeTariff.lines.chargeNow'), value: formatMoney(0), strong: true });
      notes.push({
        key: 'atRenewal',
        color: 'blue',
        text: t('changeTariff.atRenewal', { source: service?.policy.source ?? '', date: formatDateShort(planPeriod.end), price: formatMoney(nextPrice) }),
      });
      return { lines, notes, insufficient: false };
    }

    const { remainingDays, amount } = plan.quote;
    lines.push({ key: 'newPrice', label: t('changeTariff.lines.newPrice'), value: t('changeTariff.lines.priceValue', { tariff: plan.to.name[language], price: perPeriod(plan.newPrice) }) });
    lines.push({ key: 'effective', label: t('changeTariff.lines.effective'), value: formatDateShort(date) });
    lines.push({
      key: 'remaining',
      label: t('changeTariff.lines.remaining'),
      value: t('changeTariff.lines.remainingValue', { days: t('days', { count: remainingDays }), from: formatDateShort(date), to: formatDateShort(lastPaidDay(planPeriod)) }),
    });
    const formula = {
      newPrice: formatAmount(plan.newPrice),
      oldPrice: formatAmount(plan.oldPrice),
      remainingDays,
      periodDays: plan.quote.periodDays,
      amount: formatMoney(Math.abs(amount)),
    };
    lines.push({ key: 'formula', label: t('changeTariff.lines.formula'), value: t(amount < 0 ? 'changeTariff.formulaCredit' : 'changeTariff.formulaCharge', formula) });
    if (plan.downgrade === 'on_request') {
      notes.push({ key: 'onRequest', color: 'yellow', text: t('changeTariff.onRequest', { source: service?.policy.source ?? '' }) });
    }

    if (amount > 0) {
      const bonus = Math.max(0, balances.bonus);
      const available = Math.max(0, balances.money) + bonus;
      const split = splitCharge(amount, bonus);
      lines.push({ key: 'charge', label: t('changeTariff.lines.chargeNow'), value: formatMoney(amount), strong: true });
      lines.push({ key: 'fromBonus', label: t('changeTariff.lines.fromBonus'), value: formatMoney(split.bonus) });
      lines.push({ key: 'fromMoney', label: t('changeTariff.lines.fromMoney'), value: formatMoney(split.money) });
      lines.push({ key: 'balance', label: t('changeTariff.lines.balance'), value: t('changeTariff.lines.balanceValue', { money: formatMoney(balances.money), bonus: formatMoney(balances.bonus) }) });
      notes.push({ key: 'chargeNote', color: 'gray', text: t('changeTariff.chargeNote') });
      const insufficient = amount > available;
      if (insufficient) notes.push({ key: 'insufficient', color: 'red', text: t('changeTariff.insufficient', { required: formatMoney(amount), available: formatMoney(available) }) });
      return { lines, notes, insufficient };
    }
    if (amount < 0) {
      const paid = state.shares?.paid ?? { money: 0, bonus: 0 };
      // The command credits at most what was paid for the period, split in the proportion that paid it.
      const credit = Math.min(-amount, paid.money + paid.bonus);
      const split = allocateToBuckets(credit, paid);
      lines.push({ key: 'credit', label: t('changeTariff.lines.creditNow'), value: formatMoney(credit), strong: true });
      lines.push({ key: 'toBonus', label: t('changeTariff.lines.toBonus'), value: formatMoney(split.bonus) });
      lines.push({ key: 'toMoney', label: t('changeTariff.lines.toMoney'), value: formatMoney(split.money) });
      notes.push({ key: 'creditNote', color: 'gray', text: t('changeTariff.creditNote') });
      return { lines, notes, insufficient: false };
    }
    lines.push({ key: 'charge', label: t('changeTariff.lines.chargeNow'), value: formatMoney(0), strong: true });
    notes.push({ key: 'zero', color: 'gray', text: t('changeTariff.zero') });
    return { lines, notes, insufficient: false };
  }
}
