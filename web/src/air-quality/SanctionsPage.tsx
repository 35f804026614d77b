import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { errorMessage } from '../app/api';
import { LoadError } from '../app/LoadError';
import { airApi } from './api';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { AirNav } from './shared';
import type { Sanction, TriggerRule, TriggerRuleInput } from './types';
import { RANKING_KINDS, SANCTION_KINDS, TRIGGER_KINDS } from '../../../src/air-quality/rules/triggers';

export default function SanctionsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const rules = useLoad((signal) => airApi.rules(signal), []);
  const sanctions = useLoad((signal) => airApi.sanctions(signal), []);
  const [editing, setEditing] = useState<TriggerRule | 'new' | null>(null);
  const [form] = Form.useForm<TriggerRuleInput>();
  const manage = can('quality.manage');

  const open = (r: TriggerRule | 'new') => {
    setEditing(r);
    form.setFieldsValue(r === 'new' ? { name: '', ranking: 'air_district_daily', kind: 'last_place_streak', consecutive: 3, thresholdPercent: null, action: 'interview', active: true } : r);
  };
  const save = async () => {
    const v = await form.validateFields();
    const input = { ...v, consecutive: v.kind === 'last_place_streak' ? v.consecutive ?? null : null, thresholdPercent: v.kind === 'worsening' ? v.thresholdPercent ?? null : null };
    try {
      if (editing === 'new') await airApi.createRule(input);
      else if (editing) await airApi.updateRule(editing.id, { ...input, version: editing.version });
      setEditing(null);
      rules.reload();
    } catch (e) { message.error(errorMessage(e)); }
  };
  const lift = (s: Sanction) => {
    let reason = '';
    modal.confirm({
      title: t('quality.liftTitle'), content: <Input.TextArea rows={3} onChange={(e) => { reason = e.target.value; }} placeholder={t('quality.liftReason')} />,
      onOk: async () => { try { await airApi.lift(s.id, reason || t('quality.liftDefault')); sanctions.reload(); } catch (e) { message.error(errorMessage(e)); } },
    });
  };

  const ruleColumns: TableColumnsType<TriggerRule> = [
    { title: t('quality.ruleName'), dataIndex: 'name' },
    { title: t('quality.ranking'), dataIndex: 'ranking', render: (v) => t(`quality.rankingKind.${v}`) },
    { title: t('quality.condition'), render: (_v, r) => (r.kind === 'last_place_streak' ? t('quality.streak', { n: r.consecutive }) : t('quality.worsening', { p: r.thresholdPercent })) },
    { title: t('quality.action'), dataIndex: 'action', render: (v) => <Tag color="red">{t(`quality.sanctionKind.${v}`)}</Tag> },
    { title: t('quality.active'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('quality.on')}</Tag> : <Tag>{t('quality.off')}</Tag>) },
    ...(manage ? [{ title: '', width: 80, render: (_v: unknown, r: TriggerRule) => <Button size="small" onClick={() => open(r)}>{t('quality.edit')}</Button> }] : []),
  ];
  const sanctionColumns: TableColumnsType<Sanction> = [
    { title: t('quality.raisedAt'), dataIndex: 'raisedAt', width: 170, render: (v: string) => new Date(v).toLocaleString() },
    { title: t('quality.unit'), render: (_v, s) => (s.townshipName ? `${s.districtName} · ${s.townshipName}` : s.districtName) },
    { title: t('quality.action'), dataIndex: 'kind', width: 100, render: (v) => <Tag color="red">{t(`quality.sanctionKind.${v}`)}</Tag> },
    { title: t('quality.period'), dataIndex: 'period', width: 100 },
    { title: t('quality.reason'), dataIndex: 'reason' },
    { title: t('quality.status'), dataIndex: 'status', width: 90, render: (v) => (v === 'raised' ? <Tag color="orange">{t('quality.raised')}</Tag> : <Tag>{t('quality.lifted')}</Tag>) },
    ...(manage ? [{ title: '', width: 80, render: (_v: unknown, s: Sanction) => s.status === 'raised' && <Button size="small" onClick={() => lift(s)}>{t('quality.lift')}</Button> }] : []),
  ];
  const kind = Form.useWatch('kind', form);

  return (
    <div data-testid="air-sanctions-page">
      <AirNav />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('quality.rules')} extra={manage && <Button icon={<PlusOutlined />} onClick={() => open('new')}>{t('quality.newRule')}</Button>}>
          <LoadError message={rules.error} onRetry={rules.reload} />
          <Table<TriggerRule> rowKey="id" size="small" loading={rules.loading} columns={ruleColumns} dataSource={rules.data?.items ?? []} pagination={false} data-testid="trigger-rules" />
        </Card>
        <Card title={t('quality.sanctions')}>
          <ListPage<Sanction> load={sanctions} rowKey="id" size="small" columns={sanctionColumns} data-testid="sanctions" empty={t('emptyState.airSanctions')} />
        </Card>
      </Space>
      <Modal open={editing !== null} title={editing === 'new' ? t('quality.newRule') : t('quality.edit')} onOk={() => void save()} onCancel={() => setEditing(null)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('quality.ruleName')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="ranking" label={t('quality.ranking')}><Select options={RANKING_KINDS.map((k) => ({ value: k, label: t(`quality.rankingKind.${k}`) }))} /></Form.Item>
          <Form.Item name="kind" label={t('quality.condition')}><Select options={TRIGGER_KINDS.map((k) => ({ value: k, label: t(`quality.triggerKind.${k}`) }))} /></Form.Item>
          {kind === 'last_place_streak'
            ? <Form.Item name="consecutive" label={t('quality.consecutive')} rules={[{ required: true }]}><InputNumber min={1} max={366} /></Form.Item>
            : <Form.Item name="thresholdPercent" label={t('quality.threshold')} rules={[{ required: true }]}><InputNumber min={0} max={1000} addonAfter="%" /></Form.Item>}
          <Form.Item name="action" label={t('quality.action')}><Select options={SANCTION_KINDS.map((k) => ({ value: k, label: t(`quality.sanctionKind.${k}`) }))} /></Form.Item>
          <Form.Item name="active" label={t('quality.active')} valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
