// A horizontal bar chart with Apache ECharts (only the parts used, so the bundle stays small),
// drawn as SVG without animation: crisp, and the same picture in every screenshot.
import { useEffect, useRef } from 'preact/hooks';
import * as echarts from 'echarts/core';
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([Bars, GridComponent, TooltipComponent, SVGRenderer]);

export interface Bar {
  label: string;
  value: number;
  /** highlights a risky bar (e.g. "No mechanism") */
  warn?: boolean;
}

export function BarChart({ bars, label }: { bars: Bar[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const data = JSON.stringify(bars); // redraw when the numbers change, not on every render
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, null, { renderer: 'svg' });
    const rows = [...bars].reverse(); // ECharts draws the first category at the bottom
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e5e7eb' } } },
      yAxis: { type: 'category', data: rows.map((b) => b.label), axisLabel: { width: 200, overflow: 'truncate' }, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          name: label,
          data: rows.map((b) => ({ value: b.value, itemStyle: { color: b.warn ? '#c2410c' : '#2563eb' } })),
          label: { show: true, position: 'right' },
          barMaxWidth: 22,
        },
      ],
    });
    const resize = () => chart.resize();
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, label]);
  return <div class="chart" ref={el} role="img" aria-label={`${label}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`} style={{ height: `${Math.max(80, bars.length * 34 + 24)}px` }} />;
}
