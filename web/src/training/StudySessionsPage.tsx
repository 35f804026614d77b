// 学法: the year's study sessions (党组理论学习中心组学法, 集中学法 …) with attendees, and the figures per kind and unit.
import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { EvidencePanel } from '../evidence/index';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { trainingApi } from './api';
import { TrainingNav, thisYear } from './TrainingNav';
import { STUDY_KINDS, type StudyKind, type StudySession } from './types';

interface FormValues { kind: StudyKind; topic: string; heldOn: Dayjs; hostId: number; attendeeIds: number[]; materials: string[]; minutes?: string }

function RecordModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const { busy, submit } = useSubmit();
  const staff = useLoad((signal) => (open ? trainingApi.staff(signal) : Promise.resolve(null)), [open]);
  const options = (staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  const onOk = async () => {
    const v = await form.validateFields();
    const ok = await submit(() => trainingApi.recordStudySession({
      kind: v.kind, topic: v.topic, heldOn: v.heldOn.format('YYYY-MM-DD'), hostId: v.hostId, attendeeIds: v.attendeeIds, materials: v.materials ?? [], minutes: v.minutes?.trim() ?? '',
    }), t('learning.study.recorded'));
    if (ok) { form.resetFields(); onDone(); }
  };
  return (
    <Modal open={open} title={t('learning.study.record')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden width={640} okButtonProps={{ 'data-testid': 'study-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'leadership_group', heldOn: dayjs(), materials: [] }} data-testid="study-form">
        <Form.Item name="kind" label={t('learning.study.kind')} rules={[{ required: true }]}>
          <Select options={STUDY_KINDS.map((k) => ({ value: k, label: t(`learning.studyKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="topic" label={t('learning.study.topic')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input data-testid="study-topic" /></Form.Item>
        <Form.Item name="heldOn" label={t('learning.study.heldOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="hostId" label={t('learning.study.host')} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={options} loading={staff.loading} data-testid="study-host" /></Form.Item>
        <Form.Item name="attendeeIds" label={t('learning.study.attendees')} rules={[{ required: true }]}><Select mode="multiple" showSearch optionFilterProp="label" options={options} data-testid="study-attendees" /></Form.Item>
        <Form.Item name="materials" label={t('learning.study.materials')} extra={t('learning.study.materialsHelp')}><Select mode="tags" open={false} /></Form.Item>
        <Form.Item name="minutes" label={t('learning.study.minutes')}><Input.TextArea rows={4} maxLength={20000} /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function StudySessionsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const [recording, setRecording] = useState(false);
  const load = useLoad((signal) => trainingApi.studySessions(year, signal), [year]);
  const f = load.data?.figures;
  const recordButton = load.data?.canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="study-record">{t('learning.study.record')}</Button> : undefined;
  return (
    <div data-testid="study-page">
      <TrainingNav />
      <Card title={t('learning.study.title')} extra={<Space><InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} data-testid="study-year" />{recordButton}</Space>}>
        {f && (
          <Row gutter={24} style={{ marginBottom: 16 }}>
            <Col><Statistic title={t('learning.study.sessions')} value={f.sessions} /></Col>
            {STUDY_KINDS.map((k) => <Col key={k}><Statistic title={t(`learning.studyKind.${k}`)} value={f.perKind[k]} /></Col>)}
            <Col><Statistic title={t('learning.study.attendances')} value={f.attendances} /></Col>
          </Row>
        )}
        <ListPage<StudySession>
          load={load}
          rowKey="id"
          empty={t('learning.study.empty')}
          emptyAction={recordButton}
          columns={[
            { title: t('learning.study.heldOn'), dataIndex: 'heldOn', width: 120 },
            { title: t('learning.study.kind'), dataIndex: 'kind', width: 200, render: (k: StudyKind) => <Tag>{t(`learning.studyKind.${k}`)}</Tag> },
            { title: t('learning.study.topic'), dataIndex: 'topic' },
            { title: t('learning.study.host'), dataIndex: 'hostName', width: 120 },
            { title: t('learning.study.attendance'), dataIndex: 'attendance', width: 100 },
            { title: t('learning.study.materials'), dataIndex: 'materials', render: (m: string[]) => m.join('；') || '—' },
          ]}
          expandable={{ expandedRowRender: (s) => <div data-testid={`study-detail-${s.id}`}><p>{s.attendees.map((a) => `${a.displayName}（${a.unit}）`).join('、')}</p><p style={{ whiteSpace: 'pre-wrap' }}>{s.minutes || '—'}</p><EvidencePanel owner={{ kind: 'study_session', id: s.id }} title={t('learning.study.files')} canUpload={load.data?.canManage ?? false} /></div> }}
        />
        {f && f.attendanceByUnit.length > 0 && (
          <Card size="small" title={t('learning.study.byUnit')} style={{ marginTop: 16 }}>
            <Space wrap>{f.attendanceByUnit.map((u) => <Tag key={u.unit}>{u.unit}：{u.attendances}</Tag>)}</Space>
          </Card>
        )}
      </Card>
      <RecordModal open={recording} onClose={() => setRecording(false)} onDone={() => { setRecording(false); load.reload(); }} />
    </div>
  );
}
