import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

/** Loaded once, on first use: the charts' code is a chunk of its own, fetched alongside the first figures. */
let echartsModule: Promise<typeof import('../echarts-setup')> | undefined;
export function loadEcharts() {
  echartsModule ??= import('../echarts-setup');
  return echartsModule;
}

/** The element a chart draws into carries its instance, for browser tests (`convertToPixel`). */
export interface ChartElement extends HTMLDivElement {
  kassaChart?: EChartsType;
}

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

export interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  onElementClick?: (click: ChartClick) => void;
  /** After the chart has drawn its first option. */
  onFirstRender?: () => void;
  /** `data-chart` on the element, to find it in browser tests. */
  chartId?: string;
}

/** One ECharts instance on a div: sized to its box, redrawn when the option changes, disposed on unmount. */
export function EChart({ option, height, label, onElementClick, onFirstRender, chartId }: EChartProps) {
  const elementRef = useRef<ChartElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const clickRef = useRef(onElementClick);
  const firstRenderRef = useRef(onFirstRender);
  const [ready, setReady] = useState(false);
  clickRef.current = onElementClick;
  firstRenderRef.current = onFirstRender;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void loadEcharts().then(({ echarts }) => {
      const element = elementRef.current;
      if (disposed || element === null) return;
      const chart = echarts.init(element, null, { renderer: 'canvas' });
      chartRef.current = chart;
      element.kassaChart = chart;
      chart.on('click', (event) => {
        const { seriesIndex, dataIndex } = event as { seriesIndex?: number; dataIndex?: number };
        if (seriesIndex !== undefined && dataIndex !== undefined) clickRef.current?.({ seriesIndex, dataIndex });
      });
      let drawn = false;
      chart.on('finished', () => {
        if (drawn) return;
        drawn = true;
        firstRenderRef.current?.();
      });
      observer = new ResizeObserver(() => chart.resize());
      observer.observe(element);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
      if (elementRef.current !== null) delete elementRef.current.kassaChart;
    };
  }, []);

  useEffect(() => {
    if (!ready || chartRef.current === null) return;
    chartRef.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  return <div ref={elementRef} role="img" aria-label={label} data-chart={chartId} style={{ width: '100%', height }} />;
}
