// 行政复议 and 行政诉讼 against the bureau's decisions, and the year's rates.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { useAuth } from '../app/auth';
import { CHALLENGE_KINDS, litigationApi, OUTCOMES, SUBJECT_KINDS, type Challenge } from './api';
import { StatusTag } from './StatusTag';
import './strings';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

function YearCard() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const load = useLoad((signal) => litigationApi.yearFigures(year, signal), [year]);
  const f = load.data;
  return (
    <Card title={t('litigation.year')} data-testid="litigation-year" extra={<InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />}>
      <LoadError message={load.error} onRetry={load.reload} />
      {f && (
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={t('litigation.challenged')}>
            {f.challenged.total}（{t('litigation.kind.reconsideration')} {f.challenged.reconsideration} / {t('litigation.kind.litigation')} {f.challenged.litigation}）
          </Descriptions.Item>
          <Descriptions.Item label={t('litigation.closedCount')}>{f.closed}</Descriptions.Item>
          {OUTCOMES.map((o) => <Descriptions.Item key={o} label={t(`litigation.outcome.${o}`)}>{f.byOutcome[o]}</Descriptions.Item>)}
          <Descriptions.Item label={t('litigation.reversalRate')}>{f.reversed}（{pct(f.reversalRate)}）</Descriptions.Item>
          <Descriptions.Item label={t('litigation.headAppearanceRate')}>{f.headAppeared}/{f.courtHearings}（{pct(f.headAppearanceRate)}）</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

function RecordModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ filedOn: Dayjs } & Record<string, string>>();
  const { busy, submit } = useSubmit();
  const ok = async () => {
    const v = await form.validateFields();
    if (await submit(() => litigationApi.record({ ...v, filedOn: v.filedOn.format('YYYY-MM-DD') }), t('litigation.saved'))) { form.resetFields(); onSaved(); }
  };
  return (
    <Modal open={open} title={t('litigation.record')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'litigation-record-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'reconsideration', subjectKind: 'case', filedOn: dayjs() }}>
        <Form.Item name="kind" label={t('litigation.field.kind')}><Select options={CHALLENGE_KINDS.map((k) => ({ value: k, label: t(`litigation.kind.${k}`) }))} /></Form.Item>
        <Form.Item name="subjectKind" label={t('litigation.field.subjectKind')}><Select options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`litigation.subjectKind.${k}`) }))} /></Form.Item>
        <Form.Item name="subjectId" label={t('litigation.field.subjectId')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="subjectTitle" label={t('litigation.field.subjectTitle')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="applicant" label={t('litigation.field.applicant')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="body" label={t('litigation.field.body')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="filedOn" label={t('litigation.field.filedOn')} rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function LitigationListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const load = useLoad((signal) => litigationApi.list(signal), []);
  const [recording, setRecording] = useState(false);
  const recordButton = can('litigation.manage') ? <Button type="primary" onClick={() => setRecording(true)} data-testid="litigation-record">{t('litigation.record')}</Button> : undefined;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('litigation.title')} data-testid="litigation-page" extra={recordButton}>
        <Alert type="info" showIcon message={t('litigation.pauseNote')} style={{ marginBottom: 16 }} />
        <ListPage<Challenge>
          load={load}
          rowKey="id"
          data-testid="litigation-list"
          empty={t('litigation.empty')}
          emptyAction={recordButton}
          columns={[
            { title: t('litigation.field.filedOn'), dataIndex: 'filedOn', width: 120 },
            { title: t('litigation.field.kind'), dataIndex: 'kind', width: 110, render: (v: string) => t(`litigation.kind.${v}`) },
            { title: t('litigation.field.subjectTitle'), dataIndex: 'subjectTitle', render: (v: string, r) => <Link to={`/litigation/${r.id}`}>{v}</Link> },
            { title: t('litigation.field.applicant'), dataIndex: 'applicant', width: 180 },
            { title: t('litigation.field.body'), dataIndex: 'body', width: 180 },
            { title: t('litigation.field.status'), key: 'status', width: 160, render: (_: unknown, r) => <StatusTag c={r} /> },
          ]}
        />
      </Card>
      <YearCard />
      <RecordModal open={recording} onClose={() => setRecording(false)} onSaved={() => { setRecording(false); load.reload(); }} />
    </Space>
  );
}
