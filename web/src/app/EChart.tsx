import { useEffect, useRef } from 'react';
import type * as echarts from 'echarts/core';
import { init } from 'echarts/core';

/**
 * An ECharts chart that follows its container's size. The page registers the chart types and
 * components it draws with (`echarts.use`), so each bundle carries only its own.
 */
export function EChart({ option, height, testId }: { option: echarts.EChartsCoreOption; height: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = init(el.current!);
    chart.setOption(option);
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current!);
    return () => { ro.disconnect(); chart.dispose(); };
  }, [option]);
  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}
