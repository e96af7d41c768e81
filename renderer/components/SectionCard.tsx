import { Card, Group, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface SectionCardProps {
  title: string;
  /** At the far end of the title's line (a button); none when omitted. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled card of a page (the account's subscriptions, the incident's details…): a region named by its heading. */
export function SectionCard({ title, actions, children }: SectionCardProps) {
  const titleId = useId();
  const heading = (
    <Title order={3} size="h4" id={titleId}>
      {title}
    </Title>
  );
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        {actions === undefined ? (
          heading
        ) : (
          <Group justify="space-between">
            {heading}
            {actions}
          </Group>
        )}
        {children}
      </Stack>
    </Card>
  );
}
