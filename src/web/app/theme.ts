import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  type MantineThemeOverride,
  Menu,
  NumberInput,
  PasswordInput,
  TableScrollContainer,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { colors, contrastThreshold } from './palette';

const fontFamily = "'IBM Plex Sans Arabic', system-ui, -apple-system, 'Segoe UI', Tahoma, sans-serif";

const base = createTheme({
  fontFamily,
  headings: { fontFamily, fontWeight: '600' },
  // WCAG 2.2 AA colour tokens (palette.ts); autoContrast puts dark text on the bright colours left.
  colors,
  autoContrast: true,
  luminanceThreshold: contrastThreshold,
  primaryColor: 'teal',
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  // Someone who asked their system for less motion gets no sliding drawers or fading menus.
  respectReducedMotion: true,
  components: {
    // Upper-casing means nothing in Arabic and shouts in English.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
    // The step arrows are small, unnamed and need a mouse; the arrow keys and typing do the same.
    NumberInput: NumberInput.extend({ defaultProps: { hideControls: true } }),
    // Mantine's focus placeholder is an unnamed element inside role="menu" (which may hold only items);
    // without it the menu opens with focus on its first item, as the menu pattern has it.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    // A table wider than the screen scrolls sideways: its scroller takes focus, so the keyboard can too.
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
});

/** The theme in the interface's language: the texts Mantine would otherwise say in English. */
export function createAppTheme(t: TFunction): MantineThemeOverride {
  return {
    ...base,
    components: {
      ...base.components,
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } },
      }),
    },
  };
}

/**
 * Text colours Mantine derives from the palette: "dimmed" (hints, dates, secondary lines) and
 * placeholders use grey 6, which palette.ts keeps at 5:1 or more on white and grey-0/1 surfaces.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-6)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
