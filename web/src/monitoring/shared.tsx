import { useEffect, useRef } from 'react';
import { Segmented, Space } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useAuth } from '../app/auth';

echarts.use([LineChart, BarChart, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts chart that follows its container's size. */
export function Chart({ option, height, testId }: { option: echarts.EChartsCoreOption; height: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(el.current!);
    chart.setOption(option);
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current!);
    return () => { ro.disconnect(); chart.dispose(); };
  }, [option]);
  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}

/** China Standard Time, minutes. */
export const cst = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—');

export function MonitoringNav() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = ['board', 'events', ...(can('monitoring.manage') ? ['rejections'] : [])];
  const current = tabs.find((k) => pathname.startsWith(`/monitoring/${k}`)) ?? 'board';
  return (
    <Space style={{ marginBottom: 16 }} wrap>
      <Segmented data-testid="monitoring-nav" value={current} onChange={(v) => navigate(`/monitoring/${v}`)} options={tabs.map((k) => ({ value: k, label: t(`monitoring.nav.${k}`) }))} />
    </Space>
  );
}
