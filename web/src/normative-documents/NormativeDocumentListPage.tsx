// 行政规范性文件: the one register (统一登记) with filing and expiry clocks, a new draft, and the year figures.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { useAuth } from '../app/auth';
import { DRAFTING_LEVELS, normativeApi, type NormativeDocument } from './api';
import { ClockTags } from './ClockTags';
import './strings';

const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function DraftModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(d: NormativeDocument): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit();
  const ok = async () => {
    const v = await form.validateFields();
    let saved: NormativeDocument | null = null;
    if (await submit(async () => { saved = await normativeApi.draft({ ...v, draftedOn: (v.draftedOn as Dayjs).format('YYYY-MM-DD') }); }, t('normativeDocs.saved'))) {
      form.resetFields();
      onSaved(saved!);
    }
  };
  return (
    <Modal open={open} title={t('normativeDocs.newDraft')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} okButtonProps={{ 'data-testid': 'nd-draft-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ draftedOn: dayjs(), draftingLevel: 'bureau' }}>
        <Form.Item name="title" label={t('normativeDocs.field.title')} rules={[{ required: true, max: 200 }]}><Input data-testid="nd-title" /></Form.Item>
        <Form.Item name="draftingUnit" label={t('normativeDocs.field.draftingUnit')} rules={[{ required: true, max: 100 }]}><Input data-testid="nd-unit" /></Form.Item>
        <Form.Item name="draftingLevel" label={t('normativeDocs.field.draftingLevel')} rules={[{ required: true }]}>
          <Select data-testid="nd-level" options={DRAFTING_LEVELS.map((k) => ({ value: k, label: t(`normativeDocs.draftingLevel.${k}`) }))} />
        </Form.Item>
        <Form.Item name="draftedOn" label={t('normativeDocs.field.draftedOn')} rules={[{ required: true }]}><DatePicker disabledDate={noFuture} /></Form.Item>
        <Form.Item name="body" label={t('normativeDocs.field.body')} rules={[{ required: true }]}><Input.TextArea rows={8} data-testid="nd-body" /></Form.Item>
      </Form>
    </Modal>
  );
}

function YearFiguresCard() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const load = useLoad((signal) => normativeApi.yearFigures(year, signal), [year]);
  const f = load.data;
  return (
    <Card title={t('normativeDocs.figures.title')} data-testid="nd-figures"
      extra={<InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} data-testid="nd-figures-year" />}>
      <LoadError message={load.error} onRetry={load.reload} />
      {f && (
        <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          {(['drafted', 'reviewed', 'reviewPassed', 'issued', 'published', 'filedOnTime', 'filedLate'] as const).map((k) => (
            <Descriptions.Item key={k} label={t(`normativeDocs.figures.${k}`)}>{f[k]}</Descriptions.Item>
          ))}
          {DRAFTING_LEVELS.map((k) => <Descriptions.Item key={`level-${k}`} label={t(`normativeDocs.figures.issuedBy.${k}`)}>{f.issuedByLevel[k]}</Descriptions.Item>)}
          {(['retain', 'amend', 'repeal'] as const).map((k) => <Descriptions.Item key={k} label={t(`normativeDocs.figures.${k}`)}>{f.cleanedUp[k]}</Descriptions.Item>)}
          <Descriptions.Item label={t('normativeDocs.figures.inForceAtYearEnd')}>{f.inForceAtYearEnd}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

export default function NormativeDocumentListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const load = useLoad((signal) => normativeApi.list(signal), []);
  const [drafting, setDrafting] = useState(false);
  const draftButton = (testId: string) => (can('normative_doc.manage')
    ? <Button type="primary" onClick={() => setDrafting(true)} data-testid={testId}>{t('normativeDocs.newDraft')}</Button>
    : undefined);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('normativeDocs.title')} data-testid="normative-documents-page"
        extra={<Space>{draftButton('nd-new')}<Link to="/public/normative-documents" target="_blank">{t('normativeDocs.public.title')}</Link></Space>}>
        <ListPage<NormativeDocument>
          load={load}
          rowKey="id"
          data-testid="normative-documents-list"
          empty={t('normativeDocs.empty')}
          emptyAction={draftButton('nd-new-empty')}
          scroll={{ x: 900 }}
          columns={[
            { title: t('normativeDocs.field.number'), dataIndex: 'documentNumber', width: 160, render: (v: string | null, d) => <Link to={`/normative-documents/${d.id}`}>{v ?? `#${d.id}`}</Link> },
            { title: t('normativeDocs.field.title'), dataIndex: 'title', ellipsis: true, render: (v: string, d) => <Link to={`/normative-documents/${d.id}`}>{v}</Link> },
            { title: t('normativeDocs.field.draftingUnit'), dataIndex: 'draftingUnit', width: 120 },
            { title: t('normativeDocs.field.draftingLevel'), dataIndex: 'draftingLevel', width: 120, render: (v: string) => t(`normativeDocs.draftingLevel.${v}`) },
            { title: t('normativeDocs.field.status'), dataIndex: 'status', width: 140, render: (v: string) => <Tag data-testid="nd-status">{t(`normativeDocs.status.${v}`)}</Tag> },
            { title: t('normativeDocs.field.filing'), key: 'clocks', width: 220, render: (_: unknown, d) => <ClockTags d={d} /> },
          ]}
        />
        <DraftModal open={drafting} onClose={() => setDrafting(false)} onSaved={() => { setDrafting(false); load.reload(); }} />
      </Card>
      <YearFiguresCard />
    </Space>
  );
}
