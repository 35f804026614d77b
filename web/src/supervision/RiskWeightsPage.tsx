// Risk-weight versions: the list (which one is in force), a new version (a draft, prefilled from the weights
// in force), and activation by a leader with a reason. Every change is audited on the server.
import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api';
import { useAuth } from '../app/auth';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { supervisionApi, type RiskWeights, type RiskWeightVersion } from './api';
import { cst, SupervisionNav } from './shared';

const COUNT_FACTORS = [
  'complaints12m', 'substantiatedComplaints12m', 'exceedanceEvents12m', 'electricityEvents12m', 'dataQualityEvents12m',
  'overdueRectifications', 'penalties24m', 'exemptions24m',
] as const;
const CREDIT = ['green', 'blue', 'yellow', 'red', 'black', 'none'] as const;
const INDUSTRY = ['high', 'medium', 'low'] as const;

function WeightsView({ w }: { w: RiskWeights }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={2} bordered>
      {COUNT_FACTORS.map((f) => (
        <Descriptions.Item key={f} label={t(`supervision.factorName.${f}`)}>{t('supervision.perCount', { points: w.perCount[f]?.points, cap: w.perCount[f]?.cap })}</Descriptions.Item>
      ))}
      {CREDIT.map((c) => <Descriptions.Item key={c} label={`${t('supervision.factorName.creditRating')} · ${c === 'none' ? t('supervision.noRating') : t(`creditRating.${c}`)}`}>{w.credit[c]}</Descriptions.Item>)}
      <Descriptions.Item label={t('supervision.factorName.keyUnit')}>{w.keyUnit}</Descriptions.Item>
      {INDUSTRY.map((i) => <Descriptions.Item key={i} label={`${t('supervision.factorName.industryRisk')} · ${t(`supervision.industry.${i}`)}`}>{w.industry[i]}</Descriptions.Item>)}
    </Descriptions>
  );
}

interface FormValues { effectiveFrom: dayjs.Dayjs; note: string; activate: boolean; weights: RiskWeights }

