import { createTheme } from '@mantine/core';

/** Noto Sans is bundled (no network): it covers Kazakh Cyrillic (ә, ғ, қ, ң, ө, ұ, ү, һ, і) and the tenge sign ₸. */
const FONT_STACK = "'Noto Sans', system-ui, sans-serif";

export const theme = createTheme({
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '600' },
  primaryColor: 'teal',
  defaultRadius: 'sm',
});
