import { describe, expect, it } from 'vitest';
import { ciede2000, colourDistance, composite, contrastRatio, parseHex } from './color-math.js';

const rgb = (hex: string) => composite(hex, '#000000');

describe('contrast ratio (WCAG 2.x)', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio(rgb('#000000'), rgb('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(rgb('#4c8dff'), rgb('#4c8dff'))).toBeCloseTo(1, 5);
  });

  it('matches known values on either side of AA', () => {
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    expect(contrastRatio(rgb('#767676'), rgb('#ffffff'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rgb('#777777'), rgb('#ffffff'))).toBeLessThan(4.5);
  });

  it('composites a translucent colour over its backdrop', () => {
    expect(composite('#ffffff80', '#000000').r).toBeCloseTo(128, 0);
    expect(parseHex('#0008').a).toBeCloseTo(0x88 / 255, 5);
  });
});

describe('CIEDE2000', () => {
  // Pairs 1, 2, 3, 8 and 17 of the reference data of Sharma, Wu & Dalal (2005).
  it.each([
    [{ L: 50, a: 2.6772, b: -79.7751 }, { L: 50, a: 0, b: -82.7485 }, 2.0425],
    [{ L: 50, a: 3.1571, b: -77.2803 }, { L: 50, a: 0, b: -82.7485 }, 2.8615],
    [{ L: 50, a: 2.8361, b: -74.02 }, { L: 50, a: 0, b: -82.7485 }, 3.4412],
    [{ L: 50, a: 2.5, b: 0 }, { L: 50, a: 0, b: -2.5 }, 4.3065],
    [{ L: 50, a: 2.5, b: 0 }, { L: 73, a: 25, b: -18 }, 27.1492],
  ])('%o against %o is %f', (first, second, expected) => {
    expect(ciede2000(first, second)).toBeCloseTo(expected, 4);
  });

  it('tells a red from a blue far more than a red from a slightly other red', () => {
    expect(colourDistance('#e5242b', '#4c8dff')).toBeGreaterThan(40);
    expect(colourDistance('#e5242b', '#e5484d')).toBeLessThan(10);
  });
});
