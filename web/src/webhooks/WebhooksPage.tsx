// Webhooks (disclosure.manage): registered integrators, registration with the secret shown once, the delivery
// log per integrator (attempts, status codes, durations, next retry) and redelivery by hand.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Drawer, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { webhooksApi, type Attempt, type Delivery, type Integrator } from './api';
import './strings';

const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
const STATUS_COLOUR = { pending: 'blue', delivered: 'green', failed: 'red' } as const;

function DeliveryLog({ integrator, onClose }: { integrator: Integrator; onClose(): void }) {
  const { t } = useTranslation();
  const load = useLoad((s) => webhooksApi.deliveries(integrator.id, s), [integrator.id]);
  const { busy, submit } = useSubmit();
  return (
    <Drawer open width={Math.min(900, window.innerWidth)} title={`${t('webhooks.deliveries')} · ${integrator.name}`} onClose={onClose} data-testid="webhook-deliveries">
      <ListPage<Delivery>
        load={{ ...load, data: load.data ? { items: load.data.deliveries } : null }}
        rowKey="id"
        empty={t('webhooks.noDeliveries')}
        scroll={{ x: 720 }}
        expandable={{
          expandedRowRender: (d) => (
            <Table<Attempt> size="small" rowKey="id" pagination={false} dataSource={d.log} columns={[
              { title: t('webhooks.log'), dataIndex: 'attempt', render: (n: number) => t('webhooks.attempt', { n }) },
              { title: t('webhooks.createdAt'), dataIndex: 'attemptedAt', render: at },
              { title: t('webhooks.code'), dataIndex: 'statusCode', render: (v: number | null) => v ?? '—' },
              { title: t('webhooks.duration'), dataIndex: 'durationMs' },
              { title: t('webhooks.error'), dataIndex: 'error', render: (v: string | null) => v ?? '' },
              { title: t('webhooks.nextAttemptAt'), dataIndex: 'nextRetryAt', render: at },
            ]} />
          ),
        }}
        columns={[
          { title: t('webhooks.event'), dataIndex: 'eventKind', render: (k: string) => t(`webhooks.kinds.${k}`, { defaultValue: k }) },
          { title: t('webhooks.status'), dataIndex: 'status', render: (s: Delivery['status']) => <Tag color={STATUS_COLOUR[s]}>{t(`webhooks.statuses.${s}`)}</Tag> },
          { title: t('webhooks.attempts'), dataIndex: 'attempts', width: 90 },
          { title: t('webhooks.code'), dataIndex: 'lastStatusCode', width: 90, render: (v: number | null) => v ?? '—' },
          { title: t('webhooks.nextAttemptAt'), dataIndex: 'nextAttemptAt', render: at },
          {
            key: 'redeliver', width: 120, render: (_: unknown, d) => (
              <Button size="small" disabled={busy || !integrator.active} onClick={async () => { if (await submit(() => webhooksApi.redeliver(d.id), t('webhooks.redelivered'))) load.reload(); }}>
                {t('webhooks.redeliver')}
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

export default function WebhooksPage() {
  const { t } = useTranslation();
  const load = useLoad((s) => webhooksApi.list(s), []);
  const { busy, submit } = useSubmit();
  const [registering, setRegistering] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<Integrator | null>(null);
  const [form] = Form.useForm<{ name: string; url: string; eventKinds: string[] }>();
  const kinds = load.data?.eventKinds ?? [];

  const register = async () => {
    const values = await form.validateFields();
    let created: { secret: string } | null = null;
    const ok = await submit(async () => { created = await webhooksApi.register(values); }, t('webhooks.registered'));
    if (ok && created) {
      setRegistering(false);
      form.resetFields();
      setSecret((created as { secret: string }).secret);
      load.reload();
    }
  };

  return (
    <Card title={t('webhooks.title')} extra={<Button type="primary" onClick={() => setRegistering(true)} data-testid="webhook-register">{t('webhooks.register')}</Button>} data-testid="webhooks-page">
      <Typography.Paragraph type="secondary">
        {t('webhooks.intro', { schedule: (load.data?.backoffMinutes ?? []).join(', '), max: load.data?.maxAttempts ?? '' })}
      </Typography.Paragraph>
      <ListPage<Integrator>
        load={load}
        rowKey="id"
        data-testid="webhooks-list"
        empty={t('webhooks.empty')}
        scroll={{ x: 720 }}
        columns={[
          { title: t('webhooks.name'), dataIndex: 'name' },
          { title: t('webhooks.url'), dataIndex: 'url', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('webhooks.events'), dataIndex: 'eventKinds', render: (ks: string[]) => <Space wrap size={4}>{ks.map((k) => <Tag key={k}>{t(`webhooks.kinds.${k}`, { defaultValue: k })}</Tag>)}</Space> },
          {
            title: t('webhooks.active'), dataIndex: 'active', width: 90, render: (v: boolean, i) => (
              <Switch checked={v} disabled={busy} onChange={async (next) => { if (await submit(() => webhooksApi.setActive(i.id, next), t('webhooks.saved'))) load.reload(); }} />
            ),
          },
          { key: 'log', width: 110, render: (_: unknown, i) => <Button size="small" onClick={() => setLogOf(i)}>{t('webhooks.deliveries')}</Button> },
        ]}
      />
      <Modal open={registering} title={t('webhooks.register')} onCancel={() => setRegistering(false)} onOk={register} confirmLoading={busy} destroyOnHidden data-testid="webhook-register-modal">
        <Form form={form} layout="vertical" initialValues={{ eventKinds: ['decision.published', 'decision.withdrawn'] }}>
          <Form.Item name="name" label={t('webhooks.name')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true, max: 2000 }]}><Input placeholder="https://" /></Form.Item>
          <Form.Item name="eventKinds" label={t('webhooks.events')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={kinds.map((k) => ({ value: k, label: t(`webhooks.kinds.${k}`, { defaultValue: k }) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={secret !== null} title={t('webhooks.secretTitle')} onCancel={() => setSecret(null)} onOk={() => setSecret(null)} cancelButtonProps={{ style: { display: 'none' } }} data-testid="webhook-secret">
        <Alert type="warning" showIcon message={t('webhooks.secretHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code>{secret}</Typography.Paragraph>
      </Modal>
      {logOf && <DeliveryLog integrator={logOf} onClose={() => setLogOf(null)} />}
    </Card>
  );
}
