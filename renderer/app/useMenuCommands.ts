import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { DEFAULT_DEMO_SIZE } from '../../shared/api';
import { useDemoDataJob } from './demoDataJob';
import { useSetLanguage } from './language';
import { sectionPath } from './navigation';
import { useAppApi } from './services';

/** Carries out the commands of the Electron application menu (none arrive in browser mode). */
export function useMenuCommands(): void {
  const api = useAppApi();
  const navigate = useNavigate();
  const setLanguage = useSetLanguage();
  const { start } = useDemoDataJob();
  useEffect(
    () =>
      api.onMenuCommand((command) => {
        switch (command.type) {
          case 'navigate':
            void navigate(sectionPath(command.section));
            return;
          case 'setLanguage':
            setLanguage(command.lang);
            return;
          case 'loadDemoData':
            void navigate(sectionPath('accounts'));
            start(DEFAULT_DEMO_SIZE);
            return;
        }
      }),
    [api, navigate, setLanguage, start],
  );
}
