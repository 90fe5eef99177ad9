import { describe, expect, it } from 'vitest';
import {
  buildCommands,
  commandForShortcut,
  type CommandActions,
  type CommandContext,
} from '../../../renderer/src/features/palette/commands.js';
import {
  flatItems,
  paletteSections,
  type PaletteCandidate,
} from '../../../renderer/src/features/palette/palette-items.js';
import {
  MAX_RECENT_NODES,
  parseRecentNodes,
  withRecentNode,
} from '../../../renderer/src/features/palette/recent-nodes.js';
import {
  isMacPlatform,
  matchesShortcut,
  sameShortcut,
  type KeyPress,
} from '../../../renderer/src/features/palette/shortcut.js';
import { VIEW_SHORTCUTS } from '../../../renderer/src/features/palette/view-shortcuts.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

/** Actions that record what was asked of them. */
function recordingActions(): { actions: CommandActions; calls: string[] } {
  const calls: string[] = [];
  const actions: CommandActions = {
    togglePalette: () => calls.push('palette'),
    showShortcuts: () => calls.push('shortcuts'),
    openSettings: () => calls.push('settings'),
    openTab: (tab) => calls.push(`tab ${tab}`),
    connect: (id) => calls.push(`connect ${id}`),
    compareAgain: () => calls.push('compare again'),
  };
  return { actions, calls };
}

const profiles = [
  { id: 'p1', name: 'zk dev', endpoints: ['127.0.0.1:2181'] },
  { id: 'p2', name: 'zk prod', endpoints: ['10.0.0.1:2181', '10.0.0.2:2181'] },
];

function context(overrides: Partial<CommandContext> = {}): CommandContext & { calls: string[] } {
  const { actions, calls } = recordingActions();
  return {
    tabs: ['browser', 'watch', 'compare', 'search', 'audit'],
    profiles,
    activeProfileId: 'p1',
    lastCompare: null,
    actions,
    calls,
    ...overrides,
  };
}

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('the command registry', () => {
  it('offers exactly the available tabs, in order, with Alt+1… and runs them', () => {
    const ctx = context();
    const tabs = buildCommands(ctx).filter((c) => c.group === 'tabs');
    expect(tabs.map((c) => c.id)).toEqual([
      'tab:browser',
      'tab:watch',
      'tab:compare',
      'tab:search',
      'tab:audit',
    ]);
    expect(tabs.map((c) => c.shortcut)).toEqual([1, 2, 3, 4, 5].map((n) => ({ key: String(n), alt: true })));
    tabs[2]!.run();
    expect(ctx.calls).toEqual(['tab compare']);
    const fewer = buildCommands(context({ tabs: ['browser', 'compare', 'search', 'audit'] }));
    expect(fewer.some((c) => c.id === 'tab:watch')).toBe(false);
  });

  it('switches to the other saved connections, or connects when none is open', () => {
    const ctx = context();
    const connections = buildCommands(ctx).filter((c) => c.group === 'connections');
    expect(connections.map((c) => [c.id, c.titleKey, c.titleArgs, c.detail])).toEqual([
      ['connection:p2', 'command.switchTo', { name: 'zk prod' }, '10.0.0.1:2181, 10.0.0.2:2181'],
    ]);
    connections[0]!.run();
    expect(ctx.calls).toEqual(['connect p2']);
    const none = buildCommands(context({ activeProfileId: null })).filter((c) => c.group === 'connections');
    expect(none.map((c) => c.titleKey)).toEqual(['command.connect', 'command.connect']);
  });

  it('offers the last compare again only once there was one', () => {
    expect(buildCommands(context()).some((c) => c.id === 'compare-again')).toBe(false);
    const ctx = context({ lastCompare: 'zk dev:/app ↔ zk prod:/app' });
    const again = buildCommands(ctx).find((c) => c.id === 'compare-again');
    expect(again?.detail).toBe('zk dev:/app ↔ zk prod:/app');
    again?.run();
    expect(ctx.calls).toEqual(['compare again']);
  });

  it('gives every shortcut to one command only, and none to a key the views already use', () => {
    const commands = buildCommands(context({ lastCompare: 'x' }));
    const shortcuts = commands.flatMap((c) => (c.shortcut ? [c.shortcut] : []));
    const viewKeys = VIEW_SHORTCUTS.flatMap((v) => v.keys);
    shortcuts.forEach((a, i) => {
      expect(shortcuts.filter((b) => sameShortcut(a, b))).toHaveLength(1);
      expect(
        viewKeys.some((b) => sameShortcut(a, b)),
        JSON.stringify(a),
      ).toBe(false);
      expect(shortcuts.indexOf(a)).toBe(i);
    });
    expect(commands.find((c) => c.id === 'palette')).toMatchObject({ whileTyping: true, sheetOnly: true });
  });

  it('has a title in both languages for every command and view shortcut', () => {
    const commands = buildCommands(context({ lastCompare: 'x' }));
    for (const language of ['en', 'zh-CN'] as const) {
      const i18n = createI18n(language);
      for (const command of [...commands, ...VIEW_SHORTCUTS]) {
        const key = `palette:${command.titleKey}`;
        expect(i18n.exists(key), `${language} ${key}`).toBe(true);
      }
    }
    const zh = createI18n('zh-CN');
    expect(zh.t('palette:command.switchTo', { name: 'zk prod' })).toBe('切换到 zk prod');
  });

  it('finds the command of a key press: Ctrl on Linux and Windows, ⌘ on macOS, digits by their key', () => {
    const commands = buildCommands(context());
    const find = (p: KeyPress, mac: boolean) =>
      commandForShortcut(commands, (s) => matchesShortcut(p, s, mac))?.id ?? null;
    expect(find(press('k', 'KeyK', { ctrlKey: true }), false)).toBe('palette');
    expect(find(press('k', 'KeyK', { metaKey: true }), true)).toBe('palette');
    expect(find(press('k', 'KeyK', { metaKey: true }), false)).toBeNull();
    expect(find(press('k', 'KeyK', { ctrlKey: true }), true)).toBeNull();
    expect(find(press('л', 'KeyK', { ctrlKey: true }), false)).toBe('palette');
    expect(find(press('?', 'Slash'), false)).toBe('shortcuts');
    expect(find(press('¡', 'Digit1', { altKey: true }), true)).toBe('tab:browser');
    expect(find(press('1', 'Digit1'), false)).toBeNull();
    expect(find(press(',', 'Comma', { ctrlKey: true }), false)).toBe('settings');
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
    expect(isMacPlatform('Win32')).toBe(false);
  });
});

