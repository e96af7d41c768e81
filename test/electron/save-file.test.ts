import path from 'node:path';
import os from 'node:os';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveFile, filtersFor, writeFileAtomically, type SaveDialogOptions } from '../../electron/save-file';

describe('createSaveFile', () => {
  const window = { id: 1 };
  function setUp(choice: { canceled: boolean; filePath?: string }) {
    const showSaveDialog = vi.fn((_w: typeof window, _o: SaveDialogOptions) => Promise.resolve(choice));
    const write = vi.fn((_p: string, _d: string | Uint8Array) => Promise.resolve());
    const saveFile = createSaveFile({ showSaveDialog, writeFile: write, defaultDirectory: () => '/home/a/Documents' });
    return { showSaveDialog, write, saveFile };
  }

  it('asks where to save, parented to the calling window, then writes there', async () => {
    const { showSaveDialog, write, saveFile } = setUp({ canceled: false, filePath: '/home/a/Desktop/есеп.pdf' });
    const data = new Uint8Array([37, 80, 68, 70]);
    await expect(saveFile({ suggestedName: 'есеп.pdf', mimeType: 'application/pdf', data }, window)).resolves.toEqual({
      saved: true,
      path: '/home/a/Desktop/есеп.pdf',
    });
    expect(showSaveDialog).toHaveBeenCalledWith(window, {
      defaultPath: path.join('/home/a/Documents', 'есеп.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(write).toHaveBeenCalledWith('/home/a/Desktop/есеп.pdf', data);
  });

  it('writes nothing when the user cancels', async () => {
    for (const choice of [{ canceled: true }, { canceled: false, filePath: '' }, { canceled: true, filePath: '/x.pdf' }]) {
      const { write, saveFile } = setUp(choice);
      await expect(saveFile({ suggestedName: 'a.pdf', mimeType: 'application/pdf', data: 'x' }, window)).resolves.toEqual({ saved: false });
      expect(write).not.toHaveBeenCalled();
    }
  });

  it('keeps only the base name of the suggestion as the default path', async () => {
    const { showSaveDialog, saveFile } = setUp({ canceled: true });
    await saveFile({ suggestedName: '../../etc/cron.d/evil.csv', mimeType: 'text/csv', data: '' }, window);
    expect(showSaveDialog.mock.calls[0]?.[1].defaultPath).toBe(path.join('/home/a/Documents', 'evil.csv'));
  });
});

describe('filtersFor', () => {
  it('derives the filter from the MIME type, else from the name', () => {
    expect(filtersFor('text/csv; charset=utf-8', 'x')).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
    expect(filtersFor('application/octet-stream', 'backup.esep')).toEqual([{ name: 'ESEP', extensions: ['esep'] }]);
    expect(filtersFor('application/octet-stream', 'noextension')).toEqual([]);
  });
});

describe('writeFileAtomically', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'esep-save-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes text as UTF-8 and bytes as they are, leaving no temporary file', async () => {
    await writeFileAtomically(path.join(dir, 'a.csv'), '\uFEFFАты;Сомасы\nҚайрат;1 500,00 ₸\n');
    await writeFileAtomically(path.join(dir, 'b.bin'), new Uint8Array([0, 1, 2, 255]));
    expect(await readFile(path.join(dir, 'a.csv'), 'utf8')).toBe('\uFEFFАты;Сомасы\nҚайрат;1 500,00 ₸\n');
    expect([...(await readFile(path.join(dir, 'b.bin')))]).toEqual([0, 1, 2, 255]);
    expect((await readdir(dir)).sort()).toEqual(['a.csv', 'b.bin']);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'backup.json');
    await writeFile(target, 'old contents that are longer than the new ones');
    await writeFileAtomically(target, '{}');
    expect(await readFile(target, 'utf8')).toBe('{}');
  });

  it('leaves the previous file and no temporary behind when the write fails', async () => {
    const target = path.join(dir, 'missing-folder', 'x.json');
    await expect(writeFileAtomically(target, '{}')).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
