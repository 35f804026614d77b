// One typical case: the officer edits the draft (the server refuses text that still identifies the party)
// and submits it; a legal reviewer approves (published) or returns it with a reason.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { trainingApi } from './api';
import { TrainingNav } from './TrainingNav';
import { STATUS_COLOR } from './TypicalCasesPage';
import type { TypicalCase } from './types';

type Texts = Pick<TypicalCase, 'title' | 'facts' | 'analysis' | 'lesson'>;

export default function TypicalCasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, reload } = useLoad((signal) => trainingApi.typicalCase(id, signal), [id]);
  const [form] = Form.useForm<Texts>();
  const { busy, submit } = useSubmit();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => { if (data) form.setFieldsValue(data); }, [data, form]);
  const act = async (work: () => Promise<unknown>, done: string) => { if (await submit(work, done)) reload(); };
  const save = async () => { const v = await form.validateFields(); await act(() => trainingApi.editTypicalCase(data!.id, v), t('learning.tc.saved')); };
  return (
    <div data-testid="typical-case-page">
      <TrainingNav />
      <Space style={{ marginBottom: 12 }}><Link to="/training/typical-cases">{t('learning.tc.back')}</Link></Space>
      <LoadError message={error} onRetry={reload} />
      {data && (
        <Card title={data.title} extra={<Tag color={STATUS_COLOR[data.status]} data-testid="tc-status" data-status={data.status}>{t(`learning.tcStatus.${data.status}`)}</Tag>}>
          {data.caseNumber && <Typography.Paragraph type="secondary">{t('learning.tc.source', { number: data.caseNumber })}</Typography.Paragraph>}
          {data.status === 'returned' && data.returnReason && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('learning.tc.returned', { reason: data.returnReason })} />}
          {data.actions.edit ? (
            <Form form={form} layout="vertical" data-testid="tc-form">
              <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('learning.tc.redactedHelp')} />
              <Form.Item name="title" label={t('learning.tc.caseTitle')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input data-testid="tc-title" /></Form.Item>
              <Form.Item name="facts" label={t('learning.tc.facts')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={5} data-testid="tc-facts" /></Form.Item>
              <Form.Item name="analysis" label={t('learning.tc.analysis')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={5} data-testid="tc-analysis" /></Form.Item>
              <Form.Item name="lesson" label={t('learning.tc.lesson')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} data-testid="tc-lesson" /></Form.Item>
              <Space>
                <Button loading={busy} onClick={() => void save()} data-testid="tc-save">{t('learning.tc.save')}</Button>
                {data.actions.submit && <Button type="primary" loading={busy} data-testid="tc-submit"
                  onClick={() => void form.validateFields().then((v) => act(async () => { await trainingApi.editTypicalCase(data.id, v); await trainingApi.submitTypicalCase(data.id); }, t('learning.tc.submitted')))}>{t('learning.tc.submit')}</Button>}
              </Space>
            </Form>
          ) : (
            <div data-testid="tc-text">
              {(['facts', 'analysis', 'lesson'] as const).map((k) => (
                <div key={k}><Typography.Title level={5}>{t(`learning.tc.${k}`)}</Typography.Title><Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data[k]}</Typography.Paragraph></div>
              ))}
            </div>
          )}
          {(data.actions.approve || data.actions.return) && (
            <Space style={{ marginTop: 12 }}>
              <Button type="primary" loading={busy} data-testid="tc-approve" onClick={() => void act(() => trainingApi.reviewTypicalCase(data.id, { outcome: 'approve' }), t('learning.tc.published'))}>{t('learning.tc.approve')}</Button>
              <Button danger data-testid="tc-return" onClick={() => setReturning(true)}>{t('learning.tc.return')}</Button>
            </Space>
          )}
          <Modal open={returning} title={t('learning.tc.return')} onCancel={() => setReturning(false)} okButtonProps={{ disabled: !reason.trim() }}
            onOk={() => void act(() => trainingApi.reviewTypicalCase(data.id, { outcome: 'return', reason }), t('learning.tc.returnedDone')).then(() => setReturning(false))}>
            <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('learning.tc.reason')} />
          </Modal>
        </Card>
      )}
    </div>
  );
}
