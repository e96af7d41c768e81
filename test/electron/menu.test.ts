import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import kk from '../../locales/kk/menu.json';
import ru from '../../locales/ru/menu.json';
import { aboutDialogText, buildMenuTemplate, initialMenuLanguage, menuItemId } from '../../electron/menu';
import { SECTIONS, type Language, type MenuCommand } from '../../shared/api/app-api';

type Item = MenuItemConstructorOptions;
const LOCALES = { kk, ru } as const;

function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}
function leafValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as object).flatMap(leafValues);
}
/** The shape of a template without labels and radio state: what must not differ between languages. */
function skeleton(items: Item[]): unknown {
  return items.map((item) => ({
    id: item.id,
    role: item.role,
    type: item.type,
    accelerator: item.accelerator,
    submenu: Array.isArray(item.submenu) ? skeleton(item.submenu) : undefined,
  }));
}
function build(lang: Language, isDevelopment = false) {
  const send = vi.fn<(cmd: MenuCommand) => void>();
  const showAbout = vi.fn();
  const template = buildMenuTemplate(lang, send, { isDevelopment, showAbout });
  const byId = (id: string): Item => {
    const item = flatten(template).find((i) => i.id === id);
    if (!item) throw new Error(`no menu item ${id}`);
    return item;
  };
  const click = (id: string) => (byId(id).click as () => void)();
  return { template, send, showAbout, byId, click };
}

describe('menu locale files', () => {
  it('have the same keys in kk and ru, and no empty text', () => {
    expect(keyPaths(kk).sort()).toEqual(keyPaths(ru).sort());
    for (const text of [...leafValues(kk), ...leafValues(ru)]) expect(text.trim()).not.toBe('');
  });

  it('are really translated: Kazakh text uses Kazakh letters and differs from Russian', () => {
    expect(leafValues(kk).join(' ')).toMatch(/[әғқңөұүһі]/i);
    expect(kk.sections.accounts).not.toBe(ru.sections.accounts);
    expect(kk.file.loadDemoData).not.toBe(ru.file.loadDemoData);
  });
});

describe('buildMenuTemplate', () => {
  it('has the same structure in kk and ru', () => {
    expect(skeleton(build('kk').template)).toEqual(skeleton(build('ru').template));
    expect(skeleton(build('kk', true).template)).toEqual(skeleton(build('ru', true).template));
  });

  it.each(['kk', 'ru'] as const)('takes every label from locales/%s/menu.json', (lang) => {
    const texts = new Set(leafValues(LOCALES[lang]));
    const items = flatten(build(lang, true).template).filter((item) => item.type !== 'separator');
    expect(items.length).toBeGreaterThan(20);
    for (const item of items) {
      expect(item.label, JSON.stringify({ id: item.id, role: item.role })).toBeDefined();
      expect(texts.has(item.label ?? ''), `${item.label} (${item.role ?? item.id})`).toBe(true);
    }
  });

  it('lists the 10 sections in order, each sending navigate, with Ctrl+1…9 and Ctrl+0', () => {
    const { template, click, send, byId } = build('kk');
    const sections = template.find((menu) => menu.label === kk.sections.label);
    expect((sections?.submenu as Item[]).map((item) => item.id)).toEqual(SECTIONS.map(menuItemId.section));
    SECTIONS.forEach((section, index) => {
      expect(byId(menuItemId.section(section)).label).toBe(kk.sections[section]);
      expect(byId(menuItemId.section(section)).accelerator).toBe(index === 9 ? 'CmdOrCtrl+0' : `CmdOrCtrl+${index + 1}`);
      click(menuItemId.section(section));
      expect(send).toHaveBeenLastCalledWith({ type: 'navigate', section });
    });
    expect(send).toHaveBeenCalledTimes(10);
  });

  it('offers kk and ru as radio items, the current one checked, each sending setLanguage', () => {
    const { byId, click, send } = build('ru');
    expect(byId(menuItemId.language('kk'))).toMatchObject({ type: 'radio', checked: false, label: 'Қазақша' });
    expect(byId(menuItemId.language('ru'))).toMatchObject({ type: 'radio', checked: true, label: 'Русский' });
    click(menuItemId.language('kk'));
    expect(send).toHaveBeenCalledWith({ type: 'setLanguage', lang: 'kk' });
  });

  it('sends loadDemoData and opens About', () => {
    const { click, send, showAbout } = build('kk');
    click(menuItemId.loadDemoData);
    expect(send).toHaveBeenCalledWith({ type: 'loadDemoData' });
    click(menuItemId.about);
    expect(showAbout).toHaveBeenCalledTimes(1);
  });

  it('has quit, and reload/DevTools only in development', () => {
    const roles = (isDevelopment: boolean) => flatten(build('kk', isDevelopment).template).map((item) => item.role);
    expect(roles(false)).toContain('quit');
    for (const devRole of ['reload', 'forceReload', 'toggleDevTools'] as const) {
      expect(roles(false)).not.toContain(devRole);
      expect(roles(true)).toContain(devRole);
    }
  });
});

describe('about box and initial language', () => {
  it('fills in the version in the chosen language', () => {
    expect(aboutDialogText('kk', { name: 'Esep Back-office', version: '1.2.3' })).toEqual({
      title: kk.about.title,
      message: 'Esep Back-office',
      detail: kk.about.detail.replace('{{version}}', '1.2.3'),
      close: kk.about.close,
    });
    expect(aboutDialogText('ru', { name: 'E', version: '1.2.3' }).detail).toContain('1.2.3');
  });

  it('starts in Russian on a Russian system and in Kazakh otherwise', () => {
    expect(initialMenuLanguage('ru-RU')).toBe('ru');
    expect(initialMenuLanguage('kk-KZ')).toBe('kk');
    expect(initialMenuLanguage('en-US')).toBe('kk');
  });
});
