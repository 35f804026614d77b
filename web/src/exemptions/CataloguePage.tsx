// 首违不罚: the catalogue (batches with their effective dates, and entries), the enterprises exempted,
// and a way into the check of one case. Administrators publish batches and add entries before they take effect.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Collapse, Form, Input, InputNumber, Modal, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { applyApiError } from '../cases/index';
import { exemptionApi } from './api';
import type { Catalogue, Entry } from './types';
import './strings';

function CatalogueStatus({ c, todayOn }: { c: Catalogue; todayOn: string }) {
  const { t } = useTranslation();
  if (c.inForce) return <Tag color="green">{t('exemptions.catalogue.inForce')}</Tag>;
  return c.effectiveOn > todayOn ? <Tag color="blue">{t('exemptions.catalogue.notYet')}</Tag> : <Tag>{t('exemptions.catalogue.expired')}</Tag>;
}

function Entries({ catalogueId }: { catalogueId: number }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useLoad((signal) => exemptionApi.catalogue(catalogueId, signal), [catalogueId]);
  if (error) return <LoadError message={error} onRetry={reload} />;
  return (
    <Table<Entry> size="small" rowKey="id" loading={loading} dataSource={data?.entries ?? []} pagination={false} data-testid={`catalogue-entries-${catalogueId}`}
      columns={[
        { title: t('exemptions.catalogue.seq'), dataIndex: 'seq', width: 56 },
        { title: t('exemptions.catalogue.entryTitle'), dataIndex: 'title', width: 220 },
        { title: t('exemptions.catalogue.violated'), dataIndex: 'violatedProvision', width: 180 },
        { title: t('exemptions.catalogue.penalty'), dataIndex: 'penaltyProvision', width: 200 },
        { title: t('exemptions.catalogue.circumstances'), dataIndex: 'circumstances' },
        {
          title: t('exemptions.catalogue.conditions'), dataIndex: 'conditions', width: 220,
          render: (c: Entry['conditions']) => (
            <Space direction="vertical" size={0} style={{ fontSize: 12 }}>
              <span>{t('exemptions.catalogue.lookBack', { n: c.lookBackMonths })}</span>
              <span>{t('exemptions.catalogue.correction', { n: c.correctionDays, unit: t(c.correctionWorkingDays ? 'exemptions.catalogue.workingDays' : 'exemptions.catalogue.days') })}</span>
              {c.noIntentRequired && <span>{t('exemptions.catalogue.noIntent')}</span>}
              {c.extra.map((x) => <span key={x.key}>· {x.text}</span>)}
            </Space>
          ),
        },
      ]}
    />
  );
}

function BatchModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await exemptionApi.createCatalogue({ ...v, documentNumber: v.documentNumber || null, expiresOn: v.expiresOn || null, note: v.note ?? '' });
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e, t, ['code', 'title', 'documentNumber', 'issuer', 'effectiveOn', 'expiresOn', 'note']) || null);
    }
  };
  return (
    <Modal open={open} title={t('exemptions.catalogue.newBatch')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ issuer: '烟台市生态环境局' }} preserve={false}>
        <Form.Item name="code" label={t('exemptions.catalogue.code')} rules={[{ required: true }]}><Input placeholder="YT-2021-2" /></Form.Item>
        <Form.Item name="title" label={t('exemptions.catalogue.name')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
        <Form.Item name="documentNumber" label={t('exemptions.catalogue.documentNumber')}><Input /></Form.Item>
        <Form.Item name="issuer" label={t('exemptions.catalogue.issuer')} rules={[{ required: true }]}><Input /></Form.Item>
        <Space>
          <Form.Item name="effectiveOn" label={t('exemptions.catalogue.effectiveOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item name="expiresOn" label={t('exemptions.catalogue.expiresOn')}><Input type="date" /></Form.Item>
        </Space>
        <Form.Item name="note" label={t('exemptions.catalogue.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

function EntryModal({ catalogueId, onClose, onSaved }: { catalogueId: number | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    const extra = String(v.extra ?? '').split('\n').map((l: string) => l.trim()).filter(Boolean).map((l: string) => {
      const [key, ...rest] = l.split('=');
      return { key: key!.trim(), text: rest.join('=').trim() };
    });
    try {
      await exemptionApi.addEntry(catalogueId!, {
        title: v.title, violatedProvision: v.violatedProvision, penaltyProvision: v.penaltyProvision, circumstances: v.circumstances,
        conditions: { lookBackMonths: v.lookBackMonths, correctionDays: v.correctionDays, correctionWorkingDays: v.correctionWorkingDays, noIntentRequired: v.noIntentRequired, extra },
      });
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e, t, ['title', 'violatedProvision', 'penaltyProvision', 'circumstances']) || null);
    }
  };
  return (
    <Modal open={catalogueId !== null} title={t('exemptions.catalogue.addEntry')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden width={640}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ lookBackMonths: 12, correctionDays: 5, correctionWorkingDays: true, noIntentRequired: false }}>
        <Form.Item name="title" label={t('exemptions.catalogue.entryTitle')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
        <Form.Item name="violatedProvision" label={t('exemptions.catalogue.violated')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
        <Form.Item name="penaltyProvision" label={t('exemptions.catalogue.penalty')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
        <Form.Item name="circumstances" label={t('exemptions.catalogue.circumstances')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} /></Form.Item>
        <Space wrap>
          <Form.Item name="lookBackMonths" label={t('exemptions.catalogue.lookBack', { n: '' })}><InputNumber min={1} max={60} /></Form.Item>
          <Form.Item name="correctionDays" label={t('exemptions.catalogue.correction', { n: '', unit: '' })}><InputNumber min={0} max={365} /></Form.Item>
          <Form.Item name="correctionWorkingDays" label={t('exemptions.catalogue.workingDays')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="noIntentRequired" label={t('exemptions.catalogue.noIntent')} valuePropName="checked"><Switch /></Form.Item>
        </Space>
        <Form.Item name="extra" label={t('exemptions.catalogue.extra')}><Input.TextArea rows={3} placeholder="within10pct=超标倍数在0.1倍以内" /></Form.Item>
      </Form>
    </Modal>
  );
}

function CatalogueTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoad((signal) => exemptionApi.catalogues(signal), []);
  const [batchOpen, setBatchOpen] = useState(false);
  const [entryFor, setEntryFor] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const manage = can('exemption.manage');
  return (
    <>
      <LoadError message={error} onRetry={reload} />
      <Space style={{ marginBottom: 12 }}>
        {manage && <Button icon={<PlusOutlined />} onClick={() => setBatchOpen(true)} data-testid="catalogue-new-batch">{t('exemptions.catalogue.newBatch')}</Button>}
        <Typography.Text type="secondary">{t('exemptions.catalogue.frozen')}</Typography.Text>
      </Space>
      <Collapse
        data-testid="catalogue-batches"
        defaultActiveKey={data?.items.filter((c) => c.inForce).map((c) => String(c.id))}
        key={`${data?.items.length ?? 0}-${loading}`}
        items={(data?.items ?? []).map((c) => ({
          key: String(c.id),
          label: (
            <Space wrap>
              <strong>{c.title}</strong>
              <CatalogueStatus c={c} todayOn={data!.todayOn} />
              <Typography.Text type="secondary">{c.code} · {c.documentNumber ?? '—'} · {t('exemptions.catalogue.effectiveOn')} {c.effectiveOn}{c.expiresOn ? ` · ${t('exemptions.catalogue.expiresOn')} ${c.expiresOn}` : ''} · {t('exemptions.catalogue.entries')} {c.entryCount}</Typography.Text>
            </Space>
          ),
          extra: manage && c.editable ? <Button size="small" onClick={(e) => { e.stopPropagation(); setEntryFor(c.id); }}>{t('exemptions.catalogue.addEntry')}</Button> : undefined,
          children: (
            <>
              {c.note && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{c.note}</Typography.Paragraph>}
              <Entries key={`${c.id}-${tick}`} catalogueId={c.id} />
            </>
          ),
        }))}
      />
      <BatchModal open={batchOpen} onClose={() => setBatchOpen(false)} onSaved={() => { setBatchOpen(false); message.success(t('exemptions.catalogue.created')); reload(); }} />
      <EntryModal catalogueId={entryFor} onClose={() => setEntryFor(null)} onSaved={() => { setEntryFor(null); message.success(t('exemptions.catalogue.created')); setTick((n) => n + 1); reload(); }} />
    </>
  );
}

function AppliedTab() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const { data, error, loading, reload } = useLoad((signal) => exemptionApi.applied(year, signal), [year]);
  return (
    <>
      <LoadError message={error} onRetry={reload} />
      <Space style={{ marginBottom: 12 }}>
        <span>{t('exemptions.applied.year')}</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="applied-year" />
        {data && <Typography.Text strong data-testid="applied-count" data-count={data.enterprises}>{t('exemptions.applied.count', { year, n: data.enterprises })}</Typography.Text>}
      </Space>
      <Table size="small" rowKey="id" loading={loading} dataSource={data?.items ?? []} pagination={{ pageSize: 20 }}
        columns={[
          { title: t('exemptions.applied.caseNumber'), dataIndex: 'caseNumber', render: (v: string, r) => <a href={`/cases/${r.caseId}`}>{v}</a> },
          { title: t('exemptions.applied.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('exemptions.applied.district'), dataIndex: 'districtName', width: 120 },
          { title: t('exemptions.applied.entry'), dataIndex: 'entryTitle', render: (v: string, r) => `${r.entrySeq}. ${v}` },
          { title: t('exemptions.applied.decidedOn'), dataIndex: 'decidedOn', width: 120 },
        ]}
      />
    </>
  );
}

function CheckTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [caseId, setCaseId] = useState<number | null>(null);
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t('exemptions.check.hint')}</Typography.Paragraph>
      <Space.Compact>
        <InputNumber min={1} placeholder={t('exemptions.check.caseId')} value={caseId} onChange={(v) => setCaseId(v)} data-testid="exemption-check-case" />
        <Button type="primary" disabled={!caseId} onClick={() => navigate(`/exemptions/cases/${caseId}`)} data-testid="exemption-check-open">{t('exemptions.check.open')}</Button>
      </Space.Compact>
    </Card>
  );
}

export default function CataloguePage() {
  const { t } = useTranslation();
  return (
    <Card title={t('exemptions.title')} data-testid="exemptions-page">
      <Tabs items={[
        { key: 'catalogue', label: t('exemptions.tab.catalogue'), children: <CatalogueTab /> },
        { key: 'applied', label: t('exemptions.tab.applied'), children: <AppliedTab /> },
        { key: 'check', label: t('exemptions.tab.check'), children: <CheckTab /> },
      ]} />
    </Card>
  );
}
