// One normative document: its particulars and clocks, the timeline of steps, the next steps the server
// allows (refusals shown with the article they rest on), and the Word documents.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Timeline, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { LoadError } from '../app/LoadError';
import { PageSpinner } from '../app/PageSpinner';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { normativeApi, type DocumentAction, type NormativeDocument } from './api';
import { ClockTags } from './ClockTags';
import './strings';

const DATE_FIELDS: Record<DocumentAction, string[]> = {
  assess: ['assessedOn'], comment_start: ['startOn', 'plannedEndOn'], comment_close: ['endOn'], review_submit: ['submittedOn'], review_opinion: ['reviewedOn'],
  deliberate: ['meetingOn'], issue: ['issuedOn', 'effectiveOn'], publish: ['publishedOn'], file: ['filedOn'], cleanup: ['cleanedOn'],
};
const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function StepModal({ d, step, onClose, onDone }: { d: NormativeDocument; step: DocumentAction | null; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  if (!step) return null;
  const dates = DATE_FIELDS[step];
  const ok = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { ...v };
    for (const f of dates) if (v[f]) body[f] = (v[f] as Dayjs).format('YYYY-MM-DD');
    setBusy(true);
    setRefusal(null);
    try {
      await normativeApi.step(d.id, step, body);
      form.resetFields();
      onDone();
    } catch (e) {
      setRefusal(e instanceof ApiError ? e : new ApiError(0, { code: 'ERROR', message: String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const date = (name: string, label: string, required = true) => (
    <Form.Item key={name} name={name} label={label} rules={[{ required }]}><DatePicker disabledDate={name === 'plannedEndOn' || name === 'effectiveOn' ? undefined : noFuture} data-testid={`nd-field-${name}`} /></Form.Item>
  );
  const text = (name: string, label: string, required = true, rows = 2) => (
    <Form.Item key={name} name={name} label={label} rules={[{ required }]}><Input.TextArea rows={rows} data-testid={`nd-field-${name}`} /></Form.Item>
  );
  const initial: Record<string, unknown> = Object.fromEntries(dates.map((f) => [f, f === 'plannedEndOn' ? dayjs().add(30, 'day') : f === 'effectiveOn' ? undefined : dayjs()]));
  if (step === 'comment_close') Object.assign(initial, { received: 0, answered: 0 });
  if (step === 'review_opinion') initial.passed = true;
  if (step === 'deliberate') initial.meetingKind = 'bureau_affairs';
  if (step === 'cleanup') initial.outcome = 'retain';
  return (
    <Modal open title={t(`normativeDocs.action.${step}`)} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} okButtonProps={{ 'data-testid': 'nd-step-ok' } as never} destroyOnHidden>
      {refusal && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="nd-refusal"
          message={refusal.message} description={refusal.citation ? `${refusal.citation.law} ${refusal.citation.article}` : undefined} />
      )}
      <Form form={form} layout="vertical" initialValues={initial}>
        {step === 'assess' && <>{date('assessedOn', t('normativeDocs.action.assess'))}{text('summary', t('normativeDocs.field.summary'))}</>}
        {step === 'comment_start' && <>{date('startOn', t('normativeDocs.field.startOn'))}{date('plannedEndOn', t('normativeDocs.field.plannedEndOn'))}{text('shortReason', t('normativeDocs.field.shortReason'), false)}</>}
        {step === 'comment_close' && (
          <>
            {date('endOn', t('normativeDocs.field.endOn'))}
            <Space>
              <Form.Item name="received" label={t('normativeDocs.field.received')} rules={[{ required: true }]}><InputNumber min={0} data-testid="nd-field-received" /></Form.Item>
              <Form.Item name="answered" label={t('normativeDocs.field.answered')} rules={[{ required: true }]}><InputNumber min={0} data-testid="nd-field-answered" /></Form.Item>
            </Space>
            {text('answerSummary', t('normativeDocs.field.answerSummary'), false)}
          </>
        )}
        {step === 'review_submit' && date('submittedOn', t('normativeDocs.field.submittedOn'))}
        {step === 'review_opinion' && (
          <>
            {date('reviewedOn', t('normativeDocs.field.reviewedOn'))}
            {text('competence', t('normativeDocs.field.competence'))}{text('procedure', t('normativeDocs.field.procedure'))}{text('content', t('normativeDocs.field.content'))}
            <Form.Item name="passed" label={t('normativeDocs.field.passed')} rules={[{ required: true }]}>
              <Radio.Group options={[{ value: true, label: t('normativeDocs.passed.yes') }, { value: false, label: t('normativeDocs.passed.no') }]} />
            </Form.Item>
            {text('conclusion', t('normativeDocs.field.conclusion'), false)}
          </>
        )}
        {step === 'deliberate' && (
          <>
            {date('meetingOn', t('normativeDocs.field.meetingOn'))}
            <Form.Item name="meetingKind" label={t('normativeDocs.field.meetingKind')} rules={[{ required: true }]}>
              <Select options={(['bureau_affairs', 'director_office'] as const).map((k) => ({ value: k, label: t(`normativeDocs.meetingKind.${k}`) }))} />
            </Form.Item>
            {text('note', t('normativeDocs.field.note'), false)}
          </>
        )}
        {step === 'issue' && (
          <>
            {date('issuedOn', t('normativeDocs.field.issuedOn'))}{date('effectiveOn', t('normativeDocs.field.effectiveOn'), false)}
            <Form.Item name="validityYears" label={t('normativeDocs.field.validityYears')}><InputNumber min={1} max={10} /></Form.Item>
            {d.draftingLevel === 'government' && text('documentNumber', t('normativeDocs.field.governmentNumber'), true, 1)}
          </>
        )}
        {step === 'publish' && <>{date('publishedOn', t('normativeDocs.field.publishedOn'))}{text('channel', t('normativeDocs.field.channel'), true, 1)}</>}
        {step === 'file' && <>{date('filedOn', t('normativeDocs.field.filedOn'))}{text('filedWith', t('normativeDocs.field.filedWith'), true, 1)}</>}
        {step === 'cleanup' && (
          <>
            {date('cleanedOn', t('normativeDocs.field.cleanedOn'))}
            <Form.Item name="outcome" label={t('normativeDocs.field.outcome')} rules={[{ required: true }]}>
              <Radio.Group options={(['retain', 'amend', 'repeal'] as const).map((k) => ({ value: k, label: t(`normativeDocs.outcome.${k}`) }))} />
            </Form.Item>
            {text('note', t('normativeDocs.field.cleanupNote'))}
          </>
        )}
      </Form>
    </Modal>
  );
}

export default function NormativeDocumentDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const load = useLoad((signal) => normativeApi.detail(id!, signal), [id]);
  const [step, setStep] = useState<DocumentAction | null>(null);
  const { busy, submit } = useSubmit();
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  if (!load.data) return <PageSpinner />;
  const d = load.data;
  const ev = (on: string | null | undefined, text: string, color?: string) => (on ? [{ on, text, color }] : []);
  const events = [
    ...ev(d.draftedOn, t('normativeDocs.event.drafted')),
    ...ev(d.assessedOn, `${t('normativeDocs.event.assessed')}：${d.assessmentSummary ?? ''}`),
    ...ev(d.commentStartOn, `${t('normativeDocs.event.comment')} ${d.commentStartOn} ~ ${d.commentPlannedEndOn ?? ''}${d.commentShortReason ? `（${d.commentShortReason}）` : ''}`),
    ...ev(d.commentEndOn, t('normativeDocs.event.commentClosed', { received: d.commentsReceived ?? 0, answered: d.commentsAnswered ?? 0 })),
    ...d.reviews.flatMap((r) => [
      ...ev(r.submittedOn, t('normativeDocs.event.submitted', { round: r.round })),
      ...ev(r.reviewedOn, t('normativeDocs.event.reviewed', { result: t(r.passed ? 'normativeDocs.passed.yes' : 'normativeDocs.passed.no') }), r.passed ? 'green' : 'red'),
    ]),
    ...ev(d.deliberatedOn, `${t('normativeDocs.event.deliberated')}（${d.meetingKind ? t(`normativeDocs.meetingKind.${d.meetingKind}`) : ''}）${d.meetingNote ?? ''}`),
    ...ev(d.issuedOn, `${t('normativeDocs.event.issued')} ${d.documentNumber ?? ''}`),
    ...ev(d.publishedOn, `${t('normativeDocs.event.published')}：${d.publicationChannel ?? ''}`),
    ...ev(d.filedOn, `${t('normativeDocs.event.filed')}：${d.filedWith ?? ''}`),
    ...d.cleanups.flatMap((c) => ev(c.cleanedOn, `${t('normativeDocs.event.cleanup', { outcome: t(`normativeDocs.outcome.${c.outcome}`) })}：${c.note}`)),
    ...ev(d.endedOn, t('normativeDocs.event.ended'), 'gray'),
  ];
  return (
    <Card
      title={`${t('normativeDocs.detailTitle')} ${d.documentNumber ?? `#${d.id}`}`}
      data-testid="normative-document-detail"
      extra={(
        <Space wrap>
          {d.actions.map((a) => <Button key={a} onClick={() => setStep(a)} data-testid={`nd-action-${a}`}>{t(`normativeDocs.action.${a}`)}</Button>)}
          {d.documentNumber && (
            <Button icon={<FileWordOutlined />} loading={busy} onClick={() => void submit(() => normativeApi.document(d.id), t('normativeDocs.downloaded'))} data-testid="nd-document">
              {t('normativeDocs.action.document')}
            </Button>
          )}
        </Space>
      )}
    >
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('normativeDocs.field.title')} span={2}>{d.title}</Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.status')}><Tag data-testid="nd-detail-status">{t(`normativeDocs.status.${d.status}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.draftingUnit')}>{d.draftingUnit}</Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.draftingLevel')}><span data-testid="nd-level">{t(`normativeDocs.draftingLevel.${d.draftingLevel}`)}</span></Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.number')}><span data-testid="nd-number">{d.documentNumber ?? '—'}</span></Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.signer')}>{d.signerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.effectiveOn')}>{d.effectiveOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.validity')}>{d.validUntilOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.filing')} span={2}><ClockTags d={d} /></Descriptions.Item>
        {d.amendsId && <Descriptions.Item label={t('normativeDocs.amends')} span={2}><Link to={`/normative-documents/${d.amendsId}`}>#{d.amendsId}</Link></Descriptions.Item>}
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>{d.body}</Typography.Paragraph>
      <Timeline style={{ marginTop: 24 }} data-testid="nd-timeline" items={events.map((e) => ({ color: e.color, children: `${e.on} ${e.text}` }))} />
      {d.reviews.filter((r) => r.reviewedOn).map((r) => (
        <Button key={r.id} icon={<FileWordOutlined />} style={{ marginInlineEnd: 8 }} onClick={() => void submit(() => normativeApi.opinion(d.id, r.round), t('normativeDocs.downloaded'))}>
          {t('normativeDocs.action.opinion')} #{r.round}
        </Button>
      ))}
      <StepModal d={d} step={step} onClose={() => setStep(null)} onDone={() => { setStep(null); load.reload(); }} />
    </Card>
  );
}
