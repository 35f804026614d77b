// One permit: validity and renewal, permitted outfalls with their limits, execution reports (file one for an
// ended period), and the renewal / change applications.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { permitApi } from './api';
import { ApplyModal } from './ApplyModal';
import type { EndAction, PermitDetail, PermitLimit, ReportRow, ReportState } from './types';

const citation = (c: { law: string; article: string; paragraph?: string; item?: string }) => `${c.law}${c.article}${c.paragraph ?? ''}${c.item ?? ''}`;

/** 撤销 (行政许可法 第六十九条) / 注销 (第七十条): a statutory ground, the day and the reason. */
function EndModal({ detail, action, onClose, onDone }: { detail: PermitDetail; action: EndAction | null; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ ground: string; endedOn: Dayjs; reason: string }>();
  const { busy, submit } = useSubmit();
  const run = async (v: { ground: string; endedOn: Dayjs; reason: string }) => {
    if (await submit(() => permitApi.end(detail.permit.id, action!, { ground: v.ground, endedOn: v.endedOn.format('YYYY-MM-DD'), reason: v.reason }), t('permits.saved'))) onDone();
  };
  return (
    <Modal open={action !== null} title={action ? t(`permits.end.${action}`) : ''} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden width={640}
      okButtonProps={{ danger: true, 'data-testid': 'permit-end-ok' } as never}>
      <Form form={form} layout="vertical" onFinish={run} initialValues={{ endedOn: dayjs() }} preserve={false}>
        <Form.Item name="ground" label={t('permits.end.ground')} rules={[{ required: true }]}>
          <Select data-testid="permit-end-ground" options={(action ? detail.endGrounds[action] : []).map((g) => ({ value: g.code, label: `${g.text}（${citation(g.citation)}）` }))} />
        </Form.Item>
        <Form.Item name="endedOn" label={t('permits.field.date')} rules={[{ required: true }]}><DatePicker disabledDate={(x) => x.isAfter(dayjs(), 'day')} /></Form.Item>
        <Form.Item name="reason" label={t('permits.end.reason')} extra={t('permits.end.reasonHint')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} data-testid="permit-end-reason" /></Form.Item>
      </Form>
    </Modal>
  );
}

const REPORT_COLOR: Record<ReportState, string> = { submitted: 'green', submitted_late: 'orange', pending: 'blue', overdue: 'red' };

