import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { DEFAULT_DEMO_SIZE, type MenuCommand } from '../../shared/api';
import type { UiLanguage } from '../i18n/format';
import { useDemoDataJob } from './demoDataJob';
import { useSetLanguage } from './language';
import { sectionPath } from './navigation';
import { useAppApi } from './services';

export interface MenuCommandActions {
  navigate(path: string): void;
  setLanguage(language: UiLanguage): void;
  loadDemoData(accounts: number): void;
}

/** What each application-menu command does; kept apart from React so it can be tested alone. */
export function runMenuCommand(command: MenuCommand, actions: MenuCommandActions): void {
  switch (command.type) {
    case 'navigate':
      actions.navigate(sectionPath(command.section));
      return;
    case 'setLanguage':
      actions.setLanguage(command.lang);
      return;
    case 'loadDemoData':
      // The list is where the progress and then the new clients are seen.
      actions.navigate(sectionPath('accounts'));
      actions.loadDemoData(DEFAULT_DEMO_SIZE);
      return;
  }
}

/** Carries out the commands of the Electron application menu (none arrive in browser mode). */
export function useMenuCommands(): void {
  const api = useAppApi();
  const navigate = useNavigate();
  const setLanguage = useSetLanguage();
  const { start } = useDemoDataJob();
  useEffect(
    () =>
      api.onMenuCommand((command) =>
        runMenuCommand(command, { navigate: (path) => void navigate(path), setLanguage, loadDemoData: start }),
      ),
    [api, navigate, setLanguage, start],
  );
}
