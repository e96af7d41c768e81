import { Group, Input, TextInput } from '@mantine/core';
import { useId } from 'react';
import type { LocalDateTime } from './incidentTime';

interface DateTimeFieldsProps {
  /** The name of the pair as a group ("Start"): its description and error are read on entering it. */
  groupLabel: string;
  /** The accessible names of the two inputs, e.g. "Start date" and "Start time". */
  dateLabel: string;
  timeLabel: string;
  value: LocalDateTime;
  onChange: (value: LocalDateTime) => void;
  description?: string;
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
  maxDate?: string;
}

/**
 * A date and a time typed as business time (UTC+05:00), as two native
 * inputs (`type=date`, `type=time`), each with its own label; @mantine/dates
 * is not a dependency, and native inputs are keyboard and screen-reader
 * friendly. The value is kept as typed; the caller builds the instant.
 * Mantine sets each input's aria-describedby from its own wrapper, so the
 * shared description and error describe the group of the two instead.
 */
export function DateTimeFields({ groupLabel, dateLabel, timeLabel, value, onChange, description, error, required, disabled, maxDate }: DateTimeFieldsProps) {
  const id = useId();
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div role="group" aria-label={groupLabel} aria-describedby={describedBy}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <TextInput
          type="date"
          label={dateLabel}
          value={value.date}
          max={maxDate}
          onChange={(event) => onChange({ ...value, date: event.currentTarget.value })}
          withAsterisk={required}
          disabled={disabled}
          error={Boolean(error)}
          w={180}
        />
        <TextInput
          type="time"
          label={timeLabel}
          value={value.time}
          onChange={(event) => onChange({ ...value, time: event.currentTarget.value })}
          withAsterisk={required}
          disabled={disabled}
          error={Boolean(error)}
          w={190}
        />
      </Group>
      {description && (
        <Input.Description id={`${id}-description`} mt={4}>
          {description}
        </Input.Description>
      )}
      {error && (
        <Input.Error id={`${id}-error`} mt={4}>
          {error}
        </Input.Error>
      )}
    </div>
  );
}