export default function PermitDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const load = useLoad<PermitDetail>((signal) => permitApi.detail(id!, signal), [id]);
  const [filing, setFiling] = useState<ReportRow | null>(null);
  const [applying, setApplying] = useState<'renewal' | 'change' | null>(null);
  const [ending, setEnding] = useState<EndAction | null>(null);
  const [form] = Form.useForm<{ submittedOn: Dayjs; summary: string }>();
  const { busy, submit } = useSubmit();
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  const d = load.data;
  if (!d) return <Card loading />;
  const p = d.permit;
  const file = async (v: { submittedOn: Dayjs; summary: string }) => {
    if (await submit(() => permitApi.report(p.id, { kind: filing!.kind, period: filing!.period, submittedOn: v.submittedOn.format('YYYY-MM-DD'), summary: v.summary }), t('permits.saved'))) {
      setFiling(null); form.resetFields(); load.reload();
    }
  };
  const limitText = (l: PermitLimit) => [
    l.concentration !== null ? `${l.concentration} ${l.concentrationUnit}（${t(`permits.period.${l.period}`)}）` : null,
    l.annualTotal !== null ? `${t('permits.annualTotal')} ${l.annualTotal} ${l.annualTotalUnit}` : null,
  ].filter(Boolean).join('；');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="permit-detail">
      <Card title={`${p.enterpriseName} · ${p.number}`} extra={(
        <Space>
          {d.actions.renew && <Button onClick={() => setApplying('renewal')} data-testid="permit-renew">{t('permits.apply.renewal')}</Button>}
          {d.actions.change && <Button onClick={() => setApplying('change')} data-testid="permit-change">{t('permits.apply.change')}</Button>}
          {d.actions.cancel && <Button danger onClick={() => setEnding('cancel')} data-testid="permit-cancel">{t('permits.end.cancel')}</Button>}
          {d.actions.revoke && <Button danger onClick={() => setEnding('revoke')} data-testid="permit-revoke">{t('permits.end.revoke')}</Button>}
        </Space>
      )}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('permits.field.class')}>{t(`permits.class.${p.managementClass}`)}</Descriptions.Item>
          <Descriptions.Item label={t('permits.field.state')}>{p.validNow ? <Tag color="green">{t('permits.valid')}</Tag> : <Tag color="red">{t('permits.invalid')}</Tag>}</Descriptions.Item>
          <Descriptions.Item label={t('permits.field.issuedOn')}>{p.issuedOn}</Descriptions.Item>
          <Descriptions.Item label={t('permits.field.validity')}>{`${p.validFrom} ~ ${p.validTo ?? t('permits.noEnd')}`}</Descriptions.Item>
          {p.endedOn && <Descriptions.Item label={t(`permits.end.${p.status === 'revoked' ? 'revoke' : 'cancel'}`)}>
            <span data-testid="permit-ended" data-status={p.status}>{p.endedOn}（{d.endGrounds[p.status === 'revoked' ? 'revoke' : 'cancel'].find((g) => g.code === p.endGround)?.text ?? p.endGround}）{p.endReason}</span>
          </Descriptions.Item>}
          {p.renewalDueOn && <Descriptions.Item label={t('permits.field.renewal')}>{p.renewalDueOn} {p.renewalState !== 'none' && <Tag>{t(`permits.renewal.${p.renewalState}`)}</Tag>}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('permits.outfalls')}>
        {d.outfalls.length === 0 ? <EmptyState description={t('permits.empty.outfalls')} /> : (
          <Table rowKey="id" size="small" pagination={false} dataSource={d.outfalls} columns={[
            { title: t('permits.field.outfall'), key: 'o', render: (_: unknown, o) => `${o.code} ${o.name}` },
            { title: t('permits.field.location'), dataIndex: 'location' },
            { title: t('permits.field.limits'), key: 'l', render: (_: unknown, o) => o.limits.map((l) => <div key={l.id}>{l.pollutant}: {limitText(l)}</div>) },
          ]} />
        )}
      </Card>
      <Card title={t('permits.reports')}>
        {d.reports.length === 0 ? <EmptyState description={t('permits.empty.reportPeriods')} /> : (
          <Table<ReportRow> rowKey={(r) => `${r.kind}-${r.period}`} size="small" dataSource={d.reports} data-testid="permit-reports" columns={[
            { title: t('permits.field.reportKind'), dataIndex: 'kind', render: (v: ReportRow['kind']) => t(`permits.reportKind.${v}`) },
            { title: t('permits.field.period'), dataIndex: 'period' },
            { title: t('permits.field.dueOn'), dataIndex: 'dueOn' },
            { title: t('permits.field.status'), dataIndex: 'state', render: (v: ReportState, r) => <Tag color={REPORT_COLOR[v]}>{t(`permits.reportState.${v}`)}{r.submittedOn ? ` ${r.submittedOn}` : ''}</Tag> },
            { title: t('permits.field.actions'), key: 'a', render: (_: unknown, r) => (d.actions.report && r.submittedOn === null
              ? <Button size="small" onClick={() => setFiling(r)} data-testid={`permit-file-${r.period}`}>{t('permits.fileReport')}</Button> : null) },
          ]} />
        )}
      </Card>
      <Modal open={filing !== null} title={`${t('permits.fileReport')} ${filing?.period ?? ''}`} onCancel={() => setFiling(null)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={file} initialValues={{ submittedOn: dayjs() }}>
          <Form.Item name="submittedOn" label={t('permits.field.date')} rules={[{ required: true }]}><DatePicker disabledDate={(x) => x.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="summary" label={t('permits.field.summary')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={4} /></Form.Item>
        </Form>
      </Modal>
      <EndModal detail={d} action={ending} onClose={() => setEnding(null)} onDone={() => { setEnding(null); load.reload(); }} />
      <ApplyModal open={applying !== null} kind={applying ?? 'renewal'} permit={p} onClose={() => setApplying(null)} onDone={() => { setApplying(null); load.reload(); }} />
    </Space>
  );
}
