import { Box, Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionHolder, type SignedInUser } from '../../app/session';
import { AuthFrame } from './AuthFrame';
import { SignInForm } from './SignInForm';

/**
 * Drawn over the app while the session is locked: the app stays mounted
 * underneath (an open form keeps what was typed) but cannot be reached —
 * AuthGate makes it inert, and this screen makes every other top-level
 * element of the page inert too (Mantine's dialogs live in portals outside
 * the app's root). The same person's password unlocks; "someone else"
 * signs out, which drops the open pages.
 */
export function LockScreen({ user }: { user: SignedInUser }) {
  const { t } = useTranslation('auth');
  const session = useSessionHolder();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const made: Element[] = [];
    for (const element of Array.from(document.body.children)) {
      if (element.contains(root) || element.hasAttribute('inert')) continue;
      element.setAttribute('inert', '');
      made.push(element);
    }
    return () => {
      for (const element of made) element.removeAttribute('inert');
    };
  }, []);
  return (
    <Box ref={ref} pos="fixed" inset={0} bg="var(--mantine-color-body)" style={{ zIndex: 1000, overflowY: 'auto' }}>
      <AuthFrame title={t('lock.title')} landmark="dialog">
        <Text>{t('lock.text', { name: user.name, login: user.login })}</Text>
        <SignInForm fixedLogin={user.login} submitLabel={t('lock.submit')} />
        <Stack gap={4} align="flex-start">
          <Button variant="subtle" px={0} onClick={() => session.signOut()}>
            {t('lock.switchUser')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('lock.switchHint')}
          </Text>
        </Stack>
      </AuthFrame>
    </Box>
  );
}
