import { Badge, createTheme } from '@mantine/core';

const fontFamily = "'IBM Plex Sans Arabic', system-ui, -apple-system, 'Segoe UI', Tahoma, sans-serif";

export const theme = createTheme({
  fontFamily,
  headings: { fontFamily, fontWeight: '600' },
  primaryColor: 'teal',
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // Upper-casing means nothing in Arabic and shouts in English.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
});
