/**
 * ECharts options for the overview's charts, built from plain data and
 * already-formatted text: pure functions, testable without a canvas.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartPalette } from './chart-theme';

/** Tooltips are HTML: names from the API (project names) are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function tooltipBase(palette: ChartPalette) {
  return {
    backgroundColor: palette.tooltipBackground,
    borderColor: palette.tooltipBorder,
    borderWidth: 1,
    padding: [8, 12],
    textStyle: { color: palette.text, fontFamily: palette.fontFamily, fontSize: 12 },
    extraCssText: 'box-shadow: 0 4px 16px rgba(0,0,0,0.12); border-radius: 8px;',
    confine: true,
  };
}

function swatch(color: string, dashed = false): string {
  const style = dashed
    ? `border-top: 2px dashed ${color}; width: 10px; height: 0; margin-bottom: 3px;`
    : `background: ${color}; width: 8px; height: 8px; border-radius: 2px;`;
  return `<span style="display:inline-block;${style}margin-right:6px"></span>`;
}

function tooltipRow(left: string, right: string, palette: ChartPalette, strong = false): string {
  const weight = strong ? 600 : 400;
  return `<div style="display:flex;justify-content:space-between;gap:16px;align-items:center;line-height:20px"><span style="color:${palette.dimmed}">${left}</span><span style="font-weight:${weight};color:${palette.text};font-variant-numeric:tabular-nums">${right}</span></div>`;
}

export interface SeriesPoint {
  /** On the axis: "Mar 2". */
  axisLabel: string;
  /** In the tooltip: "Mon, Mar 2, 2026". */
  title: string;
  /** Minor units. */
  amount: number;
  amountText: string;
  countText: string;
  /** The bucket at the same place in the previous period, if there is one. */
  previousAmount: number | null;
  previousTitle: string | null;
  previousAmountText: string | null;
  /** "+12.3 %", null without a comparison. */
  changeText: string | null;
}

export interface TurnoverChartText {
  current: string;
  previous: string;
  change: string;
  /** An axis value (minor units) as compact money: "€1.2M". */
  axisAmount: (amountMinor: number) => string;
}

/** The turnover series: this period as bars (clickable), the previous one as a faded dashed line. */
export function turnoverChartOption(points: readonly SeriesPoint[], text: TurnoverChartText, palette: ChartPalette, animate: boolean): EChartsCoreOption {
  const hasPrevious = points.some((point) => point.previousAmount !== null);
  return {
    animation: animate,
    // The first draw is immediate (the page's first render is measured at it); later changes ease.
    animationDuration: 0,
    animationDurationUpdate: animate ? 300 : 0,
    textStyle: { fontFamily: palette.fontFamily },
    grid: { left: 4, right: 12, top: 12, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      ...tooltipBase(palette),
      trigger: 'axis',
      // Behind the bars (z below the series'), so the hovered bar keeps its emphasis colour.
      axisPointer: { type: 'shadow', z: 1, shadowStyle: { color: palette.splitLine, opacity: 0.6 } },
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex?: number } | undefined) : (params as { dataIndex?: number });
        const point = points[first?.dataIndex ?? -1];
        if (point === undefined) return '';
        const rows = [
          `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(point.title)}</div>`,
          tooltipRow(`${swatch(palette.primary)}${escapeHtml(text.current)}`, escapeHtml(point.amountText), palette, true),
          tooltipRow('', escapeHtml(point.countText), palette),
        ];
        if (point.previousAmountText !== null && point.previousTitle !== null) {
          rows.push(tooltipRow(`${swatch(palette.previous, true)}${escapeHtml(point.previousTitle)}`, escapeHtml(point.previousAmountText), palette));
        }
        if (point.changeText !== null) rows.push(tooltipRow(escapeHtml(text.change), escapeHtml(point.changeText), palette));
        return rows.join('');
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((point) => point.axisLabel),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.axisLine } },
      axisLabel: { color: palette.dimmed, fontSize: 11, hideOverlap: true, margin: 10 },
    },
    yAxis: {
      type: 'value',
      splitNumber: 4,
      splitLine: { lineStyle: { color: palette.splitLine } },
      axisLabel: { color: palette.dimmed, fontSize: 11, formatter: (value: number) => text.axisAmount(Math.round(value)) },
    },
    series: [
      {
        name: text.current,
        type: 'bar',
        data: points.map((point) => point.amount),
        barMaxWidth: 32,
        barCategoryGap: '28%',
        cursor: 'pointer',
        itemStyle: { color: palette.primary, borderRadius: [3, 3, 0, 0] },
        emphasis: { itemStyle: { color: palette.primaryEmphasis } },
        z: 2,
      },
      ...(hasPrevious
        ? [
            {
              name: text.previous,
              type: 'line',
              data: points.map((point) => point.previousAmount),
              symbol: 'none',
              smooth: 0.2,
              silent: true,
              connectNulls: false,
              lineStyle: { color: palette.previous, width: 1.5, type: [4, 4], opacity: 0.9 },
              itemStyle: { color: palette.previous },
              emphasis: { disabled: true },
              z: 3,
            },
          ]
        : []),
    ],
  };
}

