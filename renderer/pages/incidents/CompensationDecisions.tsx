import { Alert, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLANNED_NOTICE_HOURS } from '../../../shared/billing';
import { useStore } from '../../app/services';
import { ConfirmCommandForm, ModalCommandForm } from '../../components/ModalCommandForm';
import { RejectWithReasonModal } from '../../components/RejectWithReasonModal';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { formatInteger, formatMoney } from '../../i18n/format';
import { QuoteTable } from '../subscriptions/QuoteTable';
import { asExclusion, capOf, clausesOf, feeText, formatDuration } from './CompensationTerms';
import { MAX_OVERRIDE_MINUTES, previewOverride, type CompensationLineView, type IncidentDetail } from './IncidentModel';

// ---------------------------------------------------------------------------
// Approve one line

export function ApproveCompensationModal({ detail, line, onClose }: { detail: IncidentDetail; line: CompensationLineView | null; onClose: () => void }) {
  const { t } = useTranslation('compensations');
  return (
    <Modal opened={line !== null} onClose={onClose} title={t('approve.title')} size="md">
      {line && <ApproveForm detail={detail} line={line} onDone={onClose} />}
    </Modal>
  );
}

function ApproveForm({ detail, line, onDone }: { detail: IncidentDetail; line: CompensationLineView; onDone: () => void }) {
  const { t } = useTranslation('compensations');
  const store = useStore();
  const exclusion = asExclusion(line.quote.reason);
  const noticeHours = detail.service.policy.plannedWorks?.noticeHours ?? PLANNED_NOTICE_HOURS;
  return (
    <ConfirmCommandForm command={(opId) => store.approveCompensation({ compensationId: line.id, opId })} submitLabel={t('approve.submit')} onDone={onDone}>
      <Text>
        {line.quote.excluded
          ? t('approve.textZero', { client: line.accountName, reason: exclusion ? t(`exclusion.${exclusion}`, { hours: noticeHours }) : (line.quote.reason ?? '') })
          : t('approve.text', { client: line.accountName, amount: formatMoney(line.quote.amount) })}
      </Text>
    </ConfirmCommandForm>
  );
}

// ---------------------------------------------------------------------------
// Reject one line with a written reason

export function RejectCompensationModal({ line, onClose }: { line: CompensationLineView | null; onClose: () => void }) {
  const { t } = useTranslation('compensations');
  const store = useStore();
  return (
    <RejectWithReasonModal
      subject={line}
      onClose={onClose}
      texts={{ title: t('reject.title'), submit: t('reject.submit'), reason: t('reject.reason'), reasonHint: t('reject.reasonHint'), reasonRequired: t('reject.reasonRequired') }}
      describe={(subject) => t('reject.text', { client: subject.accountName, amount: formatMoney(subject.quote.amount) })}
      reasonMaxRows={8}
      reject={(subject, reason, opId) => store.rejectCompensation({ compensationId: subject.id, reason, opId })}
    />
  );
}

// ---------------------------------------------------------------------------
// Approve with an agreed duration (§4.3, 000 §9.2 / 001 §8.2 / 004 §8.2)

export function OverrideDurationModal({ detail, line, onClose }: { detail: IncidentDetail; line: CompensationLineView | null; onClose: () => void }) {
  const { t } = useTranslation('compensations');
  return (
    <Modal opened={line !== null} onClose={onClose} title={t('override.title')} size="lg">
      {line && <OverrideForm detail={detail} line={line} onDone={onClose} />}
    </Modal>
  );
}

const MAX_HOURS = Math.floor(MAX_OVERRIDE_MINUTES / 60);

/** A whole number typed into a NumberInput, or null when empty or not a whole number in range. */
function wholeIn(value: number | string, max: number): number | null {
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  return Number.isSafeInteger(n) && n >= 0 && n <= max ? n : null;
}

