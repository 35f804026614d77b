// 行政处罚公示 (staff): decided penalties due for publication (preview the redacted record, publish), withdrawals
// due after a change or revocation (行政处罚法 第四十八条第二款), and what is published.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Descriptions, Input, Modal, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { ListPage } from '../app/ListPage';
import { LoadError } from '../app/LoadError';
import { EmptyState } from '../app/EmptyState';
import { formatYuan } from '../app/format';
import { disclosureApi } from './api';
import { StatusTag } from './PublicDecisionsPage';
import type { DueItem, PublicDecision, WithdrawalItem } from './types';

function DueTag({ dueOn, overdue, provisional }: { dueOn: string; overdue: boolean; provisional: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={overdue ? 'red' : 'blue'}>{dueOn}</Tag>
      {provisional && <Tag color="gold">{t('disclosure.provisional')}</Tag>}
    </Space>
  );
}

function PreviewModal({ caseId, onClose, onDone }: { caseId: number; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { busy, submit } = useSubmit();
  const load = useLoad((s) => disclosureApi.preview(caseId, s), [caseId]);
  const r = load.data?.record;
  return (
    <Modal open width={760} title={t('disclosure.preview')} onCancel={onClose} destroyOnClose
      okText={t('disclosure.publish')} okButtonProps={{ disabled: !r, loading: busy, 'data-testid': 'publish-confirm' } as never}
      onOk={async () => { if (await submit(() => disclosureApi.publish(caseId), t('disclosure.published'))) onDone(); }}>
      <LoadError message={load.error} onRetry={load.reload} />
      {r && (
        <Descriptions bordered column={1} size="small" data-testid="publication-preview">
          <Descriptions.Item label={t('disclosure.field.party')}>{r.partyName}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.field.creditCode')}>{r.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.field.decisionNumber')}>{r.decisionNumber}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.field.violation')}>{r.violation}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.field.facts')}>{r.facts}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.field.basis')}>{r.basis}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.field.penaltyContent')}>{r.penaltyContent}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.field.decidedOn')}>{r.decidedOn}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.field.agency')}>{r.agency}</Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}

function WithdrawModal({ publicationId, onClose, onDone }: { publicationId: number; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { busy, submit } = useSubmit();
  const [reason, setReason] = useState('');
  return (
    <Modal open title={t('disclosure.withdraw')} onCancel={onClose} destroyOnClose okText={t('disclosure.withdraw')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy, 'data-testid': 'withdraw-confirm' } as never}
      onOk={async () => { if (await submit(() => disclosureApi.withdraw(publicationId, reason), t('disclosure.withdrawn'))) onDone(); }}>
      <p>{t('disclosure.withdrawHint')}</p>
      <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} data-testid="withdraw-reason" />
    </Modal>
  );
}

export default function PublicationQueuePage() {
  const { t } = useTranslation();
  const load = useLoad((s) => disclosureApi.queue(s), []);
  const [previewing, setPreviewing] = useState<number | null>(null);
  const [withdrawing, setWithdrawing] = useState<number | null>(null);
  const done = () => { setPreviewing(null); setWithdrawing(null); load.reload(); };
  const q = load.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('disclosure.queueTitle', { days: q?.publicationWorkingDays ?? '' })} extra={<Link to="/public">{t('disclosure.openPortal')}</Link>} data-testid="disclosure-page">
        <ListPage<DueItem>
          load={{ ...load, data: q ? q.due : null }}
          rowKey="caseId"
          data-testid="disclosure-due-list"
          empty={t('disclosure.emptyDue')}
          columns={[
            { title: t('disclosure.field.decisionNumber'), dataIndex: 'decisionNumber', render: (v: string | null, d) => <Link to={`/cases/${d.caseId}`}>{v ?? d.number}</Link> },
            { title: t('disclosure.field.party'), dataIndex: 'enterpriseName' },
            { title: t('disclosure.field.fine'), dataIndex: 'fineFen', render: (v: number | null) => formatYuan(v ?? 0) },
            { title: t('disclosure.field.decidedOn'), dataIndex: 'decidedOn' },
            { title: t('disclosure.field.dueOn'), key: 'due', render: (_: unknown, d) => <DueTag {...d} /> },
            { title: t('disclosure.actions'), key: 'a', render: (_: unknown, d) => <Button size="small" type="primary" onClick={() => setPreviewing(d.caseId)} data-testid={`preview-${d.caseId}`}>{t('disclosure.preview')}</Button> },
          ]}
        />
      </Card>
      <Card title={t('disclosure.withdrawalsTitle')}>
        <Table<WithdrawalItem> rowKey="publicationId" size="middle" dataSource={q?.withdrawals ?? []} loading={load.loading} pagination={false}
          locale={{ emptyText: <EmptyState description={t('disclosure.emptyWithdrawals')} /> }}
          columns={[
            { title: t('disclosure.field.decisionNumber'), dataIndex: 'decisionNumber' },
            { title: t('disclosure.field.party'), dataIndex: 'partyName' },
            { title: t('disclosure.field.changedOn'), dataIndex: 'changedOn' },
            { title: t('disclosure.field.dueOn'), key: 'due', render: (_: unknown, w) => <DueTag {...w} /> },
            { title: t('disclosure.actions'), key: 'a', render: (_: unknown, w) => <Button size="small" danger onClick={() => setWithdrawing(w.publicationId)}>{t('disclosure.withdraw')}</Button> },
          ]} />
      </Card>
      <Card title={t('disclosure.publishedTitle')}>
        <Table<PublicDecision & { actions: string[] }> rowKey="id" size="middle" dataSource={q?.published ?? []} loading={load.loading} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="disclosure-published-list" locale={{ emptyText: <EmptyState description={t('disclosure.emptyPublished')} /> }}
          columns={[
            { title: t('disclosure.field.decisionNumber'), dataIndex: 'decisionNumber', render: (v: string, d) => <Link to={`/public/decisions/${d.id}`}>{v}</Link> },
            { title: t('disclosure.field.party'), dataIndex: 'partyName' },
            { title: t('disclosure.field.publishedOn'), dataIndex: 'publishedOn' },
            { title: t('disclosure.field.status'), key: 's', render: (_: unknown, d) => <StatusTag d={d} /> },
            { title: t('disclosure.actions'), key: 'a', render: (_: unknown, d) => (d.actions.includes('withdraw') ? <Button size="small" danger onClick={() => setWithdrawing(d.id)} data-testid={`withdraw-${d.id}`}>{t('disclosure.withdraw')}</Button> : null) },
          ]} />
      </Card>
      {previewing !== null && <PreviewModal caseId={previewing} onClose={() => setPreviewing(null)} onDone={done} />}
      {withdrawing !== null && <WithdrawModal publicationId={withdrawing} onClose={() => setWithdrawing(null)} onDone={done} />}
    </Space>
  );
}
