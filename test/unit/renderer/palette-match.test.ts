import { describe, expect, it } from 'vitest';
import { matchScore, rankByMatch } from '../../../renderer/src/features/palette/fuzzy-match.js';
import { completionParent, typedTarget } from '../../../renderer/src/features/palette/path-candidates.js';

const rank = (query: string, texts: string[]) => rankByMatch(texts, query, (t) => [t]).map((r) => r.item);

describe('palette matching', () => {
  it('matches case-insensitively and refuses what is not there in order', () => {
    expect(matchScore('COMP', 'Open Compare')).not.toBeNull();
    expect(matchScore('xyz', 'Open Compare')).toBeNull();
    expect(matchScore('ba', 'ab')).toBeNull();
    expect(matchScore('', 'anything')).toBe(0);
  });

  it('ranks the whole text, then a prefix, then a word start, then a substring, then a subsequence', () => {
    const texts = ['xx config yy', 'my-config', 'configuration', 'reconfig', 'c-o-n-f-i-g', 'config'];
    expect(rank('config', texts)).toEqual([
      'config',
      'configuration',
      'my-config',
      'xx config yy',
      'reconfig',
      'c-o-n-f-i-g',
    ]);
  });

  it('prefers subsequences on word starts and with fewer gaps', () => {
    expect(rank('gl', ['gently', 'go to log'])).toEqual(['go to log', 'gently']);
    expect(rank('sts', ['show shortcuts', 'settings'])[0]).toBe('settings');
    // A word-start choice that strands the rest of the query falls back to plain order.
    expect(matchScore('bc', 'abc-b')).not.toBeNull();
  });

  it('ranks earlier and shorter substrings first and keeps the given order on ties', () => {
    expect(rank('app', ['/x/y/app', '/app/config', '/app'])).toEqual(['/app', '/app/config', '/x/y/app']);
    expect(rank('a', ['/a1', '/a2', '/a3'])).toEqual(['/a1', '/a2', '/a3']);
  });

  it('completes a typed path from the level of its parent', () => {
    expect(completionParent('/app/con')).toBe('/app');
    expect(completionParent('/app/')).toBe('/app');
    expect(completionParent('/')).toBe('/');
    expect(completionParent('/ap')).toBe('/');
    expect(completionParent('open')).toBeNull();
    expect(typedTarget('/app/')).toBe('/app');
    expect(typedTarget('/')).toBe('/');
    expect(typedTarget('/a//b')).toBeNull();
    expect(typedTarget('app')).toBeNull();
  });
});
