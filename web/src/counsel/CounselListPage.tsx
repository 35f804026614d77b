// 法律顾问 / 公职律师: the register, the review tasks and the year's count (seed-figures #6).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Descriptions, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { useAuth } from '../app/auth';
import { counselApi, SUBJECT_KINDS, type Counsel } from './api';
import { TaskTable } from './TaskTable';
import { AssignTaskModal, RegisterCounselModal } from './CounselModals';
import './strings';

function YearCard() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const load = useLoad((signal) => counselApi.yearFigures(year, signal), [year]);
  const f = load.data;
  return (
    <Card title={t('counsel.year')} data-testid="counsel-year" extra={<InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />}>
      <LoadError message={load.error} onRetry={load.reload} />
      {f && (
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={t('counsel.yearAnswered')}>{f.answered}</Descriptions.Item>
          <Descriptions.Item label={t('counsel.reportPhrase')}>{f.reportPhrase}</Descriptions.Item>
          {SUBJECT_KINDS.map((k) => <Descriptions.Item key={k} label={t(`counsel.subjectKind.${k}`)}>{f.byKind[k]}</Descriptions.Item>)}
          {f.byCounsel.map((c) => <Descriptions.Item key={c.counselId} label={c.name}>{c.answered}</Descriptions.Item>)}
        </Descriptions>
      )}
    </Card>
  );
}

export default function CounselListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('counsel.manage');
  const counsels = useLoad((signal) => counselApi.list(signal), []);
  const tasks = useLoad((signal) => counselApi.tasks(signal), []);
  const [modal, setModal] = useState<'register' | 'assign' | null>(null);
  const registerButton = manage ? <Button type="primary" onClick={() => setModal('register')} data-testid="counsel-register">{t('counsel.register')}</Button> : undefined;
  const assignButton = manage && (counsels.data?.items.length ?? 0) > 0
    ? <Button onClick={() => setModal('assign')} data-testid="counsel-assign">{t('counsel.assign')}</Button> : undefined;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('counsel.title')} data-testid="counsel-page" extra={registerButton}>
        <ListPage<Counsel>
          load={counsels}
          rowKey="id"
          data-testid="counsel-list"
          empty={t('counsel.empty')}
          emptyAction={registerButton}
          columns={[
            { title: t('counsel.field.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/counsel/${r.id}`}>{v}</Link> },
            { title: t('counsel.field.kind'), dataIndex: 'kind', width: 140, render: (v: string) => t(`counsel.kind.${v}`) },
            { title: t('counsel.field.firm'), dataIndex: 'firm' },
            { title: t('counsel.field.licenceNo'), dataIndex: 'licenceNo', width: 170 },
            { title: t('counsel.field.term'), key: 'term', width: 220, render: (_: unknown, r) => `${r.termFromOn} ~ ${r.termToOn ?? ''}` },
            { title: t('counsel.field.tasks'), key: 'tasks', width: 100, render: (_: unknown, r) => `${r.answered ?? 0}/${r.tasks ?? 0}` },
          ]}
        />
      </Card>
      <Card title={t('counsel.tasksTitle')} extra={assignButton}>
        <TaskTable load={tasks} empty={t('counsel.tasksEmpty')} />
      </Card>
      <YearCard />
      <RegisterCounselModal open={modal === 'register'} onClose={() => setModal(null)} onSaved={() => { setModal(null); counsels.reload(); }} />
      <AssignTaskModal open={modal === 'assign'} counsels={counsels.data?.items ?? []} onClose={() => setModal(null)} onSaved={() => { setModal(null); tasks.reload(); counsels.reload(); }} />
    </Space>
  );
}
