import '@mantine/core/styles.css';
import './app/fonts.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { createI18n } from './i18n/i18n';
import { storedLanguage } from './i18n/language';
import { getApi } from './platform';
import { createStore, openAppDatabase } from '../core';

const api = getApi();
const language = storedLanguage(window.localStorage);
const i18n = createI18n(language);
document.documentElement.lang = language;
// Main may have started with another menu language; tell it the one the UI uses.
api.setLanguage(language).catch((error: unknown) => console.warn('setLanguage failed', error));

const store = createStore(openAppDatabase());
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App store={store} api={api} i18n={i18n} queryClient={createQueryClient()} />
  </StrictMode>,
);
