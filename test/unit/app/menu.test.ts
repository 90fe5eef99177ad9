import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutDetail, showAboutDialog } from '../../../electron/app/about.dialog.js';
import { buildMenuTemplate, installApplicationMenu } from '../../../electron/app/menu.js';
import { electronFake } from './fakes/electron.fake.js';

vi.mock('electron', async () => (await import('./fakes/electron.fake.js')).createElectronFake());

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || item.role === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

describe('application menu', () => {
  const base = {
    appName: 'ConfigDeck',
    isMac: false,
    isPackaged: false,
    onAbout: () => undefined,
    onNewWindow: () => undefined,
  };

  it('has File, Edit, View, Window and Help menus', () => {
    expect(buildMenuTemplate(base).map((item) => item.label ?? item.role)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'help',
    ]);
  });

  it('offers the clipboard roles Monaco needs in Edit and Quit in File', () => {
    const template = buildMenuTemplate(base);
    expect(roles(submenu(template, 'Edit'))).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    expect(roles(submenu(template, 'File'))).toEqual(['quit']);
  });

  it('opens a new window from File with Ctrl+Shift+N (Cmd+Shift+N on macOS)', () => {
    const onNewWindow = vi.fn();
    for (const isMac of [false, true]) {
      const item = submenu(buildMenuTemplate({ ...base, isMac, onNewWindow }), 'File')[0];
      expect(item?.label).toBe('New Window');
      expect(item?.accelerator).toBe('CmdOrCtrl+Shift+N');
      (item?.click as () => void)();
    }
    expect(onNewWindow).toHaveBeenCalledTimes(2);
  });

  it('offers DevTools only in development builds', () => {
    expect(roles(submenu(buildMenuTemplate(base), 'View'))).toContain('toggleDevTools');
    const packaged = roles(submenu(buildMenuTemplate({ ...base, isPackaged: true }), 'View'));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).toEqual(expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut']));
  });

  it('opens the About box from Help', () => {
    const onAbout = vi.fn();
    const about = submenu(buildMenuTemplate({ ...base, onAbout }), 'help')[0];
    expect(about?.label).toBe('About ConfigDeck');
    (about?.click as () => void)();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('adds the macOS app menu with About and Quit', () => {
    const template = buildMenuTemplate({ ...base, isMac: true });
    expect(template[0]?.label).toBe('ConfigDeck');
    expect(roles(submenu(template, 'ConfigDeck'))).toContain('quit');
    expect(roles(submenu(template, 'File'))).toEqual(['close']);
  });

  it('installs the menu as the application menu', async () => {
    const electron = await electronFake();
    installApplicationMenu(base);
    expect(electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(1);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(
      electron.Menu.buildFromTemplate.mock.results[0]?.value,
    );
  });
});

describe('About box', () => {
  const info = { appName: 'ConfigDeck', version: '0.1.0', dataDir: '/home/op/.config/configdeck' };

  it('names the version, the runtimes and the data directory', () => {
    const detail = aboutDetail(info, { ...process.versions, electron: '41.0.0', chrome: '140.0' });
    expect(detail).toContain('Version 0.1.0');
    expect(detail).toContain('Electron 41.0.0');
    expect(detail).toContain('/home/op/.config/configdeck');
  });

  it('is shown as an info message box', async () => {
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) };
    await showAboutDialog(dialog as never, info, null);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'info', message: 'ConfigDeck' }),
    );
  });
});
