// One major decision: the step timeline, the actions the server says are open now (a blocked one is disabled and
// cites its article), one form per step, the public comments with their answers, the legality review opinion (Word).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Radio, Select, Space, Steps, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { citationText, refusalText } from '../app/format';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { useAuth } from '../app/auth';
import { decisionsApi } from './api';
import type { ActionName, Comment, DecisionDetail } from './types';

type FieldKind = 'date' | 'text' | 'textarea' | 'bool' | 'risk';
/** The fields of each step's form, named as the API takes them. */
const FORMS: Record<ActionName, [string, FieldKind, boolean?][]> = {
  propose: [['proposedOn', 'date'], ['draftText', 'textarea']],
  comment: [['startOn', 'date'], ['endOn', 'date'], ['shortenedReason', 'textarea', false]],
  hearing: [['heldOn', 'date'], ['summary', 'textarea']],
  experts: [['heldOn', 'date'], ['opinion', 'textarea']],
  risk: [['assessedOn', 'date'], ['level', 'risk'], ['report', 'textarea']],
  'review-submit': [['submittedOn', 'date']],
  review: [['completedOn', 'date'], ['passed', 'bool'], ['competence', 'textarea'], ['procedure', 'textarea'], ['content', 'textarea'], ['counselOpinion', 'textarea'], ['reviewerOpinion', 'textarea']],
  discuss: [['discussedOn', 'date']],
  decide: [['decidedOn', 'date'], ['decisionText', 'textarea']],
  publish: [['publishedOn', 'date'], ['channel', 'text']],
  archive: [['archivedOn', 'date'], ['reference', 'text']],
  evaluate: [['evaluatedOn', 'date'], ['text', 'textarea']],
};