export default function RiskWeightsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { data, loading, error, reload } = useLoad((signal) => supervisionApi.riskWeights(signal), []);
  const [creating, setCreating] = useState(false);
  const [activating, setActivating] = useState<RiskWeightVersion | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const approve = can('supervision.approve');

  const status = (v: RiskWeightVersion) => (v.inForce ? <Tag color="green">{t('supervision.weightsStatus.inForce')}</Tag>
    : v.builtIn ? <Tag>{t('supervision.weightsStatus.builtIn')}</Tag>
      : v.activatedAt ? <Tag color="blue">{t('supervision.weightsStatus.activated')}</Tag> : <Tag color="orange">{t('supervision.weightsStatus.draft')}</Tag>);

  const columns: TableColumnsType<RiskWeightVersion> = [
    { title: t('supervision.version'), dataIndex: 'version', width: 80, render: (v) => `v${v}` },
    { title: t('supervision.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120, render: (v) => v ?? '—' },
    { title: t('supervision.status'), width: 110, render: (_v, r) => status(r) },
    { title: t('supervision.note'), dataIndex: 'note' },
    { title: t('supervision.createdBy'), width: 180, render: (_v, r) => (r.createdAt ? `${r.createdByName ?? '—'} · ${cst(r.createdAt)}` : '—') },
    { title: t('supervision.activatedAt'), dataIndex: 'activatedAt', width: 150, render: (v) => cst(v) },
    {
      title: t('supervision.actions'), width: 110,
      render: (_v, r) => (approve && !r.builtIn && !r.inForce
        ? <Button size="small" onClick={() => { setActivating(r); setReason(''); }} data-testid={`activate-v${r.version}`}>{t('supervision.activate')}</Button>
        : null),
    },
  ];

  const openCreate = () => {
    if (!data) return;
    form.setFieldsValue({ effectiveFrom: dayjs(), note: '', activate: false, weights: data.current.weights });
    setCreating(true);
  };
  const create = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await supervisionApi.createRiskWeights({ effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), note: v.note, activate: v.activate, weights: v.weights });
      void message.success(t(r.activated ? 'supervision.weightsCreatedActive' : 'supervision.weightsCreated', { v: r.version }));
      setCreating(false);
      reload();
    } catch (e) { void message.error(errorMessage(e)); } finally { setBusy(false); }
  };
  const activate = async () => {
    if (!activating) return;
    setBusy(true);
    try {
      const r = await supervisionApi.activateRiskWeights(activating.version, reason.trim() || null);
      void message.success(t(r.inForce ? 'supervision.weightsActivated' : 'supervision.weightsActivatedLater', { v: r.version, on: activating.effectiveFrom }));
      setActivating(null);
      reload();
    } catch (e) { void message.error(errorMessage(e)); } finally { setBusy(false); }
  };

  const num = (name: (string | number)[], min?: number) => (
    <Form.Item name={['weights', ...name]} noStyle rules={[{ required: true }]}><InputNumber min={min} max={100} style={{ width: 80 }} /></Form.Item>
  );

  return (
    <>
      <SupervisionNav />
      <Card title={t('supervision.weightsTitle')} data-testid="risk-weights"
        extra={approve && <Button type="primary" onClick={openCreate} disabled={!data} data-testid="weights-new">{t('supervision.weightsNew')}</Button>}>
        <Typography.Paragraph type="secondary">{t('supervision.weightsHelp')}</Typography.Paragraph>
        {error && <LoadError message={error} onRetry={reload} />}
        <Table rowKey="version" size="small" loading={loading} dataSource={data?.versions ?? []} columns={columns} pagination={false}
          expandable={{ expandedRowRender: (r) => <WeightsView w={r.weights} /> }} />
      </Card>

      <Modal open={creating} title={t('supervision.weightsNew')} onCancel={() => setCreating(false)} onOk={() => void create()} confirmLoading={busy} width={760} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Space wrap>
            <Form.Item name="effectiveFrom" label={t('supervision.effectiveFrom')} rules={[{ required: true }]}><DatePicker allowClear={false} /></Form.Item>
            <Form.Item name="note" label={t('supervision.note')} rules={[{ required: true, whitespace: true, max: 500 }]}><Input style={{ width: 360 }} /></Form.Item>
          </Space>
          <Table size="small" pagination={false} rowKey="f" dataSource={COUNT_FACTORS.map((f) => ({ f }))}
            columns={[
              { title: t('supervision.factor'), dataIndex: 'f', render: (f) => t(`supervision.factorName.${f}`) },
              { title: t('supervision.pointsEach'), width: 120, render: (_v, r) => num(['perCount', r.f, 'points'], 0) },
              { title: t('supervision.cap'), width: 120, render: (_v, r) => num(['perCount', r.f, 'cap'], 0) },
            ]} />
          <Space wrap style={{ marginTop: 12 }}>
            {CREDIT.map((c) => <span key={c}>{c === 'none' ? t('supervision.noRating') : t(`creditRating.${c}`)} {num(['credit', c], -100)}</span>)}
          </Space>
          <Space wrap style={{ marginTop: 12 }}>
            <span>{t('supervision.factorName.keyUnit')} {num(['keyUnit'], -100)}</span>
            {INDUSTRY.map((i) => <span key={i}>{t('supervision.factorName.industryRisk')} · {t(`supervision.industry.${i}`)} {num(['industry', i], -100)}</span>)}
          </Space>
          <Form.Item name="activate" valuePropName="checked" style={{ marginTop: 12 }}><Checkbox>{t('supervision.activateNow')}</Checkbox></Form.Item>
        </Form>
      </Modal>

      <Modal open={activating !== null} title={t('supervision.activateTitle', { v: activating?.version })} onCancel={() => setActivating(null)} onOk={() => void activate()} confirmLoading={busy}>
        <Typography.Paragraph type="secondary">{t('supervision.activateHelp', { on: activating?.effectiveFrom })}</Typography.Paragraph>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('supervision.reason')} maxLength={1000} data-testid="activate-reason" />
      </Modal>
    </>
  );
}
