/**
 * Chart colours for Mantine's light and dark schemes. ECharts draws on a
 * canvas, so CSS variables do not reach it: the values mirror app/theme.ts.
 */
export interface ChartPalette {
  text: string;
  dimmed: string;
  axisLine: string;
  splitLine: string;
  tooltipBackground: string;
  tooltipBorder: string;
  /** This period's bars. */
  primary: string;
  primaryEmphasis: string;
  /** The previous period: quiet, behind the bars. */
  previous: string;
  /** Decline reasons. */
  danger: string;
  dangerEmphasis: string;
  /** The track behind ranked bars. */
  track: string;
  fontFamily: string;
}

const fontFamily = "'Inter Variable', Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export const lightPalette: ChartPalette = {
  text: '#1f2329',
  dimmed: '#5d6470',
  axisLine: '#e3e6eb',
  splitLine: '#eef0f3',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#e3e6eb',
  primary: '#6366f1',
  primaryEmphasis: '#4447c8',
  previous: '#a3aab6',
  danger: '#e5484d',
  dangerEmphasis: '#c01f2a',
  track: '#f1f3f6',
  fontFamily,
};

export const darkPalette: ChartPalette = {
  text: '#d5d8de',
  dimmed: '#a3a9b6',
  axisLine: '#363b47',
  splitLine: '#2a2e38',
  tooltipBackground: '#1e2129',
  tooltipBorder: '#4a5060',
  primary: '#7a7ffb',
  primaryEmphasis: '#a5a9ff',
  previous: '#6e7585',
  danger: '#f2555a',
  dangerEmphasis: '#ff8787',
  track: '#262a33',
  fontFamily,
};

export function chartPalette(scheme: 'light' | 'dark'): ChartPalette {
  return scheme === 'dark' ? darkPalette : lightPalette;
}
