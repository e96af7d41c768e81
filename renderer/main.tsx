import '@mantine/core/styles.css';
import './app/fonts.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { createI18n } from './i18n/i18n';
import { storedLanguage } from './i18n/language';
import { getApi } from './platform';
import { createClock, createStore, openAppDatabase, SYSTEM_ACTOR } from '../core';
import { pinnedClockParam } from './app/clockParam';
import { SessionHolder } from './app/session';

const api = getApi();
const language = storedLanguage(window.localStorage);
const i18n = createI18n(language);
document.documentElement.lang = language;
// Main may have started with another menu language; tell it the one the UI uses.
api.setLanguage(language).catch((error: unknown) => console.warn('setLanguage failed', error));

// One clock for the store and the screens; browser-mode tests may pin it with ?now=<instant>.
const clock = createClock(pinnedClockParam(window.location.search));
// Every command runs as the signed-in person; before sign-in only the first-admin setup and sign-in itself can run.
const session = new SessionHolder();
const store = createStore(openAppDatabase(), {
  now: clock.now,
  actor: () => session.user?.login ?? SYSTEM_ACTOR,
  role: () => session.user?.role ?? 'operator',
});
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App store={store} clock={clock} api={api} i18n={i18n} queryClient={createQueryClient()} session={session} />
  </StrictMode>,
);
