import { Center, Loader, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LockScreen } from '../pages/auth/LockScreen';
import { SetupScreen } from '../pages/auth/SetupScreen';
import { SignInScreen } from '../pages/auth/SignInScreen';
import { useIdleLock } from './idleLock';
import { useSetLanguage } from './language';
import { useAppApi, useStore } from './services';
import { useSessionHolder, useSessionState, type SignedInUser } from './session';

interface AuthGateProps {
  /** After a sign-out (or "someone else" on the lock screen): the app starts over on its home route. */
  onSignedOut?: () => void;
  children: ReactNode;
}

/**
 * Between the start-up gate and the routes: nobody signed in → the first-
 * start setup (no staff user yet) or the sign-in screen; signed in → the
 * app, with the idle lock (getSecuritySettings().idleLockMinutes of no
 * input) and the lock screen drawn over it. The session is in memory only
 * (SessionHolder): a restart or a reload signs in again.
 */
export function AuthGate({ onSignedOut, children }: AuthGateProps) {
  const { t } = useTranslation('auth');
  const store = useStore();
  const { user, locked } = useSessionState();
  const hasStaff = useLiveQuery(() => store.hasStaff(), [store]);
  // Once the setup screen is up it stays until its admin is signed in, rather than
  // flashing the sign-in screen when the new staff row is seen before the session is set.
  const [firstStart, setFirstStart] = useState(false);
  if (user === null && hasStaff === false && !firstStart) setFirstStart(true);
  if (user !== null && firstStart) setFirstStart(false);

  // Signed out, the app's menu commands (AppLayout) are not there; the menu's language choice still applies.
  const api = useAppApi();
  const setLanguage = useSetLanguage();
  useEffect(() => {
    if (user !== null) return;
    return api.onMenuCommand((command) => {
      if (command.type === 'setLanguage') setLanguage(command.lang);
    });
  }, [api, setLanguage, user]);

  const signedIn = useRef(false);
  useEffect(() => {
    if (user !== null) signedIn.current = true;
    else if (signedIn.current) {
      signedIn.current = false;
      onSignedOut?.();
    }
  }, [user, onSignedOut]);

  if (user === null) {
    if (firstStart) return <SetupScreen onSetupDone={() => setFirstStart(false)} />;
    if (hasStaff === undefined) {
      return (
        <Center h="100vh">
          <Stack align="center">
            <Loader aria-label={t('loading')} />
            <Text c="dimmed">{t('loading')}</Text>
          </Stack>
        </Center>
      );
    }
    return <SignInScreen />;
  }
  return (
    <SignedIn user={user} locked={locked}>
      {children}
    </SignedIn>
  );
}

/** The app of a signed-in person: kept mounted under the lock screen, inert and hidden from assistive technology while locked. */
function SignedIn({ user, locked, children }: { user: SignedInUser; locked: boolean; children: ReactNode }) {
  const store = useStore();
  const session = useSessionHolder();
  const settings = useLiveQuery(() => store.getSecuritySettings(), [store]);
  const lock = useCallback(() => session.lock(), [session]);
  useIdleLock(settings?.idleLockMinutes ?? null, !locked, lock);
  return (
    <>
      <div inert={locked} aria-hidden={locked || undefined}>
        {children}
      </div>
      {locked && <LockScreen user={user} />}
    </>
  );
}
