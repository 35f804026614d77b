// One challenge: the decision challenged (a case links to its page), hearings and who appeared, the outcome.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { PageSpinner } from '../app/PageSpinner';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { useAuth } from '../app/auth';
import { litigationApi, OUTCOMES, type Challenge, type Hearing } from './api';
import { StatusTag } from './StatusTag';
import './strings';

function StepModal({ c, step, onClose, onDone }: { c: Challenge; step: 'hearing' | 'close' | null; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit();
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  if (!step) return null;
  const disabledDate = (d: Dayjs) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(c.filedOn), 'day');
  const ok = async () => {
    const v = await form.validateFields();
    const work = step === 'hearing'
      ? () => litigationApi.hearing(c.id, { ...v, headAppeared: Boolean(v.headAppeared), heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD'), note: v.note || null })
      : () => litigationApi.close(c.id, { ...v, closedOn: (v.closedOn as Dayjs).format('YYYY-MM-DD'), changes: v.changes || null });
    if (await submit(work, t('litigation.saved'))) { form.resetFields(); onDone(); }
  };
  return (
    <Modal open title={t(step === 'hearing' ? 'litigation.addHearing' : 'litigation.close')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'litigation-step-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={step === 'hearing' ? { heldOn: dayjs(), headAppeared: true } : { closedOn: dayjs(), outcome: 'upheld' }}>
        {step === 'hearing' ? (
          <>
            <Alert type="info" showIcon message={t('litigation.appearanceNote')} style={{ marginBottom: 16 }} />
            <Form.Item name="heldOn" label={t('litigation.field.heldOn')} rules={[{ required: true }]}><DatePicker disabledDate={disabledDate} /></Form.Item>
            <Form.Item name="headAppeared" valuePropName="checked"><Checkbox>{t('litigation.field.headAppeared')}</Checkbox></Form.Item>
            <Form.Item name="appearedBy" label={t('litigation.field.appearedBy')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="note" label={t('litigation.field.note')}><Input.TextArea rows={2} /></Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="outcome" label={t('litigation.field.outcome')}><Select options={OUTCOMES.map((o) => ({ value: o, label: t(`litigation.outcome.${o}`) }))} /></Form.Item>
            <Form.Item name="changes" label={t('litigation.field.changes')} rules={[{ required: outcome === 'changed' }]}><Input.TextArea rows={3} /></Form.Item>
            <Form.Item name="closedOn" label={t('litigation.field.closedOn')} rules={[{ required: true }]}><DatePicker disabledDate={disabledDate} /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export default function LitigationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const load = useLoad((signal) => litigationApi.detail(id, signal), [id]);
  const [step, setStep] = useState<'hearing' | 'close' | null>(null);
  const c = load.data;
  if (!c) return load.error ? <LoadError message={load.error} onRetry={load.reload} /> : <PageSpinner />;
  const manage = can('litigation.manage');
  return (
    <Card
      title={c.subjectTitle}
      data-testid="litigation-detail"
      extra={manage && (
        <Space>
          {c.actions.includes('hearing') && <Button onClick={() => setStep('hearing')} data-testid="litigation-hearing">{t('litigation.addHearing')}</Button>}
          {c.actions.includes('close') && <Button type="primary" onClick={() => setStep('close')} data-testid="litigation-close">{t('litigation.close')}</Button>}
        </Space>
      )}
    >
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('litigation.field.kind')}>{t(`litigation.kind.${c.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('litigation.field.status')}><StatusTag c={c} /></Descriptions.Item>
        <Descriptions.Item label={t('litigation.field.subjectKind')}>{t(`litigation.subjectKind.${c.subjectKind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('litigation.field.subjectId')}>{c.link ? <Link to={c.link}>{c.subjectId}</Link> : c.subjectId}</Descriptions.Item>
        <Descriptions.Item label={t('litigation.field.applicant')}>{c.applicant}</Descriptions.Item>
        <Descriptions.Item label={t('litigation.field.body')}>{c.body}</Descriptions.Item>
        <Descriptions.Item label={t('litigation.field.filedOn')}>{c.filedOn}</Descriptions.Item>
        <Descriptions.Item label={t('litigation.field.closedOn')}>{c.closedOn}</Descriptions.Item>
        <Descriptions.Item label={t('litigation.field.changes')} span={2}>{c.changes}</Descriptions.Item>
      </Descriptions>
      {c.subjectKind === 'case' && <Alert type="info" showIcon message={t('litigation.pauseNote')} style={{ marginTop: 16 }} />}
      <Table<Hearing>
        style={{ marginTop: 16 }}
        size="small"
        rowKey={(h) => `${h.heldOn}-${h.appearedBy}`}
        dataSource={c.hearings}
        pagination={false}
        title={() => t('litigation.field.hearings')}
        columns={[
          { title: t('litigation.field.heldOn'), dataIndex: 'heldOn', width: 120 },
          { title: t('litigation.field.headAppeared'), dataIndex: 'headAppeared', width: 120, render: (v: boolean) => (v ? '✓' : '✗') },
          { title: t('litigation.field.appearedBy'), dataIndex: 'appearedBy' },
          { title: t('litigation.field.note'), dataIndex: 'note' },
        ]}
      />
      <StepModal c={c} step={step} onClose={() => setStep(null)} onDone={() => { setStep(null); load.reload(); }} />
    </Card>
  );
}
