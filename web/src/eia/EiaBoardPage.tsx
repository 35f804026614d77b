// The board: every application with its clock, due soon and overdue, and average handling days per
// category against the statutory period (环境影响评价法 第二十二条) and the bureau's promise.
import { Link } from 'react-router-dom';
import { Card, Col, Row, Space, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { eiaApi } from './api';
import { ClockTag } from './ClockTag';
import { STATUS_COLOR } from './EiaListPage';
import type { ApplicationListItem } from './types';

export default function EiaBoardPage() {
  const { t } = useTranslation();
  const load = useLoad((signal) => eiaApi.board(signal), []);
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  const b = load.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('eia.board.title')} loading={!b} data-testid="eia-board">
        {b && (
          <Row gutter={16}>
            <Col xs={12} md={4}><Statistic title={t('eia.board.dueSoon')} value={b.dueSoon.length} /></Col>
            <Col xs={12} md={4}><Statistic title={t('eia.board.overdue')} value={b.overdue.length} valueStyle={b.overdue.length ? { color: '#cf1322' } : undefined} /></Col>
            <Col xs={12} md={4}><Statistic title={t('eia.board.awaitingIntake')} value={b.awaitingIntake.length} /></Col>
            {b.averages.map((a) => (
              <Col xs={12} md={6} key={a.category} data-testid={`eia-average-${a.category}`}>
                <Statistic title={t('eia.board.average', { category: t(`eia.category.${a.category}`) })}
                  value={a.averageWorkingDays ?? '—'} suffix={`/ ${a.promisedWorkingDays} ${t('eia.clock.workingDays')} · ${a.statutoryDays} ${t('eia.clock.days')}`} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card>
        <Table<ApplicationListItem> rowKey="id" size="small" dataSource={b?.items ?? []} loading={load.loading} data-testid="eia-board-list"
          locale={{ emptyText: <EmptyState description={t('eia.empty')} /> }}
          columns={[
            { title: t('eia.field.projectName'), dataIndex: 'projectName', render: (v: string, a) => <Link to={`/licensing/${a.id}`}>{v}</Link> },
            { title: t('eia.field.category'), dataIndex: 'category', width: 90, render: (c: string) => t(`eia.category.${c}`) },
            { title: t('eia.field.status'), dataIndex: 'status', width: 110, render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`eia.status.${s}`)}</Tag> },
            { title: t('eia.clock.title'), key: 'clock', render: (_: unknown, a) => <ClockTag clock={a.clock} /> },
            { title: t('eia.clock.statutoryDue'), key: 'due', width: 120, render: (_: unknown, a) => a.clock.decision?.statutoryDueOn ?? a.clock.intake?.noticeDueOn ?? '—' },
            { title: t('eia.clock.pausedDays'), key: 'paused', width: 100, render: (_: unknown, a) => a.clock.decision?.pausedDays ?? 0 },
          ]} />
      </Card>
    </Space>
  );
}
