import { Segmented, Space } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useAuth } from '../app/auth';

echarts.use([LineChart, BarChart, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** The monitoring charts (registered above) draw with the shared chart. */
export { EChart as Chart } from '../app/EChart';

/** China Standard Time, minutes. */
export const cst = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—');

export function MonitoringNav() {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = ['board', 'events', 'devices', 'limits', 'channels', 'unknown-codes', ...(can('monitoring.manage') ? ['rejections'] : []), ...(user?.role === 'administrator' ? ['simulation'] : [])];
  const current = tabs.find((k) => pathname.startsWith(`/monitoring/${k}`)) ?? 'board';
  return (
    <Space style={{ marginBottom: 16 }} wrap>
      <Segmented data-testid="monitoring-nav" value={current} onChange={(v) => navigate(`/monitoring/${v}`)} options={tabs.map((k) => ({ value: k, label: t(`monitoring.nav.${k}`) }))} />
    </Space>
  );
}
