// 月调度: for a month, per task and responsible department, who reported and who is late.
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Select, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage, useUrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { annualTaskApi } from './api';
import { STATE_COLOR } from './AnnualTaskDetailPage';
import type { DispatchRow } from './types';

/** The current month and the eleven before it, newest first ('YYYY-MM'). */
function recentMonths(): string[] {
  const now = new Date();
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
}

export default function DispatchPage() {
  const { t } = useTranslation();
  const { params, update } = useUrlList();
  const months = recentMonths();
  // By default last month: its reports are the ones falling due now.
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('month') ?? '') ? params.get('month')! : months[1]!;
  const load = useLoad((signal) => annualTaskApi.dispatch(month, signal), [month]);
  const d = load.data;
  return (
    <Card title={t('annualTasks.dispatch')} extra={<Link to="/annual-tasks">{t('annualTasks.title')}</Link>} data-testid="dispatch-page">
      {d && (
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="dispatch-totals">
          <Col><Statistic title={t('annualTasks.totals.reported')} value={d.totals.reported} /></Col>
          <Col><Statistic title={t('annualTasks.totals.missing')} value={d.totals.missing} valueStyle={{ color: '#cf1322' }} /></Col>
          <Col><Statistic title={t('annualTasks.totals.pending')} value={d.totals.pending} /></Col>
          <Col><Typography.Text type="secondary">{t('annualTasks.dueBy', { on: d.dueOn })}</Typography.Text></Col>
        </Row>
      )}
      <ListPage<DispatchRow>
        load={{ ...load, data: d ? d.rows : null }}
        rowKey={(r) => `${r.taskId}-${r.departmentId}`}
        data-testid="dispatch-rows"
        pageSize={50}
        filters={<Select<string> value={month} onChange={(v) => update({ month: v })} style={{ width: 140 }} data-testid="dispatch-month"
          options={[...new Set([month, ...months])].map((m) => ({ value: m, label: m }))} />}
        empty={t('annualTasks.dispatchEmpty', { month })}
        onRow={(r) => ({ 'data-testid': `dispatch-${r.taskId}-${r.departmentId}`, 'data-state': r.state }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('annualTasks.field.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/annual-tasks/${r.taskId}`}>{v}</Link> },
          { title: t('annualTasks.report.department'), dataIndex: 'departmentName', width: 240, render: (v: string, r) => <>{v}{r.lead && <Tag style={{ marginInlineStart: 8 }}>{t('annualTasks.leadTag')}</Tag>}</> },
          { title: t('annualTasks.field.state'), dataIndex: 'state', width: 120, render: (s: DispatchRow['state']) => <Tag color={STATE_COLOR[s]}>{t(`annualTasks.state.${s}`)}</Tag> },
          { title: t('annualTasks.report.progress'), key: 'progress', render: (_: unknown, r) => (r.report ? `${r.report.progress}${r.report.percent === null ? '' : `（${r.report.percent}%）`}` : '—') },
          { title: t('annualTasks.report.reportedOn'), key: 'on', width: 120, render: (_: unknown, r) => r.report?.reportedOn ?? '—' },
        ]}
      />
    </Card>
  );
}
