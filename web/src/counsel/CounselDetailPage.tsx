// One counsel: the register entry and the review tasks assigned.
import { useParams } from 'react-router-dom';
import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { PageSpinner } from '../app/PageSpinner';
import { useLoad } from '../app/useLoad';
import { counselApi } from './api';
import { TaskTable } from './TaskTable';
import './strings';

export default function CounselDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useLoad((signal) => counselApi.detail(id, signal), [id]);
  const c = load.data;
  const tasks = { ...load, data: c ? { items: c.tasks } : null };
  if (!c) return load.error ? <LoadError message={load.error} onRetry={load.reload} /> : <PageSpinner />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="counsel-detail">
      <Card title={c.name}>
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={t('counsel.field.kind')}>{t(`counsel.kind.${c.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('counsel.field.firm')}>{c.firm}</Descriptions.Item>
          <Descriptions.Item label={t('counsel.field.licenceNo')}>{c.licenceNo}</Descriptions.Item>
          <Descriptions.Item label={t('counsel.field.term')}>{c.termFromOn} ~ {c.termToOn ?? ''}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('counsel.tasksTitle')}><TaskTable load={tasks} empty={t('counsel.tasksEmpty')} /></Card>
    </Space>
  );
}
