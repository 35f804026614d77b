// 学法考试: the exams the user is enrolled in (every exam for leaders and administrators), and the
// create-exam modal for those who may set one.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { roleLabel } from '../app/labels';
import { ROLES } from '../app/types';
import { trainingApi } from './api';
import { TrainingNav } from './TrainingNav';
import type { ExamListItem, LapsedOfficer } from './types';

const STAFF_ROLES = ROLES.filter((r) => r !== 'enterprise_user');

interface FormValues {
  title: string;
  window: [Dayjs, Dayjs];
  timeLimitMinutes: number;
  passPercent: number;
  single: number;
  multiple: number;
  true_false: number;
  enrolRoles: string[];
  reason?: string;
}

export function ExamStatus({ exam }: { exam: { opensOn: string; closesOn: string } }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  if (today < exam.opensOn) return <Tag>{t('training.status.upcoming')}</Tag>;
  if (today > exam.closesOn) return <Tag color="default">{t('training.status.closed')}</Tag>;
  return <Tag color="green">{t('training.status.open')}</Tag>;
}

function CreateExamModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const { busy, submit } = useSubmit();
  const onOk = async () => {
    const v = await form.validateFields();
    const ok = await submit(() => trainingApi.create({
      title: v.title, opensOn: v.window[0].format('YYYY-MM-DD'), closesOn: v.window[1].format('YYYY-MM-DD'),
      timeLimitMinutes: v.timeLimitMinutes, passPercent: v.passPercent,
      counts: { single: v.single, multiple: v.multiple, true_false: v.true_false },
      enrolRoles: v.enrolRoles, reason: v.reason?.trim() || null,
    }), t('training.created'));
    if (ok) { form.resetFields(); onCreated(); }
  };
  return (
    <Modal open={open} title={t('training.create')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" data-testid="training-create-form" initialValues={{
        window: [dayjs(), dayjs().add(14, 'day')], timeLimitMinutes: 60, passPercent: 60, single: 10, multiple: 5, true_false: 10, enrolRoles: ['enforcement_officer'],
      }}>
        <Form.Item name="title" label={t('training.field.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="training-title" placeholder={t('training.field.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="window" label={t('training.field.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Space wrap>
          <Form.Item name="timeLimitMinutes" label={t('training.field.timeLimit')} rules={[{ required: true }]}><InputNumber min={5} max={480} /></Form.Item>
          <Form.Item name="passPercent" label={t('training.field.passPercent')} rules={[{ required: true }]}><InputNumber min={1} max={100} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="single" label={t('training.kind.single')} rules={[{ required: true }]}><InputNumber min={0} max={100} /></Form.Item>
          <Form.Item name="multiple" label={t('training.kind.multiple')} rules={[{ required: true }]}><InputNumber min={0} max={100} /></Form.Item>
          <Form.Item name="true_false" label={t('training.kind.true_false')} rules={[{ required: true }]}><InputNumber min={0} max={100} /></Form.Item>
        </Space>
        <Form.Item name="enrolRoles" label={t('training.field.enrolRoles')} extra={t('training.field.enrolRolesHelp')}>
          <Select mode="multiple" options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('training.field.reason')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** A reminder for leaders: officers whose last pass is over a year old (the server flags; nothing is blocked). */
function LapsedCard() {
  const { t } = useTranslation();
  const load = useLoad((signal) => trainingApi.lapsed(signal), []);
  return (
    <Card title={t('training.lapsed')} style={{ marginTop: 16 }} data-testid="training-lapsed"
      extra={<Typography.Text type="secondary">{t('training.lapsedHelp')}</Typography.Text>}>
      <ListPage<LapsedOfficer>
        load={load}
        rowKey="userId"
        size="small"
        empty={t('training.lapsedEmpty')}
        columns={[
          { title: t('training.candidate'), dataIndex: 'displayName' },
          { title: t('training.credentialNo'), dataIndex: 'credentialNo' },
          { title: t('training.unit'), dataIndex: 'unit' },
          { title: t('training.lastPassed'), dataIndex: 'lastPassedAt', render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : t('training.never')) },
        ]}
      />
    </Card>
  );
}

export default function TrainingListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('training.manage');
  const [creating, setCreating] = useState(false);
  const load = useLoad((signal) => trainingApi.exams(signal), []);
  const createButton = manage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="training-create">{t('training.create')}</Button>
  ) : undefined;
  return (
    <>
    <TrainingNav />
    <Card title={t('training.title')} extra={createButton} data-testid="training-page">
      <ListPage<ExamListItem>
        load={load}
        rowKey="id"
        data-testid="training-exams"
        empty={manage ? t('training.emptyManage') : t('training.empty')}
        emptyAction={createButton}
        columns={[
          { title: t('training.field.title'), dataIndex: 'title', render: (v: string, e) => <Link to={`/training/exams/${e.id}`}>{v}</Link> },
          { title: t('training.field.window'), key: 'window', render: (_: unknown, e) => `${e.opensOn} ~ ${e.closesOn}`, width: 210 },
          { title: t('training.field.timeLimit'), dataIndex: 'timeLimitMinutes', width: 110 },
          { title: t('training.field.passPercent'), dataIndex: 'passPercent', width: 100, render: (v: number) => `${v}%` },
          { title: t('training.questions'), key: 'q', width: 80, render: (_: unknown, e) => e.counts.single + e.counts.multiple + e.counts.true_false },
          { title: t('training.status.label'), key: 'status', width: 100, render: (_: unknown, e) => <ExamStatus exam={e} /> },
          ...(manage ? [{ title: t('training.satOfEnrolled'), key: 'sat', width: 120, render: (_: unknown, e: ExamListItem) => `${e.satCount} / ${e.enrolledCount}` }] : []),
          { title: t('training.mine'), key: 'mine', width: 120, render: (_: unknown, e) => (!e.enrolled ? '—' : e.mySittingId ? t('training.started') : t('training.notStarted')) },
        ]}
      />
      {manage && <LapsedCard />}
      <CreateExamModal open={creating} onClose={() => setCreating(false)} onCreated={() => { setCreating(false); load.reload(); }} />
    </Card>
    </>
  );
}
