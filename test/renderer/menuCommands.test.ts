import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEMO_SIZE, SECTIONS } from '../../shared/api';
import { runMenuCommand } from '../../renderer/app/useMenuCommands';

function actions() {
  return { navigate: vi.fn(), setLanguage: vi.fn(), loadDemoData: vi.fn() };
}

describe('application menu commands', () => {
  it('navigates to every section the menu offers', () => {
    const a = actions();
    for (const section of SECTIONS) runMenuCommand({ type: 'navigate', section }, a);
    expect(a.navigate.mock.calls.map(([path]) => path)).toEqual(SECTIONS.map((s) => `/${s}`));
    expect(a.setLanguage).not.toHaveBeenCalled();
  });

  it('switches the language', () => {
    const a = actions();
    runMenuCommand({ type: 'setLanguage', lang: 'kk' }, a);
    expect(a.setLanguage).toHaveBeenCalledWith('kk');
    expect(a.navigate).not.toHaveBeenCalled();
  });

  it('loads the default amount of demo data and shows the accounts list', () => {
    const a = actions();
    runMenuCommand({ type: 'loadDemoData' }, a);
    expect(a.loadDemoData).toHaveBeenCalledWith(DEFAULT_DEMO_SIZE);
    expect(a.navigate).toHaveBeenCalledWith('/accounts');
  });
});
