// The year's figures for the year-end report (per campaign, annual tasks, joint operations) and the .xlsx export.
import { useState } from 'react';
import { App, Button, Card, Col, Row, Select, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { campaignApi } from './api';
import type { Figures, YearFigures } from './types';

const KEYS: (keyof Figures)[] = ['targets', 'inspected', 'problems', 'orders', 'fixed', 'verified', 'jointOperations'];

export function YearFiguresCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const load = useLoad((signal) => campaignApi.yearFigures(year, signal), [year]);
  const f = load.data;
  return (
    <Card title={t('campaigns.year.title')} data-testid="campaign-year-figures" extra={
      <>
        <Select<number> value={year} onChange={setYear} style={{ width: 120, marginInlineEnd: 8 }} data-testid="campaign-year"
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))} />
        <Button icon={<DownloadOutlined />} data-testid="campaign-year-export"
          onClick={() => void campaignApi.exportYearFigures(year).catch((e: unknown) => message.error(errorMessage(e)))}>{t('campaigns.year.export')}</Button>
      </>
    }>
      <LoadError message={load.error} onRetry={load.reload} />
      {f && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col><Statistic title={t('campaigns.year.tasks')} value={f.annualTasks.count} /></Col>
          <Col><Statistic title={t('campaigns.year.completed')} value={f.annualTasks.completed} /></Col>
          <Col><Statistic title={t('campaigns.year.onTime')} value={f.annualTasks.onTime} /></Col>
          <Col><Statistic title={t('campaigns.year.lateReports')} value={f.annualTasks.lateReports} /></Col>
          <Col><Statistic title={t('campaigns.year.joint')} value={f.jointOperations.joint} /></Col>
          <Col><Statistic title={t('campaigns.year.crossDistrict')} value={f.jointOperations.crossDistrict} /></Col>
        </Row>
      )}
      <Table<YearFigures['campaigns'][number]> rowKey="id" size="small" loading={load.loading} dataSource={f?.campaigns ?? []} pagination={false}
        locale={{ emptyText: <EmptyState description={t('campaigns.year.empty', { year })} /> }}
        summary={() => (f && f.campaigns.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('campaigns.year.total')}</Table.Summary.Cell>
            {KEYS.map((k, i) => <Table.Summary.Cell key={k} index={i + 1}>{f.totals[k]}</Table.Summary.Cell>)}
          </Table.Summary.Row>
        ) : null)}
        columns={[
          { title: t('campaigns.field.name'), dataIndex: 'name' },
          ...KEYS.map((k) => ({ title: t(`campaigns.figures.${k}`), dataIndex: k, width: 90 })),
        ]} />
    </Card>
  );
}
