import type {
  BadgeProps,
  CSSVariablesResolver,
  MantineThemeComponent,
  MantineThemeOverride,
  MenuProps,
  ModalProps,
  NotificationProps,
  NumberInputProps,
  PasswordInputProps,
  StepperProps,
  TableScrollContainerProps,
} from '@mantine/core';
import { createTheme } from '@mantine/core';
import type { TFunction } from 'i18next';
import { latinDigitsOnInput, StepNumber } from '../lib/numbers';
import { colors, contrastThreshold } from './palette';

/**
 * A component's theme entry, typed as `Component.extend(…)` types it. `extend` only returns its argument,
 * but calling it imports the component: NumberInput, Stepper, Menu (with floating-ui) and the rest would
 * then be in the first download of every page, the sign-in page included (decision 026).
 */
const extend = <Props>(input: { defaultProps?: Partial<Props>; styles?: Record<string, object> }) =>
  input as MantineThemeComponent;

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
    Badge: extend<BadgeProps>({ styles: { root: { textTransform: 'none' } } }),
    // The step arrows are small, unnamed and need a mouse; the arrow keys and typing do the same.
    // Arabic-Indic digits are accepted, typed or pasted (decision 014).
    NumberInput: extend<NumberInputProps>({
      defaultProps: { hideControls: true, onInput: latinDigitsOnInput },
    }),
    // Step numbers in the association's digits (decision 014).
    Stepper: extend<StepperProps>({ defaultProps: { icon: StepNumber } }),
    // Mantine's focus placeholder is an unnamed element inside role="menu" (which may hold only items);
    // without it the menu opens with focus on its first item, as the menu pattern has it.
    Menu: extend<MenuProps>({ defaultProps: { withInitialFocusPlaceholder: false } }),
    // A table wider than the screen scrolls sideways: its scroller takes focus, so the keyboard can too.
    TableScrollContainer: extend<TableScrollContainerProps>({
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
      PasswordInput: extend<PasswordInputProps>({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } },
      }),
      // Close buttons of notices and dialogs: a name for screen readers (Mantine gives them none; a
      // dialog that names its own keeps it).
      Notification: extend<NotificationProps>({
        defaultProps: { closeButtonProps: { 'aria-label': t('common.closeNotice') } },
      }),
      Modal: extend<ModalProps>({
        defaultProps: { closeButtonProps: { 'aria-label': t('common.closeDialog') } },
      }),
    },
  };
}

/**
 * Text colours Mantine derives from the palette. "Dimmed" (hints, dates, secondary lines) and
 * placeholders use grey 6, which palette.ts keeps at 5:1 or more on white and grey-0/1 surfaces.
 * Coloured text (`c="red"`, links) uses shade 8 rather than the filled shade 6: it also sits on
 * striped table rows and grey cards, where shade 6 would fall just under 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-6)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': `var(--mantine-color-${theme.primaryColor}-8)`,
    ...Object.fromEntries(
      Object.keys(theme.colors).map((name) => [
        `--mantine-color-${name}-text`,
        `var(--mantine-color-${name}-8)`,
      ]),
    ),
  },
  dark: {},
});
