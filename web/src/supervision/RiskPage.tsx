import { Card, Progress, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { supervisionApi, type RiskItem } from './api';
import { SupervisionNav } from './shared';

const colourOf = (score: number) => (score >= 40 ? '#cf1322' : score >= 20 ? '#fa8c16' : '#1f7a4d');

export default function RiskPage() {
  const { t } = useTranslation();
  const load = useLoad((signal) => supervisionApi.risk(signal), []);
  const { data } = load;
  const columns: TableColumnsType<RiskItem> = [
    { title: '#', width: 60, render: (_v, _r, i) => i + 1 },
    { title: t('supervision.enterprise'), dataIndex: 'name' },
    { title: t('supervision.district'), dataIndex: 'districtName', width: 140 },
    {
      title: t('supervision.score'), width: 260,
      render: (_v, r) => (
        <Space size={4}>
          <Progress percent={r.risk.score} format={(p) => p} strokeColor={colourOf(r.risk.score)} size="small" style={{ width: 150 }} />
          {r.risk.clamped && (
            <Tooltip title={t(`supervision.clamped.${r.risk.clamped}`, { sum: r.risk.sum, score: r.risk.score })}>
              <Tag color="default" data-testid="risk-clamped">{t(`supervision.clampedTag.${r.risk.clamped}`)}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('supervision.lists'), width: 200,
      render: (_v, r) => <Space size={4}>{r.onKeyList && <Tag color="red">{t('supervision.onKeyList')}</Tag>}{r.onPositiveList && <Tag color="green">{t('supervision.onPositiveList')}</Tag>}</Space>,
    },
  ];
  return (
    <>
      <SupervisionNav />
      <Card title={t('supervision.riskTitle')} extra={data && <Typography.Text type="secondary">{t('supervision.weightsVersion', { v: data.weightsVersion })}</Typography.Text>}>
        <ListPage load={load} rowKey="enterpriseId" size="small" columns={columns} pageSize={25} data-testid="risk-ranking" empty={t('emptyState.supervisionRisk')}
          expandable={{
            expandedRowRender: (r) => (
              <Table size="small" pagination={false} rowKey="factor" dataSource={r.risk.contributions.filter((c) => c.points !== 0 || c.value)}
                columns={[
                  { title: t('supervision.factor'), dataIndex: 'factor', render: (v) => t(`supervision.factorName.${v}`) },
                  {
                    title: t('supervision.value'), dataIndex: 'value',
                    render: (v, c) => (v === null ? '—' : typeof v === 'boolean' ? (v ? '✓' : '—') : c.factor === 'creditRating' ? t(`creditRating.${v}`)
                      : c.factor === 'industryRisk' ? t(`supervision.industry.${v}`) : String(v)),
                  },
                  { title: t('supervision.weight'), dataIndex: 'weight' },
                  { title: t('supervision.points'), dataIndex: 'points', render: (v: number) => <Typography.Text type={v > 0 ? 'danger' : v < 0 ? 'success' : undefined}>{v > 0 ? `+${v}` : v}</Typography.Text> },
                ]}
                // The factors add up to the sum; where the score is the sum floored at 0 (or capped at 100), say so.
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}><b>{t('supervision.sum')}</b></Table.Summary.Cell>
                    <Table.Summary.Cell index={3}>
                      <b>{r.risk.sum}</b>
                      {r.risk.clamped && <Typography.Text type="secondary" data-testid="risk-clamped-note"> → {t(`supervision.clamped.${r.risk.clamped}`, { sum: r.risk.sum, score: r.risk.score })}</Typography.Text>}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )} />
            ),
          }} />
      </Card>
    </>
  );
}
