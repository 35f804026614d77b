import { useEffect, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { caseApi } from './api';
import { citationText, useDirectory } from './shared';
import type { DeadlineBoard, DeadlineItem } from './types';

export default function DeadlinesPage() {
  const { t } = useTranslation();
  const { name } = useDirectory();
  const [board, setBoard] = useState<DeadlineBoard | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    caseApi.deadlines(ctrl.signal).then(
      (b) => {
        setBoard(b);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [tick]);

  const items = board?.items ?? [];
  const overdue = items.filter((i) => i.state === 'overdue').length;
  const tally = { overdue: t('cases.deadline.overdue'), dueSoon: t('cases.deadline.dueSoon') };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="deadline-board">
      <Card
        title={t('cases.deadline.title')}
        extra={board && <Typography.Text type="secondary" data-testid="deadline-today">{t('cases.deadline.today', { on: board.todayOn })}</Typography.Text>}
      >
        <LoadError message={error} onRetry={() => setTick((n) => n + 1)} />
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col><Statistic title={tally.overdue} value={overdue} valueStyle={{ color: '#cf1322' }} data-testid="deadline-overdue-count" /></Col>
          <Col><Statistic title={tally.dueSoon} value={items.length - overdue} valueStyle={{ color: '#d46b08' }} data-testid="deadline-due-soon-count" /></Col>
        </Row>
        <Table<DeadlineItem>
          rowKey={(i) => `${i.kind}-${i.caseId ?? 'l'}-${i.leadId ?? 'c'}`}
          size="middle"
          loading={loading}
          data-testid="deadline-items"
          dataSource={items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(i) => ({ 'data-testid': `deadline-${i.kind}-${i.caseId ?? `lead-${i.leadId}`}`, 'data-state': i.state }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('cases.deadline.kind'), dataIndex: 'kind', width: 130, render: (k: string) => t(`cases.deadlineKind.${k}`, { defaultValue: k }) },
            {
              title: t('cases.field.number'),
              width: 180,
              render: (_: unknown, i) => (i.caseId ? <Link to={`/cases/${i.caseId}`}>{i.number}</Link> : <Link to="/leads">{t('cases.deadline.lead', { id: i.leadId })}</Link>),
            },
            { title: t('cases.deadline.dueOn'), dataIndex: 'dueOn', width: 120 },
            {
              title: t('cases.field.status'),
              dataIndex: 'state',
              width: 100,
              render: (s: DeadlineItem['state']) => <Tag color={s === 'overdue' ? 'red' : 'orange'}>{s === 'overdue' ? tally.overdue : tally.dueSoon}</Tag>,
            },
            { title: t('cases.field.district'), dataIndex: 'districtName', width: 110 },
            { title: t('cases.field.officers'), dataIndex: 'officerIds', render: (ids: number[]) => ids.map(name).join('、') || '—' },
            { title: t('cases.deadline.basis'), dataIndex: 'citation', width: 220, render: (c: DeadlineItem['citation']) => citationText(t, c) },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('cases.deadline.byDistrict')} size="small">
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              data-testid="deadline-by-district"
              dataSource={board?.byDistrict ?? []}
              columns={[
                { title: t('cases.field.district'), dataIndex: 'key' },
                { title: tally.overdue, dataIndex: 'overdue', width: 100, align: 'right' },
                { title: tally.dueSoon, dataIndex: 'dueSoon', width: 100, align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('cases.deadline.byOfficer')} size="small">
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              data-testid="deadline-by-officer"
              dataSource={board?.byOfficer ?? []}
              columns={[
                { title: t('cases.field.officer'), dataIndex: 'key', render: (id: number) => name(id) },
                { title: tally.overdue, dataIndex: 'overdue', width: 100, align: 'right' },
                { title: tally.dueSoon, dataIndex: 'dueSoon', width: 100, align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
