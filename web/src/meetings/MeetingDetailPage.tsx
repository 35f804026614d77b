// One meeting: attendees, agenda (a case links to its page), the law studied before business, minutes.
import { Link, useParams } from 'react-router-dom';
import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { PageSpinner } from '../app/PageSpinner';
import { useLoad } from '../app/useLoad';
import { meetingApi } from './api';
import './strings';

export default function MeetingDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useLoad((signal) => meetingApi.detail(id, signal), [id]);
  const m = load.data;
  if (!m) return load.error ? <LoadError message={load.error} onRetry={load.reload} /> : <PageSpinner />;
  const attendees = [...(m.attendeeUsers ?? []).map((u) => u.displayName), ...m.attendeeNames].join('、');
  return (
    <Card title={m.title} data-testid="meeting-detail" extra={<Tag>{t(`meetings.kind.${m.kind}`)}</Tag>}>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('meetings.field.heldOn')}>{m.heldOn}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.field.attendeeNames')}>{attendees}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.field.lawStudy')}>
          {m.lawStudy ? `${m.lawStudy.topic}（${t('meetings.field.speaker')}：${m.lawStudy.speaker}）— ${m.lawStudy.materials}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.field.agenda')}>
          <List size="small" dataSource={m.agenda} renderItem={(a) => (
            <List.Item>
              <Tag>{t(`meetings.agendaKind.${a.kind}`)}</Tag>
              {a.link ? <Link to={a.link}>{a.title}</Link> : a.title}{a.ref && !a.link ? `（${a.ref}）` : ''}
            </List.Item>
          )} />
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.field.minutes')}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.minutes}</Typography.Paragraph></Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
