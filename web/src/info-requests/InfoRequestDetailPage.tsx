// One request: the applicant, the clock, the steps taken, and the next steps (政府信息公开条例 第三十条–第三十六条).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Tag, Timeline } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { PageSpinner } from '../app/PageSpinner';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { yuanToFen } from '../app/format';
import { infoRequestApi, REPLY_KINDS, type InfoRequest } from './api';
import { DueTag } from './DueTag';

type StepName = 'receive' | 'correction' | 'corrected' | 'extend' | 'consultation_start' | 'consultation_end' | 'reply';
const PATHS: Record<StepName, string> = {
  receive: 'receive', correction: 'correction', corrected: 'corrected', extend: 'extension', consultation_start: 'consultation/start',
  consultation_end: 'consultation/end', reply: 'reply',
};
const DATE_FIELD: Record<StepName, string> = {
  receive: 'confirmedOn', correction: 'noticeOn', corrected: 'correctedOn', extend: 'decidedOn', consultation_start: 'startOn', consultation_end: 'endOn', reply: 'repliedOn',
};
const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function StepModal({ r, step, onClose, onDone }: { r: InfoRequest; step: StepName | null; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const required = new Set<string>(REPLY_KINDS.find((k) => k.kind === kind)?.required ?? []);
  if (!step) return null;
  const ok = async () => {
    const v = await form.validateFields();
    const dateField = DATE_FIELD[step];
    const body: Record<string, unknown> = { ...v, [dateField]: (v[dateField] as Dayjs).format('YYYY-MM-DD') };
    if (step === 'reply') {
      body.content = Object.fromEntries(Object.entries((v.content ?? {}) as Record<string, string>).filter(([, x]) => x));
      body.feeFen = yuanToFen(v.feeYuan) ?? 0;
      body.excessive = Boolean(v.excessive);
      delete body.feeYuan;
    }
    if (await submit(() => infoRequestApi.step(r.id, PATHS[step], body), t('infoRequests.saved'))) { form.resetFields(); onDone(); }
  };
  return (
    <Modal open title={t(`infoRequests.action.${step}`)} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} okButtonProps={{ 'data-testid': 'ir-step-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ [DATE_FIELD[step]]: dayjs() }}>
        <Form.Item name={DATE_FIELD[step]} label={t(`infoRequests.date.${step}`)} rules={[{ required: true }]}>
          <DatePicker disabledDate={noFuture} />
        </Form.Item>
        {step === 'correction' && <Form.Item name="matters" label={t('infoRequests.field.correctionMatters')} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>}
        {step === 'correction' && <Form.Item name="periodWorkingDays" label={t('infoRequests.field.correctionPeriod')} initialValue={15} rules={[{ required: true }]}><InputNumber min={1} max={60} /></Form.Item>}
        {step === 'corrected' && r.correctionDueOn && <Form.Item name="lateReason" label={t('infoRequests.field.lateReason')}><Input.TextArea rows={2} /></Form.Item>}
        {step === 'extend' && (
          <>
            <Form.Item name="workingDays" label={t('infoRequests.field.extensionWorkingDays')} rules={[{ required: true }]}><InputNumber min={1} max={20} /></Form.Item>
            <Form.Item name="reason" label={t('infoRequests.field.extensionReason')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
          </>
        )}
        {step === 'consultation_start' && <Form.Item name="party" label={t('infoRequests.field.party')} rules={[{ required: true }]}><Input /></Form.Item>}
        {step === 'reply' && (
          <>
            <Form.Item name="kind" label={t('infoRequests.field.replyKind')} rules={[{ required: true }]}>
              <Select data-testid="ir-reply-kind" options={REPLY_KINDS.map((k) => ({ value: k.kind, label: t(`infoRequests.replyKind.${k.kind}`) }))} />
            </Form.Item>
            {(['accessRoute', 'provision', 'reason', 'legalBasis', 'previousReply', 'otherAgency'] as const).filter((f) => required.has(f) || (f === 'otherAgency' && kind === 'not_responsible')).map((f) => (
              <Form.Item key={f} name={['content', f]} label={t(`infoRequests.content.${f}`)} rules={[{ required: required.has(f) }]}><Input.TextArea rows={2} /></Form.Item>
            ))}
            <Form.Item name="excessive" valuePropName="checked"><Checkbox>{t('infoRequests.field.excessive')}</Checkbox></Form.Item>
            <Form.Item name="feeYuan" label={t('infoRequests.field.fee')}><InputNumber min={0} precision={2} /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export default function InfoRequestDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const load = useLoad((signal) => infoRequestApi.detail(id!, signal), [id]);
  const [step, setStep] = useState<StepName | null>(null);
  const { busy, submit } = useSubmit();
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  if (!load.data) return <PageSpinner />;
  const r = load.data;
  const events = [
    r.receivedOn && `${r.receivedOn} ${t('infoRequests.event.received')}`,
    r.correctionNoticeOn && `${r.correctionNoticeOn} ${t('infoRequests.event.correction')}：${r.correctionMatters ?? ''}`,
    r.correctedOn && `${r.correctedOn} ${t('infoRequests.event.corrected')}`,
    ...r.pauses.map((p) => `${p.startOn} ~ ${p.endOn ?? '…'} ${t('infoRequests.event.consultation')}：${p.party}`),
    r.extensionWorkingDays > 0 && `${t('infoRequests.event.extended', { days: r.extensionWorkingDays })}：${r.extensionReason ?? ''}`,
    r.repliedOn && `${r.repliedOn} ${t('infoRequests.event.replied')}：${t(`infoRequests.replyKind.${r.replyKind}`)}`,
  ].filter(Boolean) as string[];
  return (
    <Card
      title={`${t('infoRequests.detailTitle')} ${r.number}`}
      data-testid="info-request-detail"
      extra={(
        <Space wrap>
          {r.actions.filter((a) => a !== 'document' && a !== 'abandon').map((a) => (
            <Button key={a} onClick={() => setStep(a as StepName)} data-testid={`ir-action-${a}`}>{t(`infoRequests.action.${a}`)}</Button>
          ))}
          {r.actions.includes('abandon') && (
            <Popconfirm title={t('infoRequests.action.abandonConfirm')} onConfirm={() => void submit(async () => { await infoRequestApi.step(r.id, 'abandon', {}); load.reload(); }, t('infoRequests.saved'))}>
              <Button danger data-testid="ir-action-abandon">{t('infoRequests.action.abandon')}</Button>
            </Popconfirm>
          )}
          {r.status === 'replied' && (
            <Button icon={<FileWordOutlined />} loading={busy} onClick={() => void submit(async () => { await infoRequestApi.document(r.id); load.reload(); }, t('infoRequests.downloaded'))} data-testid="ir-document">
              {t('infoRequests.action.document')}
            </Button>
          )}
        </Space>
      )}
    >
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('infoRequests.field.status')}><Tag>{t(`infoRequests.status.${r.status}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('infoRequests.field.dueOn')}><DueTag r={r} /></Descriptions.Item>
        <Descriptions.Item label={t('infoRequests.field.applicantName')}>{r.applicantName}（{t(`infoRequests.applicantKind.${r.applicantKind}`)}）</Descriptions.Item>
        <Descriptions.Item label={t('infoRequests.field.phone')}>{r.phone}</Descriptions.Item>
        <Descriptions.Item label={t('infoRequests.field.channel')}>{t(`infoRequests.channel.${r.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('infoRequests.field.provisionForm')}>{t(`infoRequests.provisionForm.${r.provisionForm}`)}</Descriptions.Item>
        <Descriptions.Item label={t('infoRequests.field.description')} span={2}>{r.description}</Descriptions.Item>
        {r.correctionNoticeDue && <Descriptions.Item label={t('infoRequests.field.correctionNoticeDue')}>{r.correctionNoticeDue.dueOn}</Descriptions.Item>}
        {r.correctionDueOn && <Descriptions.Item label={t('infoRequests.field.correctionDueOn')}>{r.correctionDueOn}{r.deemedAbandoned && <Tag color="red" style={{ marginLeft: 8 }}>{t('infoRequests.status.abandoned')}</Tag>}</Descriptions.Item>}
        {r.consultationAnswerDue && <Descriptions.Item label={t('infoRequests.field.consultationAnswerDue')}>{r.consultationAnswerDue.dueOn}</Descriptions.Item>}
        {r.replyNumber && <Descriptions.Item label={t('infoRequests.field.replyNumber')}>{r.replyNumber}</Descriptions.Item>}
      </Descriptions>
      <Timeline style={{ marginTop: 24 }} items={events.map((e) => ({ children: e }))} />
      <StepModal r={r} step={step} onClose={() => setStep(null)} onDone={() => { setStep(null); load.reload(); }} />
    </Card>
  );
}
