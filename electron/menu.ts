import type { MenuItemConstructorOptions } from 'electron';
import kkMenu from '../locales/kk/menu.json';
import ruMenu from '../locales/ru/menu.json';
import { LANGUAGES, SECTIONS, type Language, type MenuCommand } from '../shared/api/app-api';

export type MenuMessages = typeof kkMenu;

// Both locale files must have exactly the same keys; the compiler checks it here, the tests check it again.
export const MENU_MESSAGES: Readonly<Record<Language, MenuMessages>> = {
  kk: kkMenu,
  ru: ruMenu satisfies MenuMessages,
};

export interface MenuOptions {
  /** Adds reload and DevTools to the View menu (unpackaged app only). */
  isDevelopment: boolean;
  /** Shows the About box; main implements it with a message box. */
  showAbout: () => void;
}

/** Stable ids of menu items, for tests and for `Menu.getMenuItemById`. */
export const menuItemId = {
  section: (section: string) => `navigate:${section}`,
  language: (lang: Language) => `language:${lang}`,
  loadDemoData: 'file:loadDemoData',
  about: 'help:about',
} as const;

/**
 * The application menu as a plain template (main passes it to
 * `Menu.buildFromTemplate`). Items that concern the UI do not act in main:
 * they send a MenuCommand to the renderer, which owns navigation, the
 * language setting and the store. Every label comes from locales/<lang>/menu.json,
 * including those of role items, whose built-in labels would be English.
 */
export function buildMenuTemplate(lang: Language, send: (cmd: MenuCommand) => void, options: MenuOptions): MenuItemConstructorOptions[] {
  const m = MENU_MESSAGES[lang];
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions = {
    label: m.file.label,
    submenu: [
      { id: menuItemId.loadDemoData, label: m.file.loadDemoData, click: () => send({ type: 'loadDemoData' }) },
      separator,
      { role: 'quit', label: m.file.quit },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: m.edit.label,
    submenu: [
      { role: 'undo', label: m.edit.undo },
      { role: 'redo', label: m.edit.redo },
      separator,
      { role: 'cut', label: m.edit.cut },
      { role: 'copy', label: m.edit.copy },
      { role: 'paste', label: m.edit.paste },
      { role: 'selectAll', label: m.edit.selectAll },
    ],
  };

  const developmentItems: MenuItemConstructorOptions[] = options.isDevelopment
    ? [
        separator,
        { role: 'reload', label: m.view.reload },
        { role: 'forceReload', label: m.view.forceReload },
        { role: 'toggleDevTools', label: m.view.toggleDevTools },
      ]
    : [];

  const view: MenuItemConstructorOptions = {
    label: m.view.label,
    submenu: [
      { role: 'resetZoom', label: m.view.resetZoom },
      { role: 'zoomIn', label: m.view.zoomIn },
      { role: 'zoomOut', label: m.view.zoomOut },
      separator,
      { role: 'togglefullscreen', label: m.view.toggleFullScreen },
      ...developmentItems,
    ],
  };

  const sections: MenuItemConstructorOptions = {
    label: m.sections.label,
    submenu: SECTIONS.map((section, index) => ({
      id: menuItemId.section(section),
      label: m.sections[section],
      accelerator: sectionAccelerator(index),
      click: () => send({ type: 'navigate', section }),
    })),
  };

  const language: MenuItemConstructorOptions = {
    label: m.language.label,
    submenu: LANGUAGES.map((code) => ({
      id: menuItemId.language(code),
      type: 'radio' as const,
      label: m.language[code],
      checked: code === lang,
      click: () => send({ type: 'setLanguage', lang: code }),
    })),
  };

  const help: MenuItemConstructorOptions = {
    label: m.help.label,
    submenu: [{ id: menuItemId.about, label: m.help.about, click: () => options.showAbout() }],
  };

  return [file, edit, view, sections, language, help];
}

/** The text of the About box, localized. */
export function aboutDialogText(lang: Language, info: { name: string; version: string }): { title: string; message: string; detail: string; close: string } {
  const m = MENU_MESSAGES[lang].about;
  return { title: m.title, message: info.name, detail: m.detail.replaceAll('{{version}}', info.version), close: m.close };
}

/**
 * The menu language before the renderer reports the user's choice: Russian
 * on a Russian system, Kazakh otherwise (the state language comes first).
 */
export function initialMenuLanguage(systemLocale: string): Language {
  return systemLocale.toLowerCase().startsWith('ru') ? 'ru' : 'kk';
}

/** Ctrl+1 … Ctrl+9 for the first nine sections and Ctrl+0 for the tenth, as browsers number their tabs; later ones have none. */
export function sectionAccelerator(index: number): string | undefined {
  if (index < 9) return `CmdOrCtrl+${index + 1}`;
  return index === 9 ? 'CmdOrCtrl+0' : undefined;
}
