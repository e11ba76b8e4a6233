/**
 * ECharts with only what the overview draws: bar and line series on a grid,
 * tooltips, the canvas renderer (legends are HTML beside the charts). Importing from
 * `echarts/core` keeps the rest of the library out of the bundle.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
