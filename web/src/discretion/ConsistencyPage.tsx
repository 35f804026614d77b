// The consistency report: for each violation type, how the decided fines spread against the benchmark,
// with the breakdown per district and per lead officer.
import { useState } from 'react';
import { Input, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { formatYuan } from '../app/format';
import { discretionApi } from './api';
import type { Spread, ViolationTypeSpread } from './types';
import './strings';

const pct = (permille: number) => `${permille > 0 ? '+' : ''}${(permille / 10).toFixed(1)}%`;

function useSpreadColumns(keyTitle: string) {
  const { t } = useTranslation();
  return [
    { title: keyTitle, dataIndex: 'key', render: (v: string, r: Spread & { title?: string }) => (r.title ? `${v} ${r.title}` : v) },
    { title: t('discretion.consistency.cases'), dataIndex: 'cases', width: 70 },
    { title: t('discretion.consistency.min'), dataIndex: 'decidedMinFen', width: 120, render: (v: number) => formatYuan(v) },
    { title: t('discretion.consistency.median'), dataIndex: 'decidedMedianFen', width: 120, render: (v: number) => formatYuan(v) },
    { title: t('discretion.consistency.max'), dataIndex: 'decidedMaxFen', width: 120, render: (v: number) => formatYuan(v) },
    { title: t('discretion.consistency.meanDev'), dataIndex: 'meanDeviationPermille', width: 90, render: pct },
    { title: t('discretion.consistency.absDev'), dataIndex: 'meanAbsDeviationPermille', width: 100, render: pct },
    { title: t('discretion.consistency.range'), key: 'range', width: 140, render: (_: unknown, r: Spread) => `${pct(r.minDeviationPermille)} ~ ${pct(r.maxDeviationPermille)}` },
    { title: t('discretion.consistency.departures'), dataIndex: 'departures', width: 80 },
  ];
}

export default function ConsistencyReport() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year + 1}-01-01`);
  const { data, error, loading, reload } = useLoad((signal) => discretionApi.consistency({ from: from || undefined, to: to || undefined }, signal), [from, to]);
  const typeColumns = useSpreadColumns(t('discretion.consistency.type'));
  const districtColumns = useSpreadColumns(t('discretion.consistency.byDistrict'));
  const officerColumns = useSpreadColumns(t('discretion.consistency.byOfficer'));
  return (
    <div data-testid="discretion-consistency">
      <LoadError message={error} onRetry={reload} />
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('discretion.consistency.from')}</span><Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 160 }} />
        <span>{t('discretion.consistency.to')}</span><Input type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 160 }} />
        {data && <Typography.Text type="secondary">{t('discretion.consistency.decided', { n: data.decided, u: data.uncalculated })}</Typography.Text>}
      </Space>
      <Table<ViolationTypeSpread> size="small" rowKey="key" loading={loading} dataSource={data?.types ?? []} pagination={false} columns={typeColumns}
        expandable={{ expandedRowRender: (r) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Table<Spread> size="small" rowKey="key" pagination={false} dataSource={r.byDistrict} columns={districtColumns} />
            <Table<Spread> size="small" rowKey="key" pagination={false} dataSource={r.byOfficer} columns={officerColumns} />
          </Space>
        ) }} />
    </div>
  );
}
