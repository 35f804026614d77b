// The deadlines board's court-enforcement windows: 催告书 served + 10 working days, after the party's period to sue,
// within three months (行政强制法 第五十三条, 第五十四条).
import { Link } from 'react-router-dom';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { citationText } from './shared';
import type { CourtWindowItem } from './types';

const COLOR = { not_yet: 'default', open: 'green', passed: 'red' } as const;

export function CourtWindowCard({ items }: { items: CourtWindowItem[] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Card title={t('cases.deadline.courtTitle')} size="small" data-testid="deadline-court-windows">
      <Table<CourtWindowItem>
        size="small"
        rowKey="caseId"
        pagination={false}
        dataSource={items}
        columns={[
          { title: t('cases.field.number'), dataIndex: 'number', render: (n: string, r) => <Link to={`/cases/${r.caseId}`}>{n}</Link> },
          { title: t('cases.deadline.courtEarliest'), dataIndex: 'earliestOn', width: 120 },
          { title: t('cases.deadline.courtLatest'), dataIndex: 'latestOn', width: 120 },
          { title: t('cases.deadline.courtReminder'), dataIndex: 'reminderServedOn', width: 120, render: (on: string | null) => on ?? '—' },
          {
            title: '', dataIndex: 'state', width: 200,
            render: (s: CourtWindowItem['state'], r) => (
              <>
                <Tag color={COLOR[s]} data-testid={`court-window-${r.caseId}`} data-state={s}>{t(`cases.deadline.courtState.${s}`)}</Tag>
                {r.remedyPending && <Tag color="orange">{t('cases.deadline.courtRemedyPending')}</Tag>}
              </>
            ),
          },
          { title: t('cases.deadline.basis'), dataIndex: 'citation', render: (c: CourtWindowItem['citation']) => citationText(t, c).trim() },
        ]}
      />
    </Card>
  );
}
