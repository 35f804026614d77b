// Meetings held: 党组会, 局长办公会, 中心组学法; the year's counts and the quarters without a study session.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Descriptions, InputNumber, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { useAuth } from '../app/auth';
import { MEETING_KINDS, meetingApi, type Meeting } from './api';
import { RecordMeetingModal } from './RecordMeetingModal';
import './strings';

function YearCard({ year }: { year: number }) {
  const { t } = useTranslation();
  const load = useLoad((signal) => meetingApi.yearFigures(year, signal), [year]);
  const f = load.data;
  return (
    <Card title={t('meetings.year')} data-testid="meetings-year">
      <LoadError message={load.error} onRetry={load.reload} />
      {f && (
        <Descriptions bordered size="small" column={2}>
          {MEETING_KINDS.map((k) => (
            <Descriptions.Item key={k} label={t(`meetings.kind.${k}`)}>
              {t('meetings.held')} {f.byKind[k].held} / {t('meetings.withLawStudy')} {f.byKind[k].withLawStudy}
            </Descriptions.Item>
          ))}
          {f.studyQuarters.map((q) => (
            <Descriptions.Item key={q.quarter} label={t('meetings.quarter', { n: q.quarter })}>
              {q.sessions} {q.missing && <Tag color="red">{t('meetings.missing')}</Tag>}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}

export default function MeetingListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [year, setYear] = useState(new Date().getFullYear());
  const load = useLoad((signal) => meetingApi.list(year, signal), [year]);
  const [recording, setRecording] = useState(false);
  const recordButton = can('meeting.manage') ? <Button type="primary" onClick={() => setRecording(true)} data-testid="meeting-record">{t('meetings.record')}</Button> : undefined;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('meetings.title')} data-testid="meetings-page" extra={<Space><InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />{recordButton}</Space>}>
        <ListPage<Meeting>
          load={load}
          rowKey="id"
          data-testid="meetings-list"
          empty={t('meetings.empty')}
          emptyAction={recordButton}
          columns={[
            { title: t('meetings.field.heldOn'), dataIndex: 'heldOn', width: 120 },
            { title: t('meetings.field.kind'), dataIndex: 'kind', width: 140, render: (v: string) => <Tag>{t(`meetings.kind.${v}`)}</Tag> },
            { title: t('meetings.field.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/meetings/${r.id}`}>{v}</Link> },
            { title: t('meetings.field.lawStudy'), key: 'study', render: (_: unknown, r) => r.lawStudy?.topic ?? '' },
          ]}
        />
      </Card>
      <YearCard year={year} />
      <RecordMeetingModal open={recording} onClose={() => setRecording(false)} onSaved={() => { setRecording(false); load.reload(); }} />
    </Space>
  );
}
