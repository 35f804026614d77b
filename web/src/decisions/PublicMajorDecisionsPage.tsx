// Public (no login): drafts of major decisions put to public comment (重大行政决策程序暂行条例 第十五条), each with its
// draft, period and a form to comment; the answered comments are published with their answers (第十八条).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { decisionsApi } from './api';

export function PublicMajorDecisionsPage() {
  const { t } = useTranslation();
  const load = useLoad((signal) => decisionsApi.publicList(signal), []);
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  return (
    <Card title={t('majorDecisions.public.title')} loading={!load.data} data-testid="public-major-decisions">
      <List dataSource={load.data?.items ?? []} locale={{ emptyText: <EmptyState description={t('majorDecisions.public.empty')} /> }}
        renderItem={(d) => (
          <List.Item>
            <Space wrap>
              <Link to={`/public/major-decisions/${d.id}`} data-testid={`public-major-decision-${d.id}`}>{d.title}</Link>
              <Typography.Text type="secondary">{d.department}</Typography.Text>
              <Typography.Text>{d.commentStartOn} ~ {d.commentEndOn}</Typography.Text>
              {d.open ? <Tag color="green">{t('majorDecisions.public.open')}</Tag> : <Tag>{t('majorDecisions.public.closed')}</Tag>}
            </Space>
          </List.Item>
        )} />
    </Card>
  );
}

export function PublicMajorDecisionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const load = useLoad((signal) => decisionsApi.publicDetail(id!, signal), [id]);
  const [form] = Form.useForm<{ authorName?: string; content: string }>();
  const { busy, submit } = useSubmit();
  const [sent, setSent] = useState(false);
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  const d = load.data;
  if (!d) return <Card loading />;
  const onFinish = async (v: { authorName?: string; content: string }) => {
    if (await submit(() => decisionsApi.publicComment(d.id, { authorName: v.authorName ?? null, content: v.content }), t('majorDecisions.public.sent'))) {
      setSent(true); form.resetFields(); load.reload();
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="public-major-decision">
      <Card title={d.title}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('majorDecisions.field.department')}>{d.department}</Descriptions.Item>
          <Descriptions.Item label={t('majorDecisions.commentPeriod')}>{d.commentStartOn} ~ {d.commentEndOn}{d.shortenedReason ? `（${t('majorDecisions.field.shortenedReason')}：${d.shortenedReason}）` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('majorDecisions.public.received')}>{d.received}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5}>{t('majorDecisions.field.draftText')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="public-major-decision-draft">{d.draftText}</Typography.Paragraph>
        {d.decision && <Alert type="success" message={t('majorDecisions.public.decided', { on: d.decision.publishedOn })} description={d.decision.text} />}
      </Card>
      {d.open && (
        <Card title={t('majorDecisions.public.comment')}>
          {sent && <Alert type="success" showIcon message={t('majorDecisions.public.sent')} style={{ marginBottom: 12 }} data-testid="public-major-decision-sent" />}
          <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
            <Form.Item name="authorName" label={t('majorDecisions.public.authorName')}><Input maxLength={50} /></Form.Item>
            <Form.Item name="content" label={t('majorDecisions.field.content')} rules={[{ required: true }]}><Input.TextArea rows={4} maxLength={5000} data-testid="public-major-decision-content" /></Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="public-major-decision-submit">{t('majorDecisions.public.submit')}</Button>
          </Form>
        </Card>
      )}
      <Card title={t('majorDecisions.public.answers')}>
        <List dataSource={d.comments} locale={{ emptyText: <EmptyState description={t('majorDecisions.public.noAnswers')} /> }} data-testid="public-major-decision-answers"
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical">
                <Typography.Text>{c.content}</Typography.Text>
                <Typography.Text type="success">{t('majorDecisions.field.answer')}：{c.answer}（{c.answeredOn}）</Typography.Text>
              </Space>
            </List.Item>
          )} />
      </Card>
    </Space>
  );
}
