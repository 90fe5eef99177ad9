import { describe, expect, it } from 'vitest';
import {
  activateTab,
  closeTab,
  cycleTab,
  NO_TABS,
  openTab,
  tabOfDigit,
  type TabOrder,
} from '../../../renderer/src/features/tabs/tab-order.js';

const three: TabOrder = { ids: ['a', 'b', 'c'], activeId: 'b' };

describe('connection tab order', () => {
  it('opens tabs left to right, showing the one just opened', () => {
    const opened = openTab(openTab(NO_TABS, 'a'), 'b');
    expect(opened).toEqual({ ids: ['a', 'b'], activeId: 'b' });
  });

  it('shows an already open tab in its place instead of opening it twice', () => {
    expect(openTab(three, 'a')).toEqual({ ids: ['a', 'b', 'c'], activeId: 'a' });
  });

  it('activates only open tabs', () => {
    expect(activateTab(three, 'c').activeId).toBe('c');
    expect(activateTab(three, 'zzz')).toBe(three);
  });

  it('closing the shown tab shows its right neighbour, or the left one at the end', () => {
    expect(closeTab(three, 'b')).toEqual({ ids: ['a', 'c'], activeId: 'c' });
    expect(closeTab({ ...three, activeId: 'c' }, 'c')).toEqual({ ids: ['a', 'b'], activeId: 'b' });
  });

  it('closing another tab keeps the shown one', () => {
    expect(closeTab(three, 'a')).toEqual({ ids: ['b', 'c'], activeId: 'b' });
  });

  it('closing the last tab leaves none shown, and unknown ids change nothing', () => {
    expect(closeTab({ ids: ['a'], activeId: 'a' }, 'a')).toEqual(NO_TABS);
    expect(closeTab(three, 'zzz')).toBe(three);
  });

  it('cycles forwards and backwards, wrapping around', () => {
    expect(cycleTab(three, 1).activeId).toBe('c');
    expect(cycleTab(cycleTab(three, 1), 1).activeId).toBe('a');
    expect(cycleTab(three, -1).activeId).toBe('a');
    expect(cycleTab({ ...three, activeId: 'a' }, -1).activeId).toBe('c');
    expect(cycleTab({ ids: ['a'], activeId: 'a' }, 1).activeId).toBe('a');
  });

  it('maps digits to tabs, 9 being the last one', () => {
    expect(tabOfDigit(three, 1).activeId).toBe('a');
    expect(tabOfDigit(three, 3).activeId).toBe('c');
    expect(tabOfDigit(three, 9).activeId).toBe('c');
    expect(tabOfDigit(three, 5)).toBe(three);
    expect(tabOfDigit(three, 0)).toBe(three);
  });
});
