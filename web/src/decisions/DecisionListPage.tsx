// 重大行政决策: the yearly catalogues (drafted, approved, published) with their items and the step each reached.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Checkbox, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { decisionsApi } from './api';
import type { Catalogue, ItemSummary } from './types';

const CATALOGUE_COLOR = { draft: 'default', approved: 'blue', published: 'green' } as const;

function AddItemModal({ catalogueId, onClose, onSaved }: { catalogueId: number | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string; department: string; planned: string[] }>();
  const { busy, submit } = useSubmit();
  const onOk = async () => {
    const v = await form.validateFields();
    const planned = v.planned ?? [];
    if (await submit(() => decisionsApi.addItem(catalogueId!, {
      title: v.title, department: v.department,
      plannedHearing: planned.includes('hearing'), plannedExperts: planned.includes('experts'), plannedRisk: planned.includes('risk'),
    }), t('majorDecisions.saved'))) onSaved();
  };
  return (
    <Modal open={catalogueId !== null} title={t('majorDecisions.addItem')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'decision-item-submit' } as Record<string, string>}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ planned: [] }}>
        <Form.Item name="title" label={t('majorDecisions.field.title')} rules={[{ required: true }]}><Input data-testid="decision-item-title" /></Form.Item>
        <Form.Item name="department" label={t('majorDecisions.field.department')} rules={[{ required: true }]}><Input data-testid="decision-item-department" /></Form.Item>
        <Form.Item name="planned" label={t('majorDecisions.field.planned')}>
          <Checkbox.Group data-testid="decision-item-planned" options={(['hearing', 'experts', 'risk'] as const).map((k) => ({ value: k, label: t(`majorDecisions.step.${k}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function DecisionListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const load = useLoad((signal) => decisionsApi.catalogues(signal), []);
  const { busy, submit } = useSubmit();
  const [year, setYear] = useState<number | null>(dayjs().year());
  const [adding, setAdding] = useState<number | null>(null);
  const manage = can('decision.manage');
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  const today = () => load.data?.todayOn ?? dayjs().format('YYYY-MM-DD');
  const run = (work: () => Promise<unknown>) => void submit(work, t('majorDecisions.saved')).then((ok) => ok && load.reload());
  const catalogueActions = (c: Catalogue) => (
    <Space wrap>
      <Tag color={CATALOGUE_COLOR[c.status]} data-testid={`decision-catalogue-status-${c.year}`} data-status={c.status}>{t(`majorDecisions.catalogueStatus.${c.status}`)}</Tag>
      {manage && c.status === 'draft' && <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(c.id)} data-testid={`decision-add-item-${c.year}`}>{t('majorDecisions.addItem')}</Button>}
      {can('decision.decide') && c.status === 'draft' && <Button size="small" disabled={busy} onClick={() => run(() => decisionsApi.approveCatalogue(c.id, today()))} data-testid={`decision-approve-${c.year}`}>{t('majorDecisions.approveCatalogue')}</Button>}
      {manage && c.status === 'approved' && <Button size="small" disabled={busy} onClick={() => run(() => decisionsApi.publishCatalogue(c.id, today()))} data-testid={`decision-publish-${c.year}`}>{t('majorDecisions.publishCatalogue')}</Button>}
    </Space>
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="decisions-page">
      <Card title={t('majorDecisions.title')}
        extra={<Space>
          <Link to="/public/major-decisions" data-testid="decisions-public-link">{t('majorDecisions.publicPage')}</Link>
          {manage && <>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(v)} data-testid="decision-catalogue-year" />
            <Button type="primary" icon={<PlusOutlined />} disabled={busy || !year} onClick={() => run(() => decisionsApi.createCatalogue(year!))} data-testid="decision-catalogue-create">{t('majorDecisions.createCatalogue')}</Button>
          </>}
        </Space>}>
        {load.data && load.data.items.length === 0 && <EmptyState description={manage ? t('majorDecisions.emptyManage') : t('majorDecisions.empty')} />}
        {!load.data && <Card loading bordered={false} />}
      </Card>
      {load.data?.items.map((c) => (
        <Card key={c.id} title={t('majorDecisions.catalogueOf', { year: c.year })} extra={catalogueActions(c)} data-testid={`decision-catalogue-${c.year}`}>
          <Table<ItemSummary> size="small" rowKey="id" pagination={false} dataSource={c.items} data-testid={`decision-items-${c.year}`}
            locale={{ emptyText: <EmptyState description={t('majorDecisions.noItems')} /> }}
            columns={[
              { title: t('majorDecisions.field.title'), dataIndex: 'title', render: (v: string, i) => <Link to={`/decisions/${i.id}`} data-testid={`decision-row-${i.id}`}>{v}</Link> },
              { title: t('majorDecisions.field.department'), dataIndex: 'department', width: 160 },
              { title: t('majorDecisions.field.planned'), key: 'planned', width: 220, render: (_: unknown, i) => (
                <Space size={4} wrap>{(['hearing', 'experts', 'risk'] as const).filter((k) => i[`planned${k[0]!.toUpperCase()}${k.slice(1)}` as 'plannedHearing']).map((k) => <Tag key={k}>{t(`majorDecisions.step.${k}`)}</Tag>)}</Space>
              ) },
              { title: t('majorDecisions.field.step'), dataIndex: 'step', width: 140, render: (s: string) => <Tag color="processing">{t(`majorDecisions.step.${s}`)}</Tag> },
            ]} />
        </Card>
      ))}
      <AddItemModal catalogueId={adding} onClose={() => setAdding(null)} onSaved={() => { setAdding(null); load.reload(); }} />
    </Space>
  );
}
