import { DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core';

/**
 * Colour tokens that meet WCAG 2.2 AA contrast (1.4.3: 4.5:1 for text; 1.4.11: 3:1 for controls).
 *
 * Mantine's palettes are bright: white text on a filled teal, red or orange badge reaches 2.5–3.6:1,
 * "dimmed" grey text 3.3:1, and a light badge's text (shade 9 on shade 1) 2.8–4.3:1. Shades 0–5
 * (backgrounds, borders, hovers) stay as they are; shades 6–9, used for filled surfaces under white
 * text and for text itself, are darkened until white on them reaches the contrast below. Grey 6 is
 * the "dimmed" text colour and sits on grey-1 table rows and cards too, so it goes further.
 * Yellow and lime stay bright: the theme's autoContrast puts dark text on them (luminance above
 * `contrastThreshold`), and only their text shades (8, 9) are darkened.
 */

/** Minimum contrast of white on shades 6, 7, 8 and 9. */
const whiteOn = [4.6, 5.4, 6.3, 7.3] as const;
const dimmedOnWhite = 5.2;

/**
 * Luminance above which a filled surface takes dark text (Mantine's autoContrast): white on any
 * colour at or below it reaches 4.5:1, and black on any colour above it 4.5:1.
 */
export const contrastThreshold = 0.18;

function channels(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Relative luminance (WCAG 2.x). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours (WCAG 2.x), 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour darkened in small steps (same hue) until white on it reaches `ratio`. */
function darkenUntil(hex: string, ratio: number): string {
  let rgb = channels(hex);
  let out = hex;
  while (contrast('#ffffff', out) < ratio) {
    rgb = rgb.map((c) => c * 0.97) as [number, number, number];
    out = toHex(rgb);
  }
  return out;
}

function accessible(tuple: readonly string[], minimum: readonly number[], fromShade = 6): MantineColorsTuple {
  return tuple.map((c, i) =>
    i < fromShade ? c : darkenUntil(c, minimum[i - 6]!),
  ) as unknown as MantineColorsTuple;
}

const base = DEFAULT_THEME.colors;

// The brand teal, hand-picked in the same steps (white on 6: 4.7:1; 9 on 1: 6.8:1).
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#12b886',
  '#0c8467',
  '#0b7a5f',
  '#096c54',
  '#075f4a',
];

const bright = new Set(['yellow', 'lime']);

export const colors: Record<string, MantineColorsTuple> = Object.fromEntries(
  Object.entries(base).map(([name, tuple]) => {
    if (name === 'teal') return [name, teal];
    if (name === 'dark') return [name, tuple];
    if (name === 'gray') return [name, accessible(tuple, [dimmedOnWhite, ...whiteOn.slice(1)])];
    return [name, accessible(tuple, whiteOn, bright.has(name) ? 8 : 6)];
  }),
);
