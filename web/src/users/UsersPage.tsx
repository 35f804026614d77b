import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { api } from '../app/api';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { roleLabel } from '../app/labels';
import { useAuth } from '../app/auth';
import { ROLES } from '../../../src/platform/auth/roles';

/** Roles the page creates; district staff and enterprise users (who need a district or enterprise) are created with `ecogov user`. */
const CREATABLE_ROLES = ROLES.filter((r) => r !== 'district_staff' && r !== 'enterprise_user');
interface NewUserValues {
  username?: string; displayName?: string; password?: string; role?: string; credentialNo?: string;
  holdsLegalQualification?: boolean; legalReviewStartedOn?: Dayjs | null;
}

interface UserRow { id: number; username: string; displayName: string; role: string; active: boolean; districtId: number | null; legalReviewStartedOn?: string | null }
interface Lock { username: string; source: string; lockedUntil: string; lockCount: number }
interface UsersResponse { items: UserRow[]; locks: Lock[] }

/** 用户管理: unlock, disable (ends sessions at once), enable, reset a password; every step audited on the server. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const { data, error, reload } = useLoad((signal) => api<UsersResponse>('/users', { signal }), []);
  const [reasonFor, setReasonFor] = useState<{ user: UserRow; action: 'disable' | 'enable' | 'unlock' | 'reset-password' } | null>(null);
  const [reason, setReason] = useState('');
  const { busy, submit } = useSubmit();
  const [newPassword, setNewPassword] = useState<{ username: string; password: string } | null>(null);
  // 行政处罚法 第五十八条第二款: when a legal reviewer began the work (audited on the server).
  const [startFor, setStartFor] = useState<UserRow | null>(null);
  const [startOn, setStartOn] = useState<Dayjs | null>(null);
  const [creating, setCreating] = useState(false);
  const [createForm] = Form.useForm<NewUserValues>();
  const newRole = Form.useWatch('role', createForm);

  /** Each change is one audited request; when it succeeds its modal closes and the list reloads. */
  const change = async (work: () => Promise<unknown>, close: () => void) => {
    if (!await submit(work, t('users.done'))) return;
    close();
    setReason('');
    reload();
  };

  const run = () => {
    if (!reasonFor) return;
    const { user, action } = reasonFor;
    void change(async () => {
      const res = await api<{ password?: string | null }>(`/users/${user.id}/${action}`, { method: 'POST', body: { reason: reason.trim() || null } });
      if (action === 'reset-password' && res.password) setNewPassword({ username: user.username, password: res.password });
    }, () => setReasonFor(null));
  };

  const saveStart = () => {
    if (!startFor) return;
    void change(() => api(`/users/${startFor.id}/legal-review-start`, { method: 'POST', body: { legalReviewStartedOn: startOn ? startOn.format('YYYY-MM-DD') : null, reason: reason.trim() || null } }),
      () => setStartFor(null));
  };

  const create = async () => {
    const v = await createForm.validateFields();
    const reviewer = v.role === 'legal_reviewer';
    await change(() => api('/users', { method: 'POST', body: {
      username: (v.username ?? '').trim(), displayName: (v.displayName ?? '').trim(), password: v.password ?? '', role: v.role,
      credentialNo: v.credentialNo?.trim() || null, holdsLegalQualification: reviewer && Boolean(v.holdsLegalQualification),
      legalReviewStartedOn: reviewer && v.legalReviewStartedOn ? v.legalReviewStartedOn.format('YYYY-MM-DD') : null,
    } }), () => { setCreating(false); createForm.resetFields(); });
  };

  if (error) return <LoadError message={error} onRetry={reload} />;
  const locksOf = (u: UserRow) => data?.locks.filter((l) => l.username === u.username) ?? [];
  const columns: TableColumnsType<UserRow> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (r: string) => roleLabel(t, r) },
    {
      title: t('users.legalReviewStartedOn'), key: 'legalReviewStartedOn',
      render: (_, u) => (u.role === 'legal_reviewer' ? u.legalReviewStartedOn ?? t('users.legalReviewStartUnknown') : null),
    },
    {
      title: t('users.status'), key: 'status',
      render: (_, u) => (
        <Space wrap>
          {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.disabled')}</Tag>}
          {locksOf(u).map((l) => (
            <Tag color="red" key={l.source}>{t('users.lockedFrom', { source: l.source, until: new Date(l.lockedUntil).toLocaleString(i18n.language) })}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.actions'), key: 'actions',
      render: (_, u) => (
        <Space wrap>
          {locksOf(u).length > 0 && <Button size="small" onClick={() => setReasonFor({ user: u, action: 'unlock' })}>{t('users.unlock')}</Button>}
          {u.active
            ? <Button size="small" danger disabled={u.id === auth.user?.id} onClick={() => setReasonFor({ user: u, action: 'disable' })}>{t('users.disable')}</Button>
            : <Button size="small" onClick={() => setReasonFor({ user: u, action: 'enable' })}>{t('users.enable')}</Button>}
          <Button size="small" onClick={() => setReasonFor({ user: u, action: 'reset-password' })}>{t('users.resetPassword')}</Button>
          {u.role === 'legal_reviewer' && (
            <Button size="small" data-testid={`legal-review-start-${u.username}`}
              onClick={() => { setStartFor(u); setStartOn(u.legalReviewStartedOn ? dayjs(u.legalReviewStartedOn) : null); setReason(''); }}>
              {t('users.setLegalReviewStart')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('users.title')} extra={<Button type="primary" onClick={() => setCreating(true)} data-testid="user-create">{t('users.create')}</Button>}>
      <Typography.Paragraph type="secondary">{t('users.intro')}</Typography.Paragraph>
      <Table<UserRow> rowKey="id" size="middle" loading={!data} dataSource={data?.items ?? []} columns={columns} pagination={{ pageSize: 20 }} data-testid="users-table" />
      <Modal
        open={reasonFor !== null} title={reasonFor ? `${t(`users.${reasonFor.action === 'reset-password' ? 'resetPassword' : reasonFor.action}`)} · ${reasonFor.user.username}` : ''}
        onCancel={() => setReasonFor(null)} onOk={run} confirmLoading={busy}
        okButtonProps={{ disabled: reasonFor?.action === 'disable' && !reason.trim() }}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('users.reason')} maxLength={500} rows={3} />
      </Modal>
      <Modal
        open={startFor !== null} title={startFor ? `${t('users.setLegalReviewStart')} · ${startFor.username}` : ''}
        onCancel={() => setStartFor(null)} onOk={saveStart} confirmLoading={busy}
      >
        <Typography.Paragraph type="secondary">{t('users.legalReviewStartHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('users.legalReviewStartedOn')}>
            <DatePicker value={startOn} onChange={(d) => setStartOn(d)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="field-legalReviewStartedOn" />
          </Form.Item>
          <Form.Item label={t('users.reason')}>
            <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={creating} title={t('users.create')} onCancel={() => setCreating(false)} onOk={() => void create()} confirmLoading={busy}>
        <Form<NewUserValues> form={createForm} layout="vertical" initialValues={{ role: 'enforcement_officer', holdsLegalQualification: false }}>
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true }, { pattern: /^[A-Za-z0-9_.-]{3,64}$/ }]}><Input data-testid="field-username" /></Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true }]}><Input data-testid="field-displayName" /></Form.Item>
          <Form.Item name="password" label={t('users.password')} rules={[{ required: true }]}><Input.Password data-testid="field-password" /></Form.Item>
          <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
            <Select options={CREATABLE_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} data-testid="field-role" />
          </Form.Item>
          <Form.Item name="credentialNo" label={t('users.credentialNo')} rules={[{ required: newRole === 'enforcement_officer', whitespace: true }]}><Input data-testid="field-credentialNo" /></Form.Item>
          {newRole === 'legal_reviewer' && (
            <>
              <Form.Item name="holdsLegalQualification" valuePropName="checked"><Checkbox>{t('users.holdsLegalQualification')}</Checkbox></Form.Item>
              <Form.Item name="legalReviewStartedOn" label={t('users.legalReviewStartedOn')} extra={t('users.legalReviewStartHint')}>
                <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="field-legalReviewStartedOn-new" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Modal open={newPassword !== null} title={t('users.newPassword')} onOk={() => setNewPassword(null)} onCancel={() => setNewPassword(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        {newPassword && <Alert type="warning" showIcon message={t('users.newPasswordOnce', { username: newPassword.username })} description={<Typography.Text copyable code>{newPassword.password}</Typography.Text>} />}
      </Modal>
    </Card>
  );
}
