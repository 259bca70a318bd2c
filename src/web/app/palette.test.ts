import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { colors, contrast, contrastThreshold, luminance } from './palette';

const white = '#ffffff';
const black = '#000000';

describe('colour tokens (WCAG 2.2 AA)', () => {
  it('keeps a known ratio: black on white is 21:1, Mantine grey 6 on white 3.3:1', () => {
    expect(contrast(black, white)).toBeCloseTo(21, 5);
    expect(contrast(DEFAULT_THEME.colors.gray[6], white)).toBeLessThan(4.5);
  });

  for (const [name, shades] of Object.entries(colors)) {
    it(`${name}: filled surfaces (shades 6–9) carry their automatic text colour at 4.5:1 or more`, () => {
      for (const shade of shades.slice(6)) {
        // Mantine's autoContrast: dark text above the luminance threshold, white below it.
        const text = luminance(shade) > contrastThreshold ? black : white;
        expect(contrast(text, shade), `${name} ${shade}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`${name}: light badges and alerts (shade 9 text on shade 0 or 1) reach 4.5:1`, () => {
      expect(contrast(shades[9], shades[1])).toBeGreaterThanOrEqual(4.5);
      expect(contrast(shades[9], shades[0])).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('the primary teal takes white text, and outlines and text in teal 6 read on white', () => {
    expect(luminance(colors.teal![6])).toBeLessThanOrEqual(contrastThreshold);
    expect(contrast(colors.teal![6], white)).toBeGreaterThanOrEqual(4.5);
  });

  it('dimmed text (grey 6) reads on white and on the grey-0 and grey-1 surfaces', () => {
    const dimmed = colors.gray![6];
    for (const surface of [white, colors.gray![0], colors.gray![1]]) {
      expect(contrast(dimmed, surface), surface).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('leaves the backgrounds (shades 0–5) as Mantine made them', () => {
    for (const [name, shades] of Object.entries(colors)) {
      expect(shades.slice(0, 5), name).toEqual(DEFAULT_THEME.colors[name]!.slice(0, 5));
    }
  });
});
