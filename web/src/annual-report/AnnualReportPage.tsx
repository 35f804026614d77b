// 法治政府建设情况报告: the year's figures with their records, the paragraphs the legal department edits
// (versioned), finalising (figures frozen) and the Word document in 公文 format.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { LoadError } from '../app/LoadError';
import { refusalText } from '../app/format';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { useAuth } from '../app/auth';
import { annualReportApi, type CaseRecord, type Figure, type Outcome, type Paragraph } from './api';
import { formatYuan } from '../app/format';
import './strings';

/** The cases behind a figure whose drill-down is an API list. */
function RecordsModal({ drill, onClose }: { drill: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const load = useLoad((signal) => (drill ? annualReportApi.records(drill, signal) : Promise.resolve({ items: [] })), [drill]);
  return (
    <Modal open={drill !== null} title={t('annualReport.records')} onCancel={onClose} footer={null} width={820} destroyOnHidden>
      <LoadError message={load.error} onRetry={load.reload} />
      <Table<CaseRecord> rowKey="id" size="small" loading={!load.data && !load.error} dataSource={load.data?.items ?? []} data-testid="annual-report-records"
        columns={[
          { title: t('annualReport.field.caseNumber'), dataIndex: 'number', render: (v: string, c) => <Link to={c.link}>{v}</Link> },
          { title: t('annualReport.field.cause'), dataIndex: 'cause' },
          { title: t('annualReport.field.filedOn'), dataIndex: 'filedOn', width: 110 },
          { title: t('annualReport.field.decidedOn'), dataIndex: 'decidedOn', width: 110 },
          { title: t('annualReport.field.fine'), dataIndex: 'fineFen', width: 130, render: (v: number | null) => (v === null ? '' : formatYuan(v)) },
        ]} />
    </Modal>
  );
}

const blocked = (o: Outcome, t: TFunction) => (o.ok ? null : refusalText(t, o.code));

export default function AnnualReportPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear() - 1;
  const load = useLoad((signal) => annualReportApi.get(year, signal), [year]);
  const { busy, submit } = useSubmit();
  const [editing, setEditing] = useState<Paragraph | null>(null);
  const [draft, setDraft] = useState('');
  const [records, setRecords] = useState<string | null>(null);
  const r = load.data;
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;

  const editBlock = r ? blocked(r.actions.edit, t) : null;
  const finaliseBlock = r ? blocked(r.actions.finalise, t) : null;
  const save = async () => {
    if (!editing) return;
    if (await submit(() => annualReportApi.edit(year, editing.key, draft), t('annualReport.saved'))) { setEditing(null); load.reload(); }
  };
  const finalise = async () => { if (await submit(() => annualReportApi.finalise(year), t('annualReport.finalised'))) load.reload(); };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="annual-report-page">
      <Card
        loading={!r}
        title={<Space wrap>{r?.title ?? t('annualReport.title')}{r && <Tag color={r.status === 'finalised' ? 'green' : 'processing'} data-testid="annual-report-status" data-status={r.status}>{t(`annualReport.status.${r.status}`)}</Tag>}</Space>}
        extra={<Space wrap>
          <span>{t('annualReport.year')}</span>
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setParams({ year: String(v) })} data-testid="annual-report-year" />
          <Button icon={<DownloadOutlined />} onClick={() => void annualReportApi.document(year)} data-testid="annual-report-download">{t('annualReport.download')}</Button>
          {can('annual_report.finalise') && (
            <Tooltip title={finaliseBlock}>
              <Popconfirm title={t('annualReport.finaliseConfirm')} onConfirm={() => void finalise()} disabled={!!finaliseBlock}
                okButtonProps={{ 'data-testid': 'annual-report-finalise-ok' } as Record<string, string>}>
                <Button type="primary" icon={<LockOutlined />} loading={busy} disabled={!!finaliseBlock} data-testid="annual-report-finalise">{t('annualReport.finalise')}</Button>
              </Popconfirm>
            </Tooltip>
          )}
        </Space>}
      >
        {r && r.paragraphs.map((p) => (
          <div key={p.key} data-testid={`annual-report-paragraph-${p.key}`} style={{ marginBottom: 12 }}>
            {p.key === 'organisation' && <Typography.Title level={5}>{en ? '1. Main work and results' : '一、主要工作举措及成效'}</Typography.Title>}
            {p.level > 0 && <Typography.Title level={5} style={{ fontWeight: p.level === 1 ? 700 : 600 }}>{en ? p.headingEn : p.headingZh}</Typography.Title>}
            {p.key === 'addressee' && <Typography.Text type="secondary">{en ? 'Addressee: ' : '主送：'}</Typography.Text>}
            <Typography.Paragraph style={{ display: p.key === 'addressee' ? 'inline' : undefined }} data-testid={`annual-report-text-${p.key}`}>{en ? p.textEn : p.textZh}</Typography.Paragraph>
            <Space size={4}>
              {can('annual_report.edit') && (
                <Tooltip title={editBlock}>
                  <Button size="small" icon={<EditOutlined />} disabled={!!editBlock} onClick={() => { setEditing(p); setDraft(p.template); }} data-testid={`annual-report-edit-${p.key}`}>{t('annualReport.edit')}</Button>
                </Tooltip>
              )}
              {p.version > 0 && <Typography.Text type="secondary">v{p.version} · {p.editedBy}</Typography.Text>}
            </Space>
          </div>
        ))}
      </Card>

      <Card title={t('annualReport.figures')}>
        <Table<Figure> rowKey="no" size="small" pagination={false} dataSource={r?.figures ?? []} loading={!r} data-testid="annual-report-figures" scroll={{ x: 900 }}
          columns={[
            { title: t('annualReport.field.no'), dataIndex: 'no', width: 60 },
            { title: t('annualReport.field.label'), key: 'label', render: (_: unknown, f) => (en ? f.labelEn : f.labelZh) },
            { title: t('annualReport.field.value'), key: 'value', width: 130, render: (_: unknown, f) => <span data-testid={`annual-report-figure-${f.no}`} data-value={f.value ?? ''}>{f.value === null ? <Tag>{t('annualReport.noRecord')}</Tag> : f.text}</span> },
            { title: t('annualReport.field.yoy'), key: 'yoy', width: 90, render: (_: unknown, f) => (f.yearOnYear == null ? '' : `${f.yearOnYear > 0 ? '+' : ''}${f.yearOnYear}%`) },
            { title: t('annualReport.field.drill'), key: 'drill', width: 100, render: (_: unknown, f) => (f.drill?.startsWith('/api/')
              ? <Button type="link" size="small" onClick={() => setRecords(f.drill)} data-testid={`annual-report-drill-${f.no}`}>{t('annualReport.records')}</Button>
              : f.drill
              ? <Link to={f.drill} data-testid={`annual-report-drill-${f.no}`}>{t('annualReport.records')}</Link>
              : <Typography.Text type="secondary">{t('annualReport.notBuilt')}</Typography.Text>) },
            { title: t('annualReport.field.rule'), key: 'rule', render: (_: unknown, f) => <Typography.Text type="secondary">{f.rule}{f.note ? `（${f.note}）` : ''}</Typography.Text> },
          ]} />
      </Card>

      <Card title={t('annualReport.versions')}>
        <Table rowKey={(v) => `${v.key}-${v.version}`} size="small" pagination={{ pageSize: 20 }} dataSource={r?.versions ?? []} data-testid="annual-report-versions"
          columns={[
            { title: t('annualReport.field.key'), dataIndex: 'key', width: 140 },
            { title: t('annualReport.field.version'), dataIndex: 'version', width: 80 },
            { title: t('annualReport.field.editedBy'), dataIndex: 'editedBy', width: 140 },
            { title: t('annualReport.field.editedAt'), dataIndex: 'editedAt', width: 200, render: (v: string) => new Date(v).toLocaleString() },
            { title: t('annualReport.paragraphs'), dataIndex: 'text', ellipsis: true },
          ]} />
      </Card>

      <RecordsModal drill={records} onClose={() => setRecords(null)} />
      <Modal open={editing !== null} title={editing ? (en ? editing.headingEn : editing.headingZh || editing.key) : ''} onCancel={() => setEditing(null)} onOk={() => void save()} confirmLoading={busy} width={760} destroyOnHidden
        okButtonProps={{ 'data-testid': 'annual-report-save' } as Record<string, string>}>
        <Alert type="info" showIcon message={t('annualReport.editHint')} style={{ marginBottom: 12 }} />
        <Input.TextArea rows={8} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="annual-report-editor" />
      </Modal>
    </Space>
  );
}
