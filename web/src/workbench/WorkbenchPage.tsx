// 工作台: the landing page. What waits for the signed-in user, each count opening the list it counts.
import { Alert, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { LoadError } from '../app/LoadError';
import { PageSpinner } from '../app/PageSpinner';
import { useLoad } from '../app/useLoad';
import { workbenchApi, type Workbench } from './api';

const cst = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function Tasks({ tasks }: { tasks: Workbench['tasks'] }) {
  const { t } = useTranslation();
  const open = tasks.filter((x) => x.count > 0);
  return (
    <Card title={t('workbench.tasks')} data-testid="workbench-tasks">
      {tasks.length === 0 ? (
        <Empty description={t('workbench.noTaskRole')} />
      ) : (
        <>
          {open.length === 0 && <Alert type="success" showIcon message={t('workbench.allDone')} style={{ marginBottom: 16 }} data-testid="workbench-all-done" />}
          <Row gutter={[16, 16]}>
            {tasks.map((task) => (
              <Col key={task.key} xs={12} md={8} xl={6}>
                <Link to={task.link} data-testid={`task-${task.key}`}>
                  <Card size="small" hoverable>
                    <Statistic
                      title={t(`workbench.task.${task.key}`)}
                      value={task.count}
                      valueStyle={task.key === 'overdue_cases' && task.count > 0 ? { color: '#cf1322' } : undefined}
                    />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );
}

function Deadlines({ d }: { d: NonNullable<Workbench['deadlines']> }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t(d.scope === 'mine' ? 'workbench.deadlinesMine' : 'workbench.deadlines', { days: d.withinDays })}
      extra={<Link to={d.link}>{t('workbench.openList')}</Link>}
      data-testid="workbench-deadlines"
    >
      <Space size={32} style={{ marginBottom: 12 }}>
        <Statistic title={t('workbench.overdue')} value={d.overdue} valueStyle={d.overdue ? { color: '#cf1322' } : undefined} />
        <Statistic title={t('workbench.dueSoon', { days: d.withinDays })} value={d.dueSoon} valueStyle={d.dueSoon ? { color: '#d46b08' } : undefined} />
      </Space>
      {d.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noDeadlines')} />
      ) : (
        <List
          size="small"
          dataSource={d.items}
          renderItem={(i) => (
            <List.Item>
              <Space wrap>
                <Tag color={i.state === 'overdue' ? 'red' : 'orange'}>{t(i.state === 'overdue' ? 'workbench.overdue' : 'workbench.dueSoonShort')}</Tag>
                {t(`cases.deadlineKind.${i.kind}`, { defaultValue: i.kind })}
                {i.caseId !== null ? <Link to={`/cases/${i.caseId}`}>{i.number ?? i.caseId}</Link> : <Link to="/leads?status=open">{t('workbench.lead', { id: i.leadId })}</Link>}
                <Typography.Text type="secondary">{i.dueOn}</Typography.Text>
                {i.provisional && <Tag>{t('workbench.provisional')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Air({ air }: { air: NonNullable<Workbench['air']> }) {
  const { t } = useTranslation();
  return (
    <Card title={t('workbench.air')} extra={air.on && <Link to={air.link}>{t('workbench.openList')}</Link>} data-testid="workbench-air">
      {!air.on ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noAir')} />
      ) : (
        <>
          <Typography.Paragraph type={air.isToday ? undefined : 'warning'} data-testid="workbench-air-day">
            {t(air.isToday ? 'workbench.airToday' : 'workbench.airLatest', { on: air.on })}
          </Typography.Paragraph>
          <Space size={32} wrap>
            {air.city && (
              <Statistic title={t('workbench.cityAqi')} value={air.city.aqi ?? '—'} suffix={air.city.category && <Tag color={air.city.colour ?? undefined}>{air.city.category}</Tag>} />
            )}
            {air.district && (
              <>
                <Statistic title={t('workbench.districtAqi', { name: air.district.unitName })} value={air.district.aqi ?? '—'} suffix={air.district.category && <Tag color={air.district.colour ?? undefined}>{air.district.category}</Tag>} />
                <Statistic title={t('workbench.districtRank')} value={air.district.rank ?? '—'} suffix={`/ ${air.ranked}${air.district.tied ? ` ${t('workbench.tied')}` : ''}`} />
              </>
            )}
          </Space>
        </>
      )}
    </Card>
  );
}

function Exceedances({ e }: { e: NonNullable<Workbench['exceedances']> }) {
  const { t } = useTranslation();
  return (
    <Card title={t('workbench.exceedances')} extra={<Link to={e.link} data-testid="workbench-exceedances-link">{t('workbench.openList')} ({e.count})</Link>} data-testid="workbench-exceedances">
      {e.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noExceedances')} />
      ) : (
        <List
          size="small"
          dataSource={e.items}
          renderItem={(i) => (
            <List.Item>
              <Space wrap>
                <Tag color="red">{t(`monitoring.kind.${i.kind}`, { defaultValue: i.kind })}</Tag>
                {i.enterpriseName}
                {i.pollutant && <Typography.Text type="secondary">{i.pollutant}</Typography.Text>}
                <Typography.Text type="secondary">{cst(i.startAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Meetings({ m }: { m: NonNullable<Workbench['meetings']> }) {
  const { t } = useTranslation();
  return (
    <Card title={t('workbench.meetings')} extra={<Link to={m.link}>{t('workbench.openList')}</Link>} data-testid="workbench-meetings">
      {m.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noMeetings')} />
      ) : (
        <List size="small" dataSource={m.items} renderItem={(i) => <List.Item>{i.heldOn} · {i.location}</List.Item>} />
      )}
    </Card>
  );
}

export default function WorkbenchPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { data, loading, error, reload } = useLoad((signal) => workbenchApi.load(signal), []);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="workbench">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('workbench.title')}
        {user && <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12 }}>{user.displayName}{data ? ` · ${data.todayOn}` : ''}</Typography.Text>}
      </Typography.Title>
      <LoadError message={error} onRetry={reload} />
      {loading && !data && <PageSpinner />}
      {data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="workbench-loaded">
          {data.calendar.banner && (
            <Alert
              type="warning"
              showIcon
              data-testid="workbench-calendar-banner"
              message={t(`workbench.calendar.${data.calendar.banner.kind}`, { year: data.calendar.banner.year })}
              description={t('workbench.calendar.provisional')}
              action={data.calendar.link && <Link to={data.calendar.link}>{t('workbench.calendar.record')}</Link>}
            />
          )}
          <Tasks tasks={data.tasks} />
          <Row gutter={[16, 16]}>
            {data.deadlines && (
              <Col xs={24} xl={12}>
                <Deadlines d={data.deadlines} />
              </Col>
            )}
            {data.exceedances && (
              <Col xs={24} xl={12}>
                <Exceedances e={data.exceedances} />
              </Col>
            )}
            {data.air && (
              <Col xs={24} xl={12}>
                <Air air={data.air} />
              </Col>
            )}
            {data.meetings && (
              <Col xs={24} xl={12}>
                <Meetings m={data.meetings} />
              </Col>
            )}
          </Row>
        </Space>
      )}
    </Space>
  );
}