function StepModal({ detail, action, onClose, onSaved }: { detail: DecisionDetail; action: ActionName | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { busy, submit } = useSubmit();
  const [refused, setRefused] = useState<string | null>(null);
  const fields = action ? FORMS[action] : [];
  const onOk = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = {};
    for (const [name, kind] of fields) body[name] = kind === 'date' ? (v[name] as Dayjs).format('YYYY-MM-DD') : v[name] ?? (kind === 'bool' ? false : null);
    if (action === 'discuss') {
      Object.assign(body, { meetingKind: v.meetingKind, attendees: v.attendees, opinions: (v.opinions as { text?: string }[]).map((o) => ({ ...o, text: o.text ?? '' })), conclusion: v.conclusion, departureReason: v.departureReason ?? null });
    }
    setRefused(null);
    const ok = await submit(async () => {
      try { await decisionsApi.step(detail.id, action!, body); } catch (e) {
        if (e instanceof ApiError) setRefused(e.message);
        throw e;
      }
    }, t('majorDecisions.saved'));
    if (ok) onSaved();
  };
  const initial: Record<string, unknown> = { passed: true, level: 'low', meetingKind: 'director_office', conclusion: 'adopt', attendees: [], opinions: [{ name: '', isHead: false, stance: 'agree', text: '' }, { name: '', isHead: true, stance: 'agree', text: '' }] };
  for (const [name, kind] of fields) if (kind === 'date') initial[name] = dayjs(name === 'endOn' ? dayjs(detail.todayOn).add(29, 'day') : detail.todayOn);
  return (
    <Modal open={action !== null} title={action ? t(`majorDecisions.action.${action}`) : ''} onCancel={() => { setRefused(null); onClose(); }} onOk={() => void onOk()} confirmLoading={busy}
      destroyOnHidden width={720} okButtonProps={{ 'data-testid': 'decision-step-submit' } as Record<string, string>}>
      {refused && <Alert type="error" showIcon message={refused} style={{ marginBottom: 12 }} data-testid="decision-step-refusal" />}
      <Form form={form} layout="vertical" preserve={false} initialValues={initial} data-testid={`decision-form-${action}`}>
        {fields.map(([name, kind, required = true]) => (
          <Form.Item key={name} name={name} label={t(`majorDecisions.field.${name}`)} valuePropName={kind === 'bool' ? 'checked' : 'value'} rules={kind === 'bool' ? [] : [{ required }]}>
            {kind === 'date' ? <DatePicker data-testid={`decision-field-${name}`} />
              : kind === 'bool' ? <Switch data-testid={`decision-field-${name}`} />
                : kind === 'risk' ? <Radio.Group options={(['low', 'medium', 'high'] as const).map((l) => ({ value: l, label: t(`majorDecisions.risk.${l}`) }))} />
                  : kind === 'text' ? <Input data-testid={`decision-field-${name}`} /> : <Input.TextArea rows={2} data-testid={`decision-field-${name}`} />}
          </Form.Item>
        ))}
        {action === 'discuss' && <>
          <Form.Item name="meetingKind" label={t('majorDecisions.field.meetingKind')}>
            <Radio.Group options={(['party_group', 'director_office'] as const).map((k) => ({ value: k, label: t(`majorDecisions.meetingKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="attendees" label={t('majorDecisions.field.attendees')} rules={[{ required: true }]}><Select mode="tags" open={false} data-testid="decision-field-attendees" /></Form.Item>
          <Typography.Text type="secondary">{t('majorDecisions.opinionsHint')}</Typography.Text>
          <Form.List name="opinions">
            {(items, { add, remove }) => <>
              {items.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('majorDecisions.field.speaker')} data-testid={`decision-opinion-name-${i}`} /></Form.Item>
                  <Form.Item name={[f.name, 'isHead']} valuePropName="checked"><Switch checkedChildren={t('majorDecisions.head')} unCheckedChildren={t('majorDecisions.member')} /></Form.Item>
                  <Form.Item name={[f.name, 'stance']}><Select style={{ width: 100 }} options={(['agree', 'disagree', 'abstain'] as const).map((s) => ({ value: s, label: t(`majorDecisions.stance.${s}`) }))} /></Form.Item>
                  <Form.Item name={[f.name, 'text']}><Input placeholder={t('majorDecisions.field.opinionText')} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', isHead: false, stance: 'agree', text: '' }, Math.max(0, items.length - 1))}>{t('majorDecisions.addOpinion')}</Button>
            </>}
          </Form.List>
          <Form.Item name="conclusion" label={t('majorDecisions.field.conclusion')} style={{ marginTop: 12 }}>
            <Radio.Group options={(['adopt', 'reject'] as const).map((k) => ({ value: k, label: t(`majorDecisions.conclusion.${k}`) }))} />
          </Form.Item>
          <Form.Item name="departureReason" label={t('majorDecisions.field.departureReason')}><Input.TextArea rows={2} /></Form.Item>
        </>}
      </Form>
    </Modal>
  );
}

export default function DecisionDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useAuth();
  const load = useLoad((signal) => decisionsApi.detail(id!, signal), [id]);
  const { busy, submit } = useSubmit();
  const [action, setAction] = useState<ActionName | null>(null);
  const [answering, setAnswering] = useState<Comment | null>(null);
  const [answer, setAnswer] = useState('');
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  const d = load.data;
  if (!d) return <Card loading />;
  const current = d.timeline.findIndex((s) => s.step === d.step);
  const answerable = can('decision.manage') && !['review-submitted', 'reviewed', 'discussed', 'decided', 'published', 'archived', 'evaluated'].includes(d.step);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="decision-detail">
      <Card title={<Space>{d.title}<Tag color="processing" data-testid="decision-step" data-step={d.step}>{t(`majorDecisions.step.${d.step}`)}</Tag></Space>}
        extra={<Space wrap>
          {d.actions.map((a) => {
            const b = <Button key={a.name} type={a.allowed ? 'primary' : 'default'} disabled={!a.allowed || busy} onClick={() => setAction(a.name)} data-testid={`decision-action-${a.name}`}>{t(`majorDecisions.action.${a.name}`)}</Button>;
            return a.allowed ? b : (
              <Tooltip key={a.name} title={refusalText(t, a.refusal?.code, a.refusal?.citation)}>
                <span data-testid={`decision-blocked-${a.name}`} data-code={a.refusal?.code}>{b}</span>
              </Tooltip>
            );
          })}
          {d.reviewCompletedOn && <Button icon={<DownloadOutlined />} onClick={() => void decisionsApi.reviewOpinion(d.id)} data-testid="decision-review-opinion">{t('majorDecisions.reviewOpinion')}</Button>}
        </Space>}>
        <Steps size="small" current={current} data-testid="decision-timeline" style={{ marginBottom: 16 }}
          items={d.timeline.map((s) => ({ title: t(`majorDecisions.step.${s.step}`), description: s.on ?? '', status: s.done ? 'finish' : 'wait' }))} />
        {d.actions.filter((a) => !a.allowed).map((a) => (
          <Alert key={a.name} type="info" showIcon style={{ marginBottom: 8 }} data-testid={`decision-gate-${a.name}`}
            message={`${t(`majorDecisions.action.${a.name}`)}：${refusalText(t, a.refusal?.code, a.refusal?.citation)}`} />
        ))}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('majorDecisions.field.department')}>{d.department}</Descriptions.Item>
          <Descriptions.Item label={t('majorDecisions.catalogue')}>{t('majorDecisions.catalogueOf', { year: d.catalogue.year })}（{t(`majorDecisions.catalogueStatus.${d.catalogue.status}`)}）</Descriptions.Item>
          {d.draftText && <Descriptions.Item label={t('majorDecisions.field.draftText')} span={2}>{d.draftText}</Descriptions.Item>}
          {d.commentStartOn && <Descriptions.Item label={t('majorDecisions.commentPeriod')} span={2}>{d.commentStartOn} ~ {d.commentEndOn}{d.commentShortenedReason ? `（${t('majorDecisions.field.shortenedReason')}：${d.commentShortenedReason}）` : ''}</Descriptions.Item>}
          {d.hearingOn && <Descriptions.Item label={t('majorDecisions.step.hearing')} span={2}>{d.hearingOn}：{d.hearingSummary}</Descriptions.Item>}
          {d.expertsOn && <Descriptions.Item label={t('majorDecisions.step.experts')} span={2}>{d.expertsOn}：{d.expertsOpinion}</Descriptions.Item>}
          {d.riskOn && <Descriptions.Item label={t('majorDecisions.step.risk')} span={2}>{d.riskOn}（{t(`majorDecisions.risk.${d.riskLevel}`)}）：{d.riskReport}</Descriptions.Item>}
          {d.reviewCompletedOn && <Descriptions.Item label={t('majorDecisions.step.reviewed')} span={2}>
            {d.reviewSubmittedOn} ~ {d.reviewCompletedOn} <Tag color={d.reviewPassed ? 'green' : 'red'}>{t(d.reviewPassed ? 'majorDecisions.passed' : 'majorDecisions.notPassed')}</Tag>{d.reviewerOpinion}
          </Descriptions.Item>}
          {d.discussedOn && <Descriptions.Item label={t('majorDecisions.step.discussed')} span={2}>
            {d.discussedOn} {d.meetingKind && t(`majorDecisions.meetingKind.${d.meetingKind}`)}；{d.opinions?.map((o) => `${o.name}${o.isHead ? `（${t('majorDecisions.head')}）` : ''}：${t(`majorDecisions.stance.${o.stance}`)}`).join('；')}
            {d.departureReason ? `；${t('majorDecisions.field.departureReason')}：${d.departureReason}` : ''}
          </Descriptions.Item>}
          {d.decidedOn && <Descriptions.Item label={t('majorDecisions.step.decided')} span={2}>{d.decidedOn}：{d.decisionText}</Descriptions.Item>}
          {d.publishedOn && <Descriptions.Item label={t('majorDecisions.step.published')} span={2}><span data-testid="decision-published-on">{d.publishedOn}</span>（{d.publicationChannel}）</Descriptions.Item>}
        </Descriptions>
      </Card>
      {d.commentStartOn && (
        <Card title={t('majorDecisions.comments')} data-testid="decision-comments">
          <Table<Comment> size="small" rowKey="id" pagination={false} dataSource={d.comments}
            locale={{ emptyText: <EmptyState description={t('majorDecisions.noComments')} /> }}
            columns={[
              { title: t('majorDecisions.field.submittedOn'), dataIndex: 'submittedOn', width: 110 },
              { title: t('majorDecisions.field.content'), dataIndex: 'content' },
              { title: t('majorDecisions.field.answer'), dataIndex: 'answer', render: (a: string | null, c) => a ?? (answerable
                ? <Button size="small" onClick={() => { setAnswering(c); setAnswer(''); }} data-testid={`decision-answer-${c.id}`}>{t('majorDecisions.answer')}</Button>
                : <Tag color="orange">{t('majorDecisions.unanswered')}</Tag>) },
            ]} />
        </Card>
      )}
      <StepModal detail={d} action={action} onClose={() => setAction(null)} onSaved={() => { setAction(null); load.reload(); }} />
      <Modal open={answering !== null} title={t('majorDecisions.answer')} onCancel={() => setAnswering(null)} confirmLoading={busy} destroyOnHidden
        okButtonProps={{ disabled: !answer.trim(), ...({ 'data-testid': 'decision-answer-submit' } as Record<string, string>) }}
        onOk={() => void submit(() => decisionsApi.answer(d.id, answering!.id, answer), t('majorDecisions.saved')).then((ok) => { if (ok) { setAnswering(null); load.reload(); } })}>
        <Typography.Paragraph>{answering?.content}</Typography.Paragraph>
        <Input.TextArea rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="decision-answer-text" />
      </Modal>
      <Typography.Text type="secondary">{citationText(t, { law: '重大行政决策程序暂行条例', article: '第四十二条' })}</Typography.Text>
    </Space>
  );
}