function OverrideForm({ detail, line, onDone }: { detail: IncidentDetail; line: CompensationLineView; onDone: () => void }) {
  const { t } = useTranslation('compensations');
  const store = useStore();
  const [hoursValue, setHours] = useState<number | string>(Math.floor(line.minutes / 60));
  const [minutesValue, setMinutes] = useState<number | string>(line.minutes % 60);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const hours = wholeIn(hoursValue, MAX_HOURS);
  const minutes = wholeIn(minutesValue, 59);
  const total = hours !== null && minutes !== null ? hours * 60 + minutes : null;
  const totalValid = total !== null && total <= MAX_OVERRIDE_MINUTES;
  const preview = totalValid ? previewOverride(detail, line, total) : null;
  const policy = detail.policy;
  const clauses = clausesOf(detail.service);
  const ruleParams = { percent: policy?.percentPerHour ?? 0, cap: policy?.monthlyCapPercent ?? 0 };

  const mutation = useCommandMutation((vars: { minutes: number; reason: string }, opId) =>
    store.approveCompensation({ compensationId: line.id, overrideMinutes: vars.minutes, overrideReason: vars.reason, opId }),
    { onSuccess: onDone },
  );
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setSubmitted(true);
    if (!totalValid || reason.trim() === '') return;
    mutation.submit({ minutes: total, reason });
  };

  const fee = line.monthlyFee;
  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t('override.submit')} onCancel={onDone}>
      <Text size="sm">{t('override.text', { client: line.accountName, duration: formatDuration(t, detail.durationMinutes ?? line.minutes) })}</Text>
      <Group align="flex-start" grow>
        <NumberInput
          label={t('override.hours')}
          withAsterisk
          min={0}
          max={MAX_HOURS}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={hoursValue}
          onChange={setHours}
          error={hours === null ? t('override.hoursError', { max: formatInteger(MAX_HOURS) }) : !totalValid && minutes !== null ? t('override.totalError', { max: formatInteger(MAX_HOURS) }) : undefined}
          data-autofocus
        />
        <NumberInput
          label={t('override.minutes')}
          withAsterisk
          min={0}
          max={59}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={minutesValue}
          onChange={setMinutes}
          error={minutes === null ? t('override.minutesError') : undefined}
        />
      </Group>
      <Textarea
        label={t('override.reason')}
        description={t('override.reasonHint')}
        withAsterisk
        autosize
        minRows={2}
        maxRows={6}
        value={reason}
        error={submitted && reason.trim() === '' ? t('override.reasonRequired') : undefined}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <Text size="sm" c="dimmed">
        {clauses ? t('override.rule', { ...ruleParams, clause: clauses.agreement }) : t('override.ruleNoClause', ruleParams)}
      </Text>
      {preview && fee && total !== null ? (
        <Stack gap="xs">
          <QuoteTable
            label={t('override.previewLabel')}
            lines={[
              { key: 'duration', label: t('override.previewRows.duration'), value: t('override.durationValue', { duration: formatDuration(t, total), hours: formatInteger(preview.hours) }) },
              {
                key: 'percent',
                label: t('override.previewRows.percent'),
                value: t('override.percentValue', { per: ruleParams.percent, hours: formatInteger(preview.hours), percent: formatInteger(preview.hours * ruleParams.percent) }),
              },
              { key: 'fee', label: t('override.previewRows.fee'), value: `${feeText(t, fee).main} (${feeText(t, fee).note})` },
              {
                key: 'used',
                label: t('override.previewRows.used'),
                value: t('override.usedValue', { used: formatMoney(line.usedByOthers), cap: formatMoney(capOf(fee, ruleParams.cap)) }),
              },
              { key: 'before', label: t('override.previewRows.before'), value: formatMoney(line.quote.amount) },
              { key: 'amount', label: t('override.previewRows.amount'), value: formatMoney(preview.amount), strong: true },
            ]}
          />
          {preview.capped && (
            <Alert role="note" color="yellow" variant="light" p="xs">
              {t('override.cappedNote')}
            </Alert>
          )}
        </Stack>
      ) : totalValid && !preview ? (
        <Alert role="note" color="gray" variant="light" p="xs">
          {t('override.noPreview')}
        </Alert>
      ) : null}
    </ModalCommandForm>
  );
}

// ---------------------------------------------------------------------------
// Approve every requested line of the incident at once

export function ApproveAllModal({ incidentId, count, amount, opened, onClose }: { incidentId: string; count: number; amount: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('compensations');
  return (
    <Modal opened={opened} onClose={onClose} title={t('approveAll.title')} size="md">
      {opened && <ApproveAllForm incidentId={incidentId} count={count} amount={amount} onDone={onClose} />}
    </Modal>
  );
}

function ApproveAllForm({ incidentId, count, amount, onDone }: { incidentId: string; count: number; amount: number; onDone: () => void }) {
  const { t } = useTranslation('compensations');
  const store = useStore();
  // Count and amount are live: what is requested now is what the store approves.
  return (
    <ConfirmCommandForm command={(opId) => store.approveIncidentCompensations({ incidentId, opId })} submitLabel={t('approveAll.submit')} onDone={onDone}>
      <Text fw={600}>{t('approveAll.text', { count, formatted: formatInteger(count), amount: formatMoney(amount) })}</Text>
      <Text size="sm">{t('approveAll.bonusNote')}</Text>
      <Text size="sm" c="dimmed">
        {t('approveAll.closedNote')}
      </Text>
    </ConfirmCommandForm>
  );
}