export interface BreakdownBar {
  label: string;
  /** What the bar's length is: minor units or a count. */
  value: number;
  /** Beside the bar: "€12,345.00". */
  valueText: string;
  /** In the tooltip under the value: "142 payments · 23.4 % of turnover". */
  detail: string;
  /** Whether a click opens a list (a "none" value mostly does not: the lists cannot filter for it). */
  clickable: boolean;
}

/** Rows of a ranked breakdown, in pixels: the chart grows with its rows. */
export const breakdownRowHeightPx = 30;

export function breakdownChartHeight(rows: number): number {
  return Math.max(1, rows) * breakdownRowHeightPx + 4;
}

/** A ranked breakdown: horizontal bars on a track, names on the left, values in a column on the right. */
export function breakdownChartOption(
  bars: readonly BreakdownBar[],
  palette: ChartPalette,
  tone: 'primary' | 'danger',
  animate: boolean,
  hint: string | null,
  labelWidthPx = 120,
): EChartsCoreOption {
  const color = tone === 'danger' ? palette.danger : palette.primary;
  const emphasis = tone === 'danger' ? palette.dangerEmphasis : palette.primaryEmphasis;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return {
    animation: animate,
    animationDuration: 0,
    animationDurationUpdate: animate ? 300 : 0,
    textStyle: { fontFamily: palette.fontFamily },
    grid: { left: 0, right: 0, top: 2, bottom: 2, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      ...tooltipBase(palette),
      trigger: 'item',
      formatter: (params: unknown) => {
        const bar = bars[(params as { dataIndex?: number }).dataIndex ?? -1];
        if (bar === undefined) return '';
        const footer = !bar.clickable && hint !== null ? `<div style="margin-top:4px;color:${palette.dimmed};font-size:11px">${escapeHtml(hint)}</div>` : '';
        return `<div style="font-weight:600;margin-bottom:2px">${escapeHtml(bar.label)}</div>${tooltipRow(escapeHtml(bar.detail), escapeHtml(bar.valueText), palette, true)}${footer}`;
      },
    },
    xAxis: { type: 'value', show: false, max },
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: bars.map((bar) => bar.label),
        axisTick: { show: false },
        axisLine: { show: false },
        // Every row's name and value: the axis would otherwise drop labels it thinks crowded.
        axisLabel: { color: palette.text, fontSize: 12, width: labelWidthPx, overflow: 'truncate', margin: 12, interval: 0 },
      },
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: bars.map((bar) => bar.valueText),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: palette.dimmed, fontSize: 12, margin: 12, interval: 0 },
      },
    ],
    series: [
      {
        type: 'bar',
        data: bars.map((bar) => ({ value: bar.value, cursor: bar.clickable ? 'pointer' : 'default' })),
        barWidth: 12,
        showBackground: true,
        backgroundStyle: { color: palette.track, borderRadius: 6 },
        itemStyle: { color, borderRadius: 6 },
        emphasis: { itemStyle: { color: emphasis } },
      },
    ],
  };
}
