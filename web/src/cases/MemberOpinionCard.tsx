// 我的意见: a committee member records his own opinion on a case for a meeting he attends (行政处罚法
// 第五十七条第二款), signed in as himself; the server judges (attendee, stage, meeting date, not concluded).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { useAuth } from '../app/auth';
import { MEMBER_STANCES, type MemberStance } from '../../../src/cases/rules/member-opinion';
import { caseApi } from './api';
import { applyApiError } from './form-errors';
import type { CaseDetail, Citation, Meeting } from './types';

export type { MemberStance };

/** One self-recorded opinion as the API returns it; `opinion` is its wording in the record. */
export interface MemberOpinion {
  memberId: number; memberName: string | null; stance: MemberStance; words: string; opinion: string; recordedAt: string; updatedAt: string;
  /** Recorded on the proposal as it now stands; an older one (a proposal since returned or amended) is not taken. */
  current: boolean;
}
export interface MemberOpinions {
  items: MemberOpinion[];
  mine: MemberOpinion | null;
  allowed: boolean;
  refusal: { code: string; message: string; citation: Citation | null } | null;
}

const url = (meetingId: number, caseId: number) => `/committee/meetings/${meetingId}/cases/${caseId}/opinions`;

export const memberOpinionApi = {
  list(meetingId: number, caseId: number, signal?: AbortSignal) {
    return api<MemberOpinions>(url(meetingId, caseId), { signal });
  },
  record(meetingId: number, caseId: number, body: { stance: MemberStance; words: string; reason?: string | null }) {
    return api<MemberOpinion>(url(meetingId, caseId), { method: 'PUT', body });
  },
  withdraw(meetingId: number, caseId: number, reason: string) {
    return api<{ withdrawn: true }>(url(meetingId, caseId), { method: 'DELETE', body: { reason } });
  },
};

/** The meetings that may still discuss this case: held on or after the filing, not yet used for it. */
export const openMeetingsFor = (c: CaseDetail, meetings: Meeting[]) => {
  const used = new Set(c.discussions.map((d) => d.meetingId));
  return meetings.filter((m) => m.heldOn >= c.filedOn && !used.has(m.id));
};

interface Values { stance?: MemberStance; words?: string; reason?: string }

function MeetingOpinion({ c, meeting }: { c: CaseDetail; meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [state, setState] = useState<MemberOpinions | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const stance = Form.useWatch('stance', form);

  useEffect(() => {
    const ctrl = new AbortController();
    memberOpinionApi.list(meeting.id, c.id, ctrl.signal).then((s) => {
      setState(s);
      form.setFieldsValue({ stance: s.mine?.stance, words: s.mine?.words ?? '', reason: '' });
    }, (e: unknown) => { if (!ctrl.signal.aborted) setError(e instanceof Error ? e.message : String(e)); });
    return () => ctrl.abort();
  }, [meeting.id, c.id, tick, form]);

  const names = ['stance', 'words', 'reason'];
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError('');
    try {
      await fn();
      message.success(t(done));
      setTick((n) => n + 1);
    } catch (e) {
      setError(applyApiError(form, e, t, names));
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    await run(() => memberOpinionApi.record(meeting.id, c.id, { stance: v.stance!, words: (v.words ?? '').trim(), reason: v.reason?.trim() || null }), 'memberOpinion.saved');
  };
  const withdraw = async () => {
    const v = await form.validateFields(['reason']);
    await run(() => memberOpinionApi.withdraw(meeting.id, c.id, (v.reason ?? '').trim()), 'memberOpinion.withdrawn');
  };

  const mine = state?.mine ?? null;
  return (
    <div data-testid={`member-opinion-${meeting.id}`} data-recorded={mine ? mine.stance : 'none'} style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t('memberOpinion.meeting', { on: meeting.heldOn, location: meeting.location, id: meeting.id })}</Typography.Text>
      {!state && !error && <div><Typography.Text type="secondary">{t('memberOpinion.loading')}</Typography.Text></div>}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      {state && !state.allowed && state.refusal && <Alert type="warning" showIcon message={state.refusal.message} data-testid="member-opinion-refusal" style={{ marginTop: 8 }} />}
      {mine && (
        <Typography.Paragraph style={{ margin: '8px 0' }} data-testid="member-opinion-recorded">
          {t('memberOpinion.recorded', { opinion: mine.opinion, at: dayjs(mine.updatedAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Paragraph>
      )}
      {mine && !mine.current && <Alert type="warning" showIcon message={t('memberOpinion.stale')} data-testid="member-opinion-stale" style={{ marginBottom: 8 }} />}
      {state?.allowed && (
        <Form form={form} layout="vertical" size="small" style={{ marginTop: 8 }} disabled={busy}>
          <Form.Item name="stance" label={t('memberOpinion.stance')} rules={[{ required: true, message: t('memberOpinion.stanceRequired') }]}>
            <Radio.Group optionType="button" data-testid="my-opinion-stance"
              options={MEMBER_STANCES.map((s) => ({ value: s, label: t(`memberOpinion.${s}`) }))} />
          </Form.Item>
          <Form.Item name="words" label={t('memberOpinion.words')}
            rules={stance === 'disagree' ? [{ required: true, whitespace: true, message: t('memberOpinion.wordsRequired') }] : []}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="my-opinion-words"
              placeholder={t(stance === 'disagree' ? 'memberOpinion.wordsRequired' : 'memberOpinion.wordsOptional')} />
          </Form.Item>
          {mine && (
            <Form.Item name="reason" label={t('memberOpinion.reason')} extra={t('memberOpinion.reasonHint')}
              rules={[{ required: true, whitespace: true, message: t('memberOpinion.reasonHint') }]}>
              <Input maxLength={1000} data-testid="my-opinion-reason" />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" onClick={() => void save().catch(() => undefined)} loading={busy} data-testid="my-opinion-save">
              {t(mine ? 'memberOpinion.change' : 'memberOpinion.record')}
            </Button>
            {mine && (
              <Button danger onClick={() => void withdraw().catch(() => undefined)} data-testid="my-opinion-withdraw">{t('memberOpinion.withdraw')}</Button>
            )}
          </Space>
        </Form>
      )}
    </div>
  );
}

/** Shown to a member who attends a meeting that may still discuss this case, while it awaits collective discussion. */
export function MemberOpinionCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const waiting = c.stage === 'collective_discussion';
  useEffect(() => {
    if (!waiting) return;
    const ctrl = new AbortController();
    caseApi.meetings(ctrl.signal).then((r) => setMeetings(r.items), (e: unknown) => {
      if (!(e instanceof ApiError) && !ctrl.signal.aborted) console.warn(e);
    });
    return () => ctrl.abort();
  }, [waiting, c.id, c.version]);
  if (!waiting || !user) return null;
  const mine = openMeetingsFor(c, meetings).filter((m) => m.attendeeIds.includes(user.id));
  if (mine.length === 0) return null;
  return (
    <Card title={t('memberOpinion.title')} size="small" data-testid="member-opinion-card">
      <Typography.Paragraph type="secondary">{t('memberOpinion.hint')}</Typography.Paragraph>
      {mine.map((m) => <MeetingOpinion key={m.id} c={c} meeting={m} />)}
    </Card>
  );
}
