// The one place ECharts is configured. Only the modules the app draws are registered (modular
// `echarts/core` imports), once, when the first chart view loads this file; chart views are
// lazy routes, so ECharts never reaches the login or roster bundles.
// When a new chart type is needed, add its Chart/Component here and nowhere else.
import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import * as echarts from 'echarts/core';
import { BarChart, PieChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, PieSeriesOption, RadarSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

echarts.use([BarChart, PieChart, RadarChart, GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** The option as drawn for a user who asked for less motion (prefers-reduced-motion): no animation. */
export function withMotionPreference(option: ChartOption, reduceMotion: boolean): ChartOption {
  return reduceMotion ? { ...option, animation: false } : option;
}

const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** Binds a chart to an element; re-renders when `option` changes, resizes with the window. */
export function useEcharts(el: Ref<HTMLElement | undefined>, option: Ref<ChartOption | null>) {
  const chart = shallowRef<echarts.ECharts>();
  const render = () => {
    if (!el.value || !option.value) return;
    chart.value ??= echarts.init(el.value);
    chart.value.setOption(withMotionPreference(option.value, prefersReducedMotion()), true);
  };
  const resize = () => chart.value?.resize();
  onMounted(() => {
    render();
    window.addEventListener('resize', resize);
  });
  watch(option, render, { deep: true });
  onBeforeUnmount(() => {
    window.removeEventListener('resize', resize);
    chart.value?.dispose();
  });
  return { chart };
}