describe('the palette list', () => {
  const item = (
    id: string,
    group: PaletteCandidate['group'],
    label: string,
    extra = {},
  ): PaletteCandidate => ({
    id,
    group,
    label,
    run: () => undefined,
    ...extra,
  });
  const candidates = [
    item('tab:browser', 'tabs', 'Open the Browser'),
    item('tab:compare', 'tabs', 'Open Compare'),
    item('connection:p2', 'connections', 'Switch to zk prod', { texts: ['zk prod'] }),
    item('compare-again', 'compare', 'Run the last compare again'),
    item('settings', 'app', 'Open settings'),
    item('recent:p1:/app/db', 'recent', '/app/db'),
  ];

  it('lists every group in the fixed order for an empty query', () => {
    const sections = paletteSections('', candidates);
    expect(sections.map((s) => s.group)).toEqual(['recent', 'tabs', 'connections', 'compare', 'app']);
  });

  it('puts the group with the best match first and leaves out what does not match', () => {
    const sections = paletteSections('compare', candidates);
    expect(sections.map((s) => s.group)).toEqual(['tabs', 'compare']);
    expect(flatItems(sections).map((i) => i.id)).toEqual(['tab:compare', 'compare-again']);
    expect(flatItems(paletteSections('prod', candidates)).map((i) => i.id)).toEqual(['connection:p2']);
  });

  it('lists a recent node before a loaded path that matches as well', () => {
    const both = [item('path:/app/db2', 'paths', '/app/db2'), item('recent:p1:/app/db', 'recent', '/app/db')];
    expect(paletteSections('/app/db', both).map((s) => s.group)).toEqual(['recent', 'paths']);
    expect(flatItems(paletteSections('db2', both)).map((i) => i.id)).toEqual(['path:/app/db2']);
  });

  it('keeps a fallback at the end of its group, and cuts long path groups', () => {
    const paths = Array.from({ length: 20 }, (_, i) => item(`path:/app/n${i}`, 'paths', `/app/n${i}`));
    const goTo = item('path:/app/n', 'paths', 'Go to /app/n', { fallback: true });
    const sections = paletteSections('/app/n', [goTo, ...paths]);
    expect(sections).toHaveLength(1);
    expect(sections[0]!.items).toHaveLength(9);
    expect(sections[0]!.items.at(-1)!.id).toBe('path:/app/n');
    expect(flatItems(paletteSections('/nothing', [goTo])).map((i) => i.id)).toEqual(['path:/app/n']);
  });
});

describe('recent nodes', () => {
  it('keeps the last opened first, once, per connection, without the root, at most a few', () => {
    let recent = withRecentNode({}, 'p1', '/a');
    recent = withRecentNode(recent, 'p1', '/b');
    recent = withRecentNode(recent, 'p2', '/x');
    recent = withRecentNode(recent, 'p1', '/a');
    recent = withRecentNode(recent, 'p1', '/');
    expect(recent).toEqual({ p1: ['/a', '/b'], p2: ['/x'] });
    expect(withRecentNode(recent, 'p1', '/a')).toBe(recent);
    for (let i = 0; i < 20; i++) recent = withRecentNode(recent, 'p1', `/n${i}`);
    expect(recent.p1).toHaveLength(MAX_RECENT_NODES);
    expect(recent.p1![0]).toBe('/n19');
  });

  it('reads back what it stored and nothing else', () => {
    const recent = { p1: ['/a', '/b'] };
    expect(parseRecentNodes(JSON.stringify(recent))).toEqual(recent);
    expect(parseRecentNodes(null)).toEqual({});
    expect(parseRecentNodes('not json')).toEqual({});
    expect(parseRecentNodes('[1,2]')).toEqual({});
    expect(parseRecentNodes(JSON.stringify({ p1: ['/a', 3, 'relative'], p2: 'x' }))).toEqual({ p1: ['/a'] });
  });
});
