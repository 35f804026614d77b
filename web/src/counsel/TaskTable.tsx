// The review tasks table (the counsel list and a counsel's page).
import { Link } from 'react-router-dom';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import type { Loaded } from '../app/useLoad';
import type { CounselTask } from './api';
import './strings';

export function TaskTable({ load, empty }: { load: Loaded<{ items: CounselTask[] } | null>; empty: string }) {
  const { t } = useTranslation();
  return (
    <ListPage<CounselTask>
      load={load}
      rowKey="id"
      data-testid="counsel-tasks-list"
      empty={empty}
      columns={[
        { title: t('counsel.field.subjectTitle'), dataIndex: 'subjectTitle', render: (v: string, r) => <Link to={`/counsel/tasks/${r.id}`}>{v}</Link> },
        { title: t('counsel.field.subjectKind'), dataIndex: 'subjectKind', width: 140, render: (v: string) => t(`counsel.subjectKind.${v}`) },
        { title: t('counsel.field.assignedOn'), dataIndex: 'assignedOn', width: 120 },
        { title: t('counsel.field.dueOn'), dataIndex: 'dueOn', width: 120 },
        { title: t('counsel.field.status'), key: 'status', width: 130, render: (_: unknown, r) => <Tag color={r.answered ? 'green' : 'orange'}>{t(r.answered ? 'counsel.answered' : 'counsel.pending')}</Tag> },
      ]}
    />
  );
}
