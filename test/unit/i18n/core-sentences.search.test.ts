import { describe, expect, it } from 'vitest';
import { binaryNote, truncatedNote } from '../../../electron/core/search/search.notes.js';
import { zhSentences } from './support/zh-sentences.js';

// A search's notes come from the core in English; the progress line shows them in the UI's language.

describe('a search’s notes in the UI', () => {
  it('writes what was left out and where the search stopped in Chinese', () => {
    const zh = zhSentences();
    expect(binaryNote(0)).toBeNull();
    expect(binaryNote(1)).toBe('1 binary value (not UTF-8 text) was left out of the value search.');
    expect(zh(binaryNote(1204)!)).toBe('1,204 个二进制值（非 UTF-8 文本）未参与值搜索。');
    expect(truncatedNote(500)).toBe(
      'The search stopped at 500 matches; narrow the patterns or the path to see the rest.',
    );
    expect(zh(truncatedNote(500))).toBe('搜索在 500 个匹配处停止；请缩小匹配模式或路径范围以查看其余结果。');
  });
});
