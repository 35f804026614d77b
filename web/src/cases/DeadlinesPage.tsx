import { type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useAuth } from '../app/auth';
import { ListPage, useUrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { citationText, useDirectory } from './shared';
import type { BoardSourceItem, DeadlineBoard, DeadlineItem, RecomputedDeadline } from './types';
import { ProvisionalTag } from './ProvisionalTag';
import { CourtWindowCard } from './CourtWindowCard';

/** The windows offered; `?withinDays=` may name any other (the workbench links to 7). */
const WINDOWS = [3, 7, 15, 30, 90];
/** The API's bound on the window (src/cases/schema.ts, deadlineBoardQuerySchema): a larger or malformed value is not sent. */
const MAX_WITHIN_DAYS = 366;

function withinDaysParam(v: string | null): number | undefined {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 1 && n <= MAX_WITHIN_DAYS ? n : undefined;
}

export default function DeadlinesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { name } = useDirectory();
  const { params, update } = useUrlList();
  // Overdue items and those due within the window; without one the server's default window applies (its reply names it).
  const withinDays = withinDaysParam(params.get('withinDays'));
  const load = useLoad(
    (signal) => api<DeadlineBoard & { withinDays: number }>('/cases/deadlines', { query: { withinDays }, signal }),
    [withinDays],
  );
  const board = load.data;
  const items = board?.items ?? [];
  const overdue = items.filter((i) => i.state === 'overdue').length;
  const tally = { overdue: t('cases.deadline.overdue'), dueSoon: t('cases.deadline.dueSoon') };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="deadline-board">
      <Card
        title={t('cases.deadline.title')}
        extra={board && <Typography.Text type="secondary" data-testid="deadline-today">{t('cases.deadline.today', { on: board.todayOn })}</Typography.Text>}
      >
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col><Statistic title={tally.overdue} value={overdue} valueStyle={{ color: '#cf1322' }} data-testid="deadline-overdue-count" /></Col>
          <Col>
            <Statistic
              title={board ? t('cases.deadline.dueWithin', { days: board.withinDays }) : tally.dueSoon}
              value={items.length - overdue}
              valueStyle={{ color: '#d46b08' }}
              data-testid="deadline-due-soon-count"
            />
          </Col>
        </Row>
        <ListPage<DeadlineItem>
          load={load}
          filtersTestId="deadline-filters"
          filters={
            <>
              <Typography.Text>{t('cases.deadline.withinFilter')}</Typography.Text>
              <Select<number>
                allowClear
                value={withinDays}
                placeholder={board ? t('cases.deadline.withinDefault', { days: board.withinDays }) : t('cases.deadline.withinFilter')}
                onChange={(v) => update({ withinDays: v })}
                options={[...new Set([...WINDOWS, ...(withinDays ? [withinDays] : [])])].sort((a, b) => a - b).map((d) => ({ value: d, label: t('cases.deadline.within', { days: d }) }))}
                style={{ width: 260 }}
                data-testid="filter-withinDays"
              />
            </>
          }
          empty={board ? t('emptyState.deadlines', { days: board.withinDays }) : ''}
          emptyAction={can('case.read') && <Link to="/cases"><Button data-testid="deadline-empty-cases">{t('cases.listTitle')}</Button></Link>}
          rowKey={(i) => `${i.kind}-${i.caseId ?? 'l'}-${i.leadId ?? 'c'}`}
          data-testid="deadline-items"
          pageSize={50}
          onRow={(i) => ({ 'data-testid': `deadline-${i.kind}-${i.caseId ?? `lead-${i.leadId}`}`, 'data-state': i.state }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('cases.deadline.kind'), dataIndex: 'kind', width: 130, render: (k: string) => t(`cases.deadlineKind.${k}`, { defaultValue: k }) },
            {
              title: t('cases.field.number'),
              width: 180,
              render: (_: unknown, i) => (i.caseId ? <Link to={`/cases/${i.caseId}`}>{i.number}</Link> : <Link to="/leads">{t('cases.deadline.lead', { id: i.leadId })}</Link>),
            },
            { title: t('cases.deadline.dueOn'), dataIndex: 'dueOn', width: 160, render: (on: string, i) => <>{on} <ProvisionalTag provisional={i.provisional} /></> },
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
      {!!board?.recomputed?.length && (
        <Card title={t('cases.deadline.recomputedTitle')} size="small" data-testid="deadline-recomputed">
          <Table<RecomputedDeadline>
            rowKey="id"
            size="small"
            dataSource={board.recomputed}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(r) => ({ 'data-testid': `deadline-recomputed-${r.kind}-${r.caseId ?? `lead-${r.leadId}`}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('cases.deadline.kind'), dataIndex: 'kind', width: 130, render: (k: string) => t(`cases.deadlineKind.${k}`, { defaultValue: k }) },
              {
                title: t('cases.field.number'),
                width: 180,
                render: (_: unknown, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.number}</Link> : <Link to="/leads">{t('cases.deadline.lead', { id: r.leadId })}</Link>),
              },
              { title: t('cases.deadline.previousDueOn'), dataIndex: 'previousDueOn', width: 130 },
              {
                title: t('cases.deadline.newDueOn'),
                dataIndex: 'dueOn',
                width: 170,
                render: (on: string, r) => (
                  <>
                    <Typography.Text strong={on !== r.previousDueOn}>{on}</Typography.Text> <ProvisionalTag provisional={r.provisional} />
                  </>
                ),
              },
              { title: t('cases.deadline.basis'), dataIndex: 'recomputedForYear', render: (y: number | null) => (y ? t('cases.deadline.recomputedFor', { year: y }) : '—') },
              { title: t('cases.deadline.recomputedAt'), dataIndex: 'recomputedAt', width: 170, render: (at: string | null) => (at ? new Date(at).toLocaleString() : '—') },
            ]}
          />
        </Card>
      )}
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
      {!!board?.others?.length && (
        <Card title={t('campaigns.board.othersTitle')} size="small" data-testid="deadline-others">
          <Table<BoardSourceItem>
            rowKey={(o) => `${o.source}-${o.link}-${o.title}-${o.dueOn}`}
            size="small"
            dataSource={board.others}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(o) => ({ 'data-testid': `deadline-other-${o.source}`, 'data-state': o.state }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('cases.deadline.kind'), dataIndex: 'kind', width: 130, render: (k: string) => t(`campaigns.board.kind.${k}`, { defaultValue: k }) },
              { title: t('campaigns.board.item'), dataIndex: 'title', render: (v: string, o) => <Link to={o.link}>{v}</Link> },
              { title: t('cases.deadline.dueOn'), dataIndex: 'dueOn', width: 120 },
              { title: t('cases.field.status'), dataIndex: 'state', width: 100, render: (s: BoardSourceItem['state']) => <Tag color={s === 'overdue' ? 'red' : 'orange'}>{s === 'overdue' ? tally.overdue : tally.dueSoon}</Tag> },
              { title: t('cases.field.district'), dataIndex: 'districtName', width: 110, render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      )}
      <CourtWindowCard items={board?.courtEnforcement ?? []} />
    </Space>
  );
}
