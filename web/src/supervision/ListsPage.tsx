import { useState } from 'react';
import { App, Button, Card, Checkbox, Input, Popover, Space, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api';
import { useAuth } from '../app/auth';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { supervisionApi, type Admission, type KeyEntry, type PositiveEntry } from './api';
import { cst, EnterprisePicker, SupervisionNav } from './shared';

const STATUS_COLOUR: Record<string, string> = { proposed: 'blue', approved: 'cyan', published: 'green', rejected: 'default', removed: 'default' };

function AdmissionList({ check }: { check: Admission }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2}>
      {check.criteria.map((c) => (
        <Typography.Text key={c.criterion} type={c.met ? 'success' : 'danger'}>{c.met ? '✓' : '✗'} {t(`supervision.criterion.${c.criterion}`)} <Typography.Text type="secondary">({c.evidence})</Typography.Text></Typography.Text>
      ))}
    </Space>
  );
}

function PositiveList() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const load = useLoad((signal) => supervisionApi.positive(signal), []);
  const { reload } = load;
  const [enterpriseId, setEnterpriseId] = useState<number | null>(null);
  const [check, setCheck] = useState<Admission | null>(null);
  const act = async (fn: () => Promise<unknown>) => { try { await fn(); reload(); } catch (e) { void message.error(errorMessage(e)); } };
  const withReason = (id: number, step: 'reject' | 'remove') => {
    let reason = '';
    modal.confirm({
      title: t(`supervision.step.${step}`), content: <Input.TextArea rows={3} onChange={(e) => { reason = e.target.value; }} placeholder={t('supervision.reason')} />,
      onOk: () => act(() => supervisionApi.step(id, step, reason)),
    });
  };
  const columns: TableColumnsType<PositiveEntry> = [
    { title: t('supervision.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('supervision.status'), dataIndex: 'status', width: 110, render: (v) => <Tag color={STATUS_COLOUR[v]}>{t(`supervision.status_.${v}`)}</Tag> },
    { title: t('supervision.criteria'), width: 110, render: (_v, e) => <Popover content={<AdmissionList check={e.admission} />}><a>{t('supervision.view')}</a></Popover> },
    { title: t('supervision.proposedAt'), dataIndex: 'proposedAt', width: 150, render: cst },
    { title: t('supervision.publishedAt'), dataIndex: 'publishedAt', width: 150, render: cst },
    { title: t('supervision.removal'), width: 220, render: (_v, e) => e.removalReason ?? '—' },
    {
      title: t('supervision.actions'), width: 230,
      render: (_v, e) => (
        <Space size={4}>
          {e.status === 'proposed' && can('supervision.approve') && <Button size="small" type="primary" onClick={() => void act(() => supervisionApi.step(e.id, 'approve', null))}>{t('supervision.step.approve')}</Button>}
          {e.status === 'proposed' && can('supervision.approve') && <Button size="small" onClick={() => withReason(e.id, 'reject')}>{t('supervision.step.reject')}</Button>}
          {e.status === 'approved' && can('supervision.manage') && <Button size="small" type="primary" onClick={() => void act(() => supervisionApi.step(e.id, 'publish', null))}>{t('supervision.step.publish')}</Button>}
          {(e.status === 'approved' || e.status === 'published') && can('supervision.manage') && <Button size="small" danger onClick={() => withReason(e.id, 'remove')}>{t('supervision.step.remove')}</Button>}
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('supervision.manage') && (
        <Space wrap>
          <EnterprisePicker value={enterpriseId} onChange={(id) => { setEnterpriseId(id); setCheck(null); if (id) void supervisionApi.admission(id).then((r) => setCheck(r.check), () => {}); }} />
          <Button type="primary" disabled={!enterpriseId || (check !== null && !check.eligible)} onClick={() => void act(async () => { await supervisionApi.propose(enterpriseId!); void message.success(t('supervision.proposed')); })}>{t('supervision.propose')}</Button>
          {check && <Popover content={<AdmissionList check={check} />}><Tag color={check.eligible ? 'green' : 'red'}>{check.eligible ? t('supervision.eligible') : t('supervision.notEligible')}</Tag></Popover>}
        </Space>
      )}
      <ListPage load={load} rowKey="id" size="small" columns={columns} pageSize={20} data-testid="positive-list" empty={t('emptyState.supervisionPositive')} />
    </Space>
  );
}

function KeyList() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [history, setHistory] = useState(false);
  const load = useLoad((signal) => supervisionApi.keyList(history, signal), [history]);
  const { reload } = load;
  const columns: TableColumnsType<KeyEntry> = [
    { title: t('supervision.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('supervision.reasons'), render: (_v, e) => <Space size={4} wrap>{e.reasons.map((r) => <Tag key={r.code} color="red">{t(`supervision.reason_.${r.code}`)} {r.detail}</Tag>)}</Space> },
    { title: t('supervision.enteredAt'), dataIndex: 'enteredAt', width: 150, render: cst },
    { title: t('supervision.exitedAt'), dataIndex: 'exitedAt', width: 150, render: cst },
    { title: t('supervision.exitReason'), dataIndex: 'exitReason', width: 180, render: (v) => v ?? '—' },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Checkbox checked={history} onChange={(e) => setHistory(e.target.checked)}>{t('supervision.history')}</Checkbox>
        {can('supervision.manage') && <Button onClick={() => void supervisionApi.recompute().then((r) => { void message.success(t('supervision.recomputed', r)); reload(); }, (e) => void message.error(errorMessage(e)))}>{t('supervision.recompute')}</Button>}
      </Space>
      <ListPage load={load} rowKey="id" size="small" columns={columns} pageSize={20} data-testid="key-list" empty={t('emptyState.supervisionKey')} />
    </Space>
  );
}

export default function ListsPage() {
  const { t } = useTranslation();
  return (
    <>
      <SupervisionNav />
      <Card>
        <Tabs items={[
          { key: 'positive', label: t('supervision.positiveList'), children: <PositiveList /> },
          { key: 'key', label: t('supervision.keyList'), children: <KeyList /> },
        ]} />
      </Card>
    </>
  );
}
