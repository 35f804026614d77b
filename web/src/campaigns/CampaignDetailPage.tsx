// One campaign: targets, inspections (with the record form), rectification items and their actions
// (complete, 销号, 督办, 转为线索; the server's refusal is shown as it comes), figures, 督办单 download.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { StaffSelect } from '../cases';
import { districtOptions, useDistricts } from '../enterprises';
import { campaignApi } from './api';
import { CampaignFormModal } from './CampaignForm';
import type { CampaignDetail, Figures, Inspection, RectificationItem, Target } from './types';

const STATUS_COLOR: Record<RectificationItem['status'], string> = { open: 'orange', completed: 'blue', verified: 'green' };

function FiguresRow({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const keys: (keyof Figures)[] = ['targets', 'inspected', 'problems', 'orders', 'fixed', 'verified', 'jointOperations'];
  return (
    <Row gutter={16} data-testid="campaign-figures">
      {keys.map((k) => <Col key={k} xs={12} md={3}><Statistic title={t(`campaigns.figures.${k}`)} value={figures[k]} /></Col>)}
    </Row>
  );
}

interface InspectionValues {
  targetId: number; inspectedOn: Dayjs; officerIds: number[]; workingDays: number; ownerDistrictId?: number;
  results: Record<string, { result: 'ok' | 'problem'; note?: string }>;
}

function InspectionModal({ detail, open, onClose, onSaved }: { detail: CampaignDetail; open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InspectionValues>();
  const { busy, submit } = useSubmit();
  const { districts } = useDistricts();
  const { checklist } = detail.campaign;
  const onOk = async () => {
    const v = await form.validateFields();
    const ok = await submit(() => campaignApi.inspect(detail.campaign.id, {
      targetId: v.targetId, inspectedOn: v.inspectedOn.format('YYYY-MM-DD'), officerIds: v.officerIds, workingDays: v.workingDays,
      ownerDistrictId: v.ownerDistrictId ?? null,
      results: checklist.map((c) => ({ code: c.code, result: v.results?.[c.code]?.result ?? 'ok', note: v.results?.[c.code]?.note?.trim() || null })),
    }), t('campaigns.inspection.recorded'));
    if (ok) { form.resetFields(); onSaved(); }
  };
  return (
    <Modal open={open} title={t('campaigns.inspection.record')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden width={760}>
      <Form form={form} layout="vertical" preserve={false} data-testid="inspection-form"
        initialValues={{ inspectedOn: dayjs(detail.todayOn), workingDays: 10, results: Object.fromEntries(checklist.map((c) => [c.code, { result: 'ok' }])) }}>
        <Form.Item name="targetId" label={t('campaigns.target')} rules={[{ required: true }]}>
          <Select options={detail.targets.map((x) => ({ value: x.id, label: x.name }))} data-testid="inspection-target" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="inspectedOn" label={t('campaigns.inspection.date')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > detail.todayOn || d.format('YYYY-MM-DD') < detail.campaign.startsOn} />
          </Form.Item>
          <Form.Item name="workingDays" label={t('campaigns.inspection.workingDays')} rules={[{ required: true }]}><InputNumber min={1} max={250} /></Form.Item>
          <Form.Item name="ownerDistrictId" label={t('campaigns.inspection.ownerDistrict')} extra={t('campaigns.inspection.ownerDistrictHelp')} style={{ minWidth: 240 }}>
            <Select allowClear options={districtOptions(districts, t)} optionFilterProp="label" data-testid="inspection-owner-district" />
          </Form.Item>
        </Space>
        <Form.Item name="officerIds" label={t('campaigns.inspection.officers')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <StaffSelect multiple testId="inspection-officers" />
        </Form.Item>
        {checklist.map((c) => (
          <Space key={c.code} align="baseline" wrap style={{ display: 'flex' }}>
            <Typography.Text style={{ width: 260, display: 'inline-block' }}>{c.code}. {c.text}</Typography.Text>
            <Form.Item name={['results', c.code, 'result']}>
              <Radio.Group options={[{ value: 'ok', label: t('campaigns.result.ok') }, { value: 'problem', label: t('campaigns.result.problem') }]} />
            </Form.Item>
            <Form.Item name={['results', c.code, 'note']}><Input placeholder={t('campaigns.result.note')} style={{ width: 260 }} maxLength={1000} /></Form.Item>
          </Space>
        ))}
      </Form>
    </Modal>
  );
}

function CompleteModal({ campaignId, item, onClose, onSaved }: { campaignId: number; item: RectificationItem | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ completionText: string; completedOn: Dayjs }>();
  const { busy, submit } = useSubmit();
  const onOk = async () => {
    const v = await form.validateFields();
    const ok = await submit(() => campaignApi.complete(campaignId, item!.id, { completionText: v.completionText, completedOn: v.completedOn.format('YYYY-MM-DD') }), t('campaigns.item.completed'));
    if (ok) onSaved();
  };
  return (
    <Modal open={item !== null} title={t('campaigns.action.complete')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ completedOn: dayjs() }}>
        <Typography.Paragraph type="secondary">{item?.problem}</Typography.Paragraph>
        <Form.Item name="completionText" label={t('campaigns.item.evidence')} rules={[{ required: true, whitespace: true, max: 2000 }]}><Input.TextArea rows={3} data-testid="completion-text" /></Form.Item>
        <Form.Item name="completedOn" label={t('campaigns.item.completedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function CampaignDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message } = App.useApp();
  const load = useLoad((signal) => campaignApi.detail(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  const [inspecting, setInspecting] = useState(false);
  const [completing, setCompleting] = useState<RectificationItem | null>(null);
  const [busyItem, setBusyItem] = useState<number | null>(null);
  const d = load.data;

  const act = async (item: RectificationItem, work: () => Promise<unknown>, done: string) => {
    setBusyItem(item.id);
    try {
      await work();
      message.success(done);
      load.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyItem(null);
    }
  };

  if (!d) {
    return (
      <Card title={t('campaigns.title')} loading={load.loading && !load.error} data-testid="campaign-page">
        <LoadError message={load.error} onRetry={load.reload} />
        {load.error && <Link to="/campaigns">{t('campaigns.back')}</Link>}
      </Card>
    );
  }
  const c = d.campaign;
  const itemActions = (item: RectificationItem) => (
    <Space wrap size={4}>
      {d.canInspect && item.status === 'open' && <Button size="small" onClick={() => setCompleting(item)} data-testid={`item-complete-${item.id}`}>{t('campaigns.action.complete')}</Button>}
      {d.canManage && item.status !== 'verified' && (
        <Button size="small" loading={busyItem === item.id} data-testid={`item-verify-${item.id}`}
          onClick={() => void act(item, () => campaignApi.verify(c.id, item.id), t('campaigns.item.verified'))}>{t('campaigns.action.verify')}</Button>
      )}
      {d.canManage && !item.order && item.status === 'open' && (
        <Button size="small" danger={item.overdue} loading={busyItem === item.id} data-testid={`item-escalate-${item.id}`}
          onClick={() => void act(item, () => campaignApi.escalate(c.id, item.id), t('campaigns.item.escalated'))}>{t('campaigns.action.escalate')}</Button>
      )}
      {can('case.write') && item.leadId === null && (
        <Button size="small" loading={busyItem === item.id} data-testid={`item-lead-${item.id}`}
          onClick={() => void act(item, () => campaignApi.lead(c.id, item.id), t('campaigns.item.leadCreated'))}>{t('campaigns.action.lead')}</Button>
      )}
    </Space>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="campaign-page">
      <LoadError message={load.error} onRetry={load.reload} />
      <Card title={c.name} extra={<Space>{d.canManage && <Button onClick={() => setEditing(true)} data-testid="campaign-edit">{t('campaigns.edit')}</Button>}<Link to="/campaigns">{t('campaigns.back')}</Link></Space>}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('campaigns.field.period')}>{c.startsOn} ~ {c.endsOn}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.field.districts')}>{c.districts.map((x) => x.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.field.legalBasis')} span={2}>{c.legalBasis}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.field.checklist')} span={2}>{c.checklist.map((i) => `${i.code}. ${i.text}`).join('；')}</Descriptions.Item>
        </Descriptions>
        <FiguresRow figures={d.figures} />
      </Card>

      <Card title={t('campaigns.targets')} extra={d.canInspect && <Button type="primary" onClick={() => setInspecting(true)} data-testid="inspection-record">{t('campaigns.inspection.record')}</Button>}>
        <Table<Target> rowKey="id" size="small" dataSource={d.targets} pagination={false}
          locale={{ emptyText: <EmptyState description={t('campaigns.targetsEmpty')} /> }}
          columns={[
            { title: t('campaigns.target'), dataIndex: 'name', render: (v: string, x: Target) => (x.surveyedKm ? `${v}（${x.surveyedKm} km）` : v) },
            { title: t('campaigns.targetKind.label'), dataIndex: 'kind', width: 120, render: (k: Target['kind']) => t(`campaigns.targetKind.${k}`) },
            { title: t('campaigns.coordinates'), key: 'xy', width: 220, render: (_: unknown, x) => (x.kind === 'site' ? `${x.longitude}, ${x.latitude}` : '—') },
            { title: t('campaigns.figures.inspected'), dataIndex: 'inspected', width: 100, render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
          ]} />
      </Card>

      <Card title={t('campaigns.inspections')}>
        <Table<Inspection> rowKey="id" size="small" dataSource={d.inspections} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState description={t('campaigns.inspectionsEmpty')} /> }}
          columns={[
            { title: t('campaigns.inspection.date'), dataIndex: 'inspectedOn', width: 120 },
            { title: t('campaigns.target'), dataIndex: 'targetName' },
            { title: t('campaigns.inspection.officers'), dataIndex: 'officerNames', render: (v: string[]) => v.join('、') },
            {
              title: t('campaigns.inspection.joint'), key: 'joint', width: 220, render: (_: unknown, i) => (i.joint ? (
                <Space size={4} wrap data-testid={`inspection-joint-${i.id}`}>
                  <Tag color={i.crossDistrict ? 'purple' : 'blue'}>{i.crossDistrict ? t('campaigns.inspection.crossDistrict') : t('campaigns.inspection.jointTag')}</Tag>
                  {i.participantUnits.map((u) => u ?? t('campaigns.inspection.cityBureau')).join('、')}
                </Space>
              ) : '—'),
            },
            { title: t('campaigns.figures.problems'), key: 'p', width: 90, render: (_: unknown, i) => i.results.filter((r) => r.result === 'problem').length },
          ]} />
      </Card>

      <Card title={t('campaigns.items')}>
        <Table<RectificationItem> rowKey="id" size="small" dataSource={d.items} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="campaign-items"
          locale={{ emptyText: <EmptyState description={t('campaigns.itemsEmpty')} /> }}
          columns={[
            { title: t('campaigns.target'), dataIndex: 'targetName', width: 180 },
            { title: t('campaigns.item.problem'), dataIndex: 'problem' },
            { title: t('campaigns.item.owner'), dataIndex: 'ownerName', width: 140 },
            {
              title: t('campaigns.item.deadline'), key: 'deadline', width: 150, render: (_: unknown, i) => (
                <Space size={4} wrap>{i.deadlineOn}{i.deadlineProvisional && <Tag>{t('campaigns.item.provisional')}</Tag>}{i.overdue && <Tag color="red">{t('campaigns.item.overdue')}</Tag>}</Space>
              ),
            },
            { title: t('campaigns.item.status'), dataIndex: 'status', width: 100, render: (s: RectificationItem['status']) => <Tag color={STATUS_COLOR[s]}>{t(`campaigns.status.${s}`)}</Tag> },
            {
              title: t('campaigns.item.order'), key: 'order', width: 200, render: (_: unknown, i) => (i.order ? (
                <Button size="small" type="link" icon={<DownloadOutlined />} data-testid={`item-order-${i.id}`}
                  onClick={() => void campaignApi.order(c.id, i.id).catch((e: unknown) => message.error(errorMessage(e)))}>{i.order.number}</Button>
              ) : '—'),
            },
            { title: t('campaigns.item.lead'), dataIndex: 'leadId', width: 90, render: (v: number | null) => (v ? <Link to="/leads">#{v}</Link> : '—') },
            { title: t('campaigns.actions'), key: 'actions', width: 240, render: (_: unknown, i) => itemActions(i) },
          ]} />
      </Card>

      <CampaignFormModal open={editing} campaign={c} targets={d.targets} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); load.reload(); }} />
      <InspectionModal detail={d} open={inspecting} onClose={() => setInspecting(false)} onSaved={() => { setInspecting(false); load.reload(); }} />
      <CompleteModal campaignId={c.id} item={completing} onClose={() => setCompleting(null)} onSaved={() => { setCompleting(null); load.reload(); }} />
    </Space>
  );
}
