import {
  alpha,
  Badge,
  Card,
  createTheme,
  darken,
  type CSSVariablesResolver,
  localStorageColorSchemeManager,
  type MantineColorsTuple,
  type MantineTheme,
  NavLink,
  Paper,
  rem,
  Select,
  Title,
} from '@mantine/core';

/** Kassa's indigo: shade 6 on white and white on shade 6 both pass WCAG AA (5.4:1). */
const kassa: MantineColorsTuple = [
  '#eef0ff',
  '#dde0ff',
  '#babfff',
  '#959cff',
  '#7a7ffb',
  '#6366f1',
  '#5457e5',
  '#4447c8',
  '#3a3ca6',
  '#2f3185',
];

/** A cool slate for dark mode instead of Mantine's neutral greys. */
const dark: MantineColorsTuple = [
  '#d5d8de',
  '#b4b9c3',
  '#949aa7',
  '#6e7585',
  '#4a5060',
  '#363b47',
  '#2a2e38',
  '#1e2129',
  '#16181e',
  '#0f1014',
];

/** Mantine's red with a deeper shade 6, so white text on a danger button passes WCAG AA (5.2:1). */
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#ff6b6b',
  '#d1242f',
  '#c01f2a',
  '#a81b25',
  '#8f1720',
];

const fontFamily =
  "'Inter Variable', Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const theme = createTheme({
  primaryColor: 'kassa',
  primaryShade: { light: 6, dark: 6 },
  colors: { kassa, dark, red },
  fontFamily,
  fontFamilyMonospace: "ui-monospace, 'SFMono-Regular', 'JetBrains Mono', Menlo, Consolas, monospace",
  headings: {
    fontFamily,
    fontWeight: '600',
    sizes: {
      h1: { fontSize: rem(24), lineHeight: '1.25' },
      h2: { fontSize: rem(18), lineHeight: '1.35' },
      h3: { fontSize: rem(15), lineHeight: '1.4' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Card: Card.extend({ defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } }),
    Paper: Paper.extend({ defaultProps: { radius: 'md' } }),
    // Sentence case, as statuses read in prose ("Active", "Not set up").
    Badge: Badge.extend({
      defaultProps: { radius: 'sm', variant: 'light' },
      styles: { root: { textTransform: 'none', letterSpacing: 0, fontWeight: 600 } },
    }),
    NavLink: NavLink.extend({ defaultProps: { variant: 'light' } }),
    Select: Select.extend({ defaultProps: { allowDeselect: false, checkIconPosition: 'right' } }),
    Title: Title.extend({ defaultProps: { textWrap: 'balance' } }),
  },
});

/**
 * Mantine's `light` variant (tinted badges, icons, the active nav item) is a
 * near-black tint in dark mode; a translucent wash of the colour reads better
 * on the slate surfaces, with shade 2 text (above 7:1).
 */
function darkLightVariants(resolved: MantineTheme): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(resolved.colors)) {
    if (name === 'dark') continue;
    variables[`--mantine-color-${name}-light`] = alpha(shades[5], 0.16);
    variables[`--mantine-color-${name}-light-hover`] = alpha(shades[5], 0.24);
    variables[`--mantine-color-${name}-light-color`] = `var(--mantine-color-${name}-2)`;
  }
  return variables;
}

/**
 * Surfaces and text colours Mantine does not name. `--mantine-color-dimmed`
 * is darkened in light mode: Mantine's gray-6 is 3.3:1 on white, below WCAG AA.
 */
/**
 * In light mode Mantine's `light` variant puts shade 9 on shade 1, under 4.5:1
 * for teal, yellow and orange at badge size: use the palest shade behind a
 * darkened shade 9 instead.
 */
function lightLightVariants(resolved: MantineTheme): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(resolved.colors)) {
    if (name === 'dark') continue;
    variables[`--mantine-color-${name}-light`] = `var(--mantine-color-${name}-0)`;
    variables[`--mantine-color-${name}-light-hover`] = `var(--mantine-color-${name}-1)`;
    variables[`--mantine-color-${name}-light-color`] = darken(shades[9], 0.3);
  }
  return variables;
}

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    ...lightLightVariants(resolved),
    '--mantine-color-kassa-light': 'var(--mantine-color-kassa-0)',
    '--mantine-color-kassa-light-hover': 'var(--mantine-color-kassa-1)',
    '--mantine-color-kassa-light-color': 'var(--mantine-color-kassa-7)',
    '--mantine-color-dimmed': '#5d6470',
    // Mantine's gray-5 placeholder is 2:1 on white; the date pickers render it as text.
    '--mantine-color-placeholder': '#6b7280',
    '--kassa-color-canvas': '#f6f7f9',
    '--kassa-color-surface': '#ffffff',
    '--kassa-color-border': '#e3e6eb',
    '--kassa-color-nav-label': '#5d6470',
  },
  dark: {
    ...darkLightVariants(resolved),
    '--mantine-color-dimmed': 'var(--mantine-color-dark-2)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-2)',
    '--kassa-color-canvas': 'var(--mantine-color-dark-8)',
    '--kassa-color-surface': 'var(--mantine-color-dark-7)',
    '--kassa-color-border': 'var(--mantine-color-dark-5)',
    '--kassa-color-nav-label': 'var(--mantine-color-dark-2)',
  },
});

/** Must match the key read by public/color-scheme.js before the app loads. */
export const colorSchemeStorageKey = 'kassa-color-scheme';

export const colorSchemeManager = localStorageColorSchemeManager({ key: colorSchemeStorageKey });
