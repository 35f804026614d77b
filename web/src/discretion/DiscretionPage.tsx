// 自由裁量: the calculator (optionally for a case), the benchmark tables with their versions, and the
// consistency report. Administrators publish a table's next version as data (JSON), effective today or later.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, InputNumber, Modal, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { useLoad } from '../app/useLoad';
import { discretionApi } from './api';
import { DiscretionCalculator, provisionText, rangeText } from './DiscretionCalculator';
import ConsistencyReport from './ConsistencyPage';
import type { Table as BenchmarkTable } from './types';
import './strings';

function CalculatorTab() {
  const [params, setParams] = useSearchParams();
  const caseId = Number(params.get('caseId')) || undefined;
  const [typed, setTyped] = useState<number | null>(caseId ?? null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space.Compact>
        <InputNumber min={1} placeholder="案件 ID / Case ID" value={typed} onChange={setTyped} data-testid="discretion-case-id" />
        <Button onClick={() => setParams(typed ? { caseId: String(typed) } : {})}>OK</Button>
      </Space.Compact>
      <DiscretionCalculator key={caseId ?? 0} caseId={caseId} />
    </Space>
  );
}

function PublishModal({ table, onClose, onDone }: { table: BenchmarkTable | null; onClose(): void; onDone(v: number): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = table !== null;
  const initial = () => {
    if (!table) return '';
    const { id: _i, version: _v, createdAt: _c, ...rest } = table;
    return JSON.stringify({ ...rest, effectiveOn: new Date().toISOString().slice(0, 10), reason: '' }, null, 2);
  };
  return (
    <Modal open={open} width={760} title={`${t('discretion.tables.publish')} · ${table?.code ?? ''}`} onCancel={onClose} destroyOnHidden
      afterOpenChange={(o) => { if (o) { setText(initial()); setError(null); } }}
      onOk={async () => {
        try {
          const r = await discretionApi.publish(JSON.parse(text));
          onDone(r.version);
        } catch (e) {
          setError(e instanceof SyntaxError ? e.message : errorMessage(e));
        }
      }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="discretion-publish-error" />}
      <Typography.Text type="secondary">{t('discretion.tables.json')}</Typography.Text>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={22} style={{ fontFamily: 'monospace', fontSize: 12 }} />
    </Modal>
  );
}

function TablesTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoad((signal) => discretionApi.tables(undefined, signal), []);
  const [editing, setEditing] = useState<BenchmarkTable | null>(null);
  return (
    <>
      <LoadError message={error} onRetry={reload} />
      <Table<BenchmarkTable> size="small" rowKey="id" loading={loading} dataSource={data?.items ?? []} pagination={{ pageSize: 30 }} data-testid="discretion-tables"
        expandable={{ expandedRowRender: (r) => (
          <Space direction="vertical" size={2} style={{ fontSize: 12 }}>
            {r.factors.map((f) => <span key={f.key}><strong>{f.label}</strong>（{t('discretion.calc.weight')} {f.weight}）：{f.levels.map((l) => `${l.label} ${l.score}`).join(' / ')}</span>)}
            <Typography.Text type="secondary">{t('discretion.calc.source')}：{r.source}</Typography.Text>
          </Space>
        ) }}
        columns={[
          { title: t('discretion.tables.code'), dataIndex: 'code', width: 110 },
          { title: t('discretion.tables.title'), dataIndex: 'title' },
          { title: t('discretion.tables.penalty'), dataIndex: 'penaltyProvision', width: 260, render: (c) => provisionText(c) },
          { title: t('discretion.tables.range'), key: 'range', width: 220, render: (_, r) => rangeText(r) },
          { title: t('discretion.tables.version'), dataIndex: 'version', width: 70, render: (v: number) => <Tag>v{v}</Tag> },
          { title: t('discretion.tables.effectiveOn'), dataIndex: 'effectiveOn', width: 110 },
          ...(can('discretion.manage') ? [{ title: '', key: 'edit', width: 110, render: (_: unknown, r: BenchmarkTable) => <Button size="small" onClick={() => setEditing(r)}>{t('discretion.tables.publish')}</Button> }] : []),
        ]}
      />
      <PublishModal table={editing} onClose={() => setEditing(null)} onDone={(v) => { setEditing(null); message.success(t('discretion.tables.published', { v })); reload(); }} />
    </>
  );
}

export default function DiscretionPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('discretion.title')} data-testid="discretion-page">
      <Tabs items={[
        { key: 'calculator', label: t('discretion.tab.calculator'), children: <CalculatorTab /> },
        { key: 'tables', label: t('discretion.tab.tables'), children: <TablesTab /> },
        { key: 'consistency', label: t('discretion.tab.consistency'), children: <ConsistencyReport /> },
      ]} />
    </Card>
  );
}
