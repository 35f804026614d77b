// One review task: the subject (a case links to its page), the counsel, and the opinion given once.
import { Link, useParams } from 'react-router-dom';
import { Button, Card, DatePicker, Descriptions, Form, Input, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { PageSpinner } from '../app/PageSpinner';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { useAuth } from '../app/auth';
import { counselApi } from './api';
import './strings';

export default function CounselTaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const load = useLoad((signal) => counselApi.task(id, signal), [id]);
  const [form] = Form.useForm<{ opinion: string; answeredOn: Dayjs }>();
  const { busy, submit } = useSubmit();
  const task = load.data;
  if (!task) return load.error ? <LoadError message={load.error} onRetry={load.reload} /> : <PageSpinner />;
  const answer = async () => {
    const v = await form.validateFields();
    if (await submit(() => counselApi.answer(task.id, { opinion: v.opinion, answeredOn: v.answeredOn.format('YYYY-MM-DD') }), t('counsel.saved'))) load.reload();
  };
  return (
    <Card title={task.subjectTitle} data-testid="counsel-task" extra={<Tag color={task.answered ? 'green' : 'orange'}>{t(task.answered ? 'counsel.answered' : 'counsel.pending')}</Tag>}>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('counsel.field.subjectKind')}>{t(`counsel.subjectKind.${task.subjectKind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('counsel.field.subjectRef')}>{task.link ? <Link to={task.link}>{task.subjectRef}</Link> : task.subjectRef}</Descriptions.Item>
        <Descriptions.Item label={t('counsel.field.counsel')}>{task.counsel ? <Link to={`/counsel/${task.counsel.id}`}>{task.counsel.name}</Link> : ''}</Descriptions.Item>
        <Descriptions.Item label={t('counsel.field.assignedOn')}>{task.assignedOn}</Descriptions.Item>
        <Descriptions.Item label={t('counsel.field.dueOn')}>{task.dueOn}</Descriptions.Item>
        <Descriptions.Item label={t('counsel.field.answeredOn')}>{task.answeredOn}</Descriptions.Item>
        <Descriptions.Item label={t('counsel.field.opinion')} span={2}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{task.opinion}</Typography.Paragraph></Descriptions.Item>
      </Descriptions>
      {!task.answered && can('counsel.manage') && (
        <Form form={form} layout="vertical" style={{ marginTop: 16, maxWidth: 640 }} initialValues={{ answeredOn: dayjs() }}>
          <Form.Item name="opinion" label={t('counsel.field.opinion')} rules={[{ required: true }]}><Input.TextArea rows={4} /></Form.Item>
          <Form.Item name="answeredOn" label={t('counsel.field.answeredOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(task.assignedOn), 'day')} />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void answer()} data-testid="counsel-answer">{t('counsel.answer')}</Button>
        </Form>
      )}
    </Card>
  );
}
