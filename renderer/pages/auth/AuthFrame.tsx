import { Center, Group, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';

interface AuthFrameProps {
  title: string;
  /** 'main' for the setup and sign-in screens; 'dialog' for the lock screen drawn over the app. */
  landmark?: 'main' | 'dialog';
  children: ReactNode;
}

/**
 * The frame of the screens shown before (or instead of) the app: the
 * product's name, the language switch (the header is not there), the
 * screen's title (h1) and its form.
 */
export function AuthFrame({ title, landmark = 'main', children }: AuthFrameProps) {
  const { t } = useTranslation('common');
  const titleId = useId();
  const region = landmark === 'main' ? { component: 'main' as const } : { role: 'dialog', 'aria-modal': true };
  return (
    <Center {...region} aria-labelledby={titleId} mih="100vh" p="xl">
      <Stack maw={460} w="100%">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} c="teal.8">
            {t('appName')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Title order={1} size="h3" id={titleId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Center>
  );
}
