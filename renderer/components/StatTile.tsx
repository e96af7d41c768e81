import { Paper, Text, type MantineFontSize } from '@mantine/core';
import { useId } from 'react';

interface StatTileProps {
  label: string;
  value: string;
  /** A dimmed line below the value (a count, what the amount covers). */
  note?: string | undefined;
  /** A Mantine color name: a value that calls for attention (its shade 8); plain when omitted. */
  color?: string | undefined;
  valueSize: MantineFontSize;
}

/**
 * One figure of a summary (a count or an amount) in a small bordered tile,
 * a group named by its label. Tests read the figure and the note by their
 * test ids (`stat-value`, `stat-note`), whatever the language.
 */
export function StatTile({ label, value, note, color, valueSize }: StatTileProps) {
  const labelId = useId();
  return (
    <Paper withBorder p="sm" role="group" aria-labelledby={labelId}>
      <Text size="sm" c="dimmed" id={labelId}>
        {label}
      </Text>
      <Text size={valueSize} fw={700} c={color ? `${color}.8` : undefined} data-testid="stat-value">
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed" data-testid="stat-note">
          {note}
        </Text>
      )}
    </Paper>
  );
}
