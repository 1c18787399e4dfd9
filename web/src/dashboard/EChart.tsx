// ECharts with only what the dashboard draws (bars, lines, their axes, tooltips and legends), so that the chart
// library's chunk stays small. A chart follows its box's size (window resizes, the phone's rotation, the side
// menu) and is drawn again, with a title, off screen when it is saved as an image.
import { useEffect, useMemo, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useI18n, type Locale } from '../i18n';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TitleComponentOption | TooltipComponentOption
>;

const FONT = '-apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

function chartLocale(locale: Locale): string {
  return locale === 'zh' ? 'ZH' : 'EN';
}

/** Below this width (a phone) charts give their labels less room. */
const NARROW_PX = 480;

/** A chart's option, for a box of a phone's width or a wider one. */
export type ChartOptionFor = (narrow: boolean) => ChartOption;

/** A chart that fills its box's width. */
export function EChart({ option, height, label }: { option: ChartOptionFor; height: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);
  const { locale } = useI18n();
  const [narrow, setNarrow] = useState(false);
  const current = useMemo(() => option(narrow), [option, narrow]);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const instance = echarts.init(el, undefined, { locale: chartLocale(locale), renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      setNarrow(el.clientWidth < NARROW_PX);
      instance.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, aria: { enabled: true }, ...current }, { notMerge: true });
  }, [current, locale]);

  return <div ref={box} className="dash-chart" style={{ height }} role="img" aria-label={label} />;
}

/**
 * The chart as a PNG image (a data URL), drawn off screen at a readable width with its title and a line saying
 * what and when, so that the image still says what it shows when pasted into a report.
 */
export function chartPng(optionFor: ChartOptionFor, size: { width: number; height: number }, title: string, subtitle: string, locale: Locale): string {
  const titleSpace = 64;
  const option = optionFor(false);
  const width = Math.max(720, Math.round(size.width));
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;height:${size.height + titleSpace}px;`;
  document.body.appendChild(host);
  const instance = echarts.init(host, undefined, { locale: chartLocale(locale), renderer: 'canvas', width, height: size.height + titleSpace });
  try {
    const grid = (Array.isArray(option.grid) ? option.grid[0] : option.grid) ?? {};
    const top = typeof grid.top === 'number' ? grid.top : 40;
    instance.setOption({
      textStyle: { fontFamily: FONT },
      ...option,
      animation: false,
      title: { text: title, subtext: subtitle, left: 'center', top: 8, textStyle: { fontSize: 16 }, subtextStyle: { fontSize: 12 } },
      grid: { ...grid, top: top + titleSpace },
    });
    return instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  } finally {
    instance.dispose();
    host.remove();
  }
}
