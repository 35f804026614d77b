import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Descriptions, Form, InputNumber, Progress, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { useAuth } from '../app/auth';
import { EmptyState } from '../app/EmptyState';
import { enterpriseApi, type Enterprise } from '../enterprises/index';
import { useLoad } from '../app/useLoad';
import { simulationApi, type SimulationRun } from './api';
import { cst, MonitoringNav } from './shared';
import { useEnterpriseOptions } from './manage';

const STATE_COLOR: Record<SimulationRun['state'], string> = { running: 'processing', stopping: 'warning', finished: 'success', stopped: 'default', failed: 'error' };

/** Enterprises chosen by typing part of their names (several), with their details for the outfall choice. */
function EnterprisesPicker({ value, onChange }: { value: Enterprise[]; onChange: (v: Enterprise[]) => void }) {
  const { t } = useTranslation();
  const { options, search: setQ } = useEnterpriseOptions();
  const change = async (ids: number[]) => {
    const kept = value.filter((e) => ids.includes(e.id));
    const added = await Promise.all(ids.filter((id) => !kept.some((e) => e.id === id)).map((id) => enterpriseApi.get(id)));
    onChange([...kept, ...added]);
  };
  return (
    <Select mode="multiple" showSearch filterOption={false} onSearch={setQ} value={value.map((e) => e.id)} onChange={(ids: number[]) => void change(ids)}
      options={[...value.map((e) => ({ value: e.id, label: e.name })), ...options.filter((o) => !value.some((e) => e.id === o.value))]}
      placeholder={t('monitoring.manage.enterprisePick')} style={{ minWidth: 420 }} data-testid="simulation-enterprises" />
  );
}

/** 模拟设备: register simulated loggers for chosen enterprises and run a simulation against this server's gateway. */
export default function SimulationPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { user } = useAuth();
  const isAdmin = user?.role === 'administrator';
  const { data, error, reload } = useLoad((signal) => (isAdmin ? simulationApi.status(signal) : Promise.resolve(null)), [isAdmin]);
  const [chosen, setChosen] = useState<Enterprise[]>([]);
  const [outfallIds, setOutfallIds] = useState<number[]>([]);
  const [electricity, setElectricity] = useState(true);
  const [onlyChosen, setOnlyChosen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const run = data?.run ?? null;
  const active = run?.state === 'running' || run?.state === 'stopping';

  // While a simulation runs, its counters are re-read every second; the poll ends with the run.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [active, reload]);

  if (!isAdmin) return (<><MonitoringNav /><Alert type="info" showIcon message={t('monitoring.simulation.adminOnly')} /></>);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try { await fn(); message.success(done); reload(); } catch (e) { message.error(errorMessage(e)); } finally { setBusy(false); }
  };
  const register = () => act(async () => {
    const r = await simulationApi.registerDevices({ enterpriseIds: chosen.map((e) => e.id), ...(outfallIds.length ? { outfallIds } : {}), electricity });
    message.info(t('monitoring.simulation.registered', { devices: r.devices, created: r.created }));
  }, t('monitoring.manage.saved'));
  const start = async () => {
    const v = await form.validateFields();
    await act(() => simulationApi.start({ ...v, durationS: v.durationS ?? undefined, packets: v.packets ?? undefined, ...(onlyChosen && chosen.length ? { enterpriseIds: chosen.map((e) => e.id) } : {}) }), t('monitoring.simulation.started'));
  };
  const devices = data ? data.simulatedDevices.water + data.simulatedDevices.air + data.simulatedDevices.electricity : 0;
  const expected = run ? (run.packets ?? (run.durationS !== null ? Math.round(run.rate * run.durationS) : null)) : null;

  return (
    <>
      <MonitoringNav />
      {error && <LoadError message={error} onRetry={reload} />}
      <Typography.Paragraph type="secondary">{t('monitoring.simulation.intro')}</Typography.Paragraph>
      {data && data.gatewayPort === null && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('monitoring.simulation.noGateway')} data-testid="simulation-no-gateway" />}
      <Card title={t('monitoring.simulation.statusTitle')} style={{ marginBottom: 16 }} data-testid="simulation-status"
        extra={run?.state === 'running' && <Button danger loading={busy} onClick={() => void act(() => simulationApi.stop(), t('monitoring.simulation.stopping'))} data-testid="simulation-stop">{t('monitoring.simulation.stop')}</Button>}>
        {data && devices === 0 && !run ? (
          <EmptyState description={t('monitoring.simulation.empty')} />
        ) : data && (
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('monitoring.simulation.devices')}>
              {t('monitoring.simulation.deviceCounts', data.simulatedDevices)}
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.simulation.gateway')}>{data.gatewayPort ?? '—'}</Descriptions.Item>
            {run && (
              <>
                <Descriptions.Item label={t('monitoring.simulation.state')}><Tag color={STATE_COLOR[run.state]} data-testid="simulation-state">{t(`monitoring.simulation.states.${run.state}`)}</Tag>{run.error}</Descriptions.Item>
                <Descriptions.Item label={t('monitoring.simulation.startedAt')}>{cst(run.startedAt)} · {run.startedBy}{run.endedAt ? ` → ${cst(run.endedAt)}` : ''}</Descriptions.Item>
                <Descriptions.Item label={t('monitoring.simulation.progress')} span={2}>
                  {expected !== null && <Progress percent={Math.min(100, Math.round((run.progress.sent / Math.max(1, expected)) * 100))} size="small" status={run.state === 'failed' ? 'exception' : active ? 'active' : 'normal'} />}
                  {t('monitoring.simulation.counts', run.progress)}
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
        )}
      </Card>
      <Card title={t('monitoring.simulation.registerTitle')} style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <EnterprisesPicker value={chosen} onChange={(v) => { setChosen(v); setOutfallIds((ids) => ids.filter((id) => v.some((e) => e.outfalls.some((o) => o.id === id)))); }} />
          <Select mode="multiple" allowClear value={outfallIds} onChange={setOutfallIds} style={{ minWidth: 420 }} placeholder={t('monitoring.simulation.allOutfalls')}
            options={chosen.flatMap((e) => e.outfalls.map((o) => ({ value: o.id, label: `${e.name} · ${o.code} ${o.name}` })))} />
          <Checkbox checked={electricity} onChange={(e) => setElectricity(e.target.checked)}>{t('monitoring.simulation.electricity')}</Checkbox>
          <Button type="primary" disabled={!chosen.length} loading={busy} onClick={() => void register()} data-testid="simulation-register">{t('monitoring.simulation.register')}</Button>
        </Space>
      </Card>
      <Card title={t('monitoring.simulation.startTitle')}>
        <Form form={form} layout="inline" initialValues={{ rate: 10, durationS: 60, faultRatio: 0.02, exceedRatio: 0.1 }}>
          <Form.Item name="rate" label={t('monitoring.simulation.rate')} rules={[{ required: true }]}><InputNumber min={0.1} max={200} /></Form.Item>
          <Form.Item name="durationS" label={t('monitoring.simulation.duration')}><InputNumber min={1} max={86400} /></Form.Item>
          <Form.Item name="packets" label={t('monitoring.simulation.packets')}><InputNumber min={1} max={1000000} /></Form.Item>
          <Form.Item name="faultRatio" label={t('monitoring.simulation.faultRatio')}><InputNumber min={0} max={0.5} step={0.01} /></Form.Item>
          <Form.Item name="exceedRatio" label={t('monitoring.simulation.exceedRatio')}><InputNumber min={0} max={1} step={0.05} /></Form.Item>
          <Form.Item><Checkbox checked={onlyChosen} disabled={!chosen.length} onChange={(e) => setOnlyChosen(e.target.checked)}>{t('monitoring.simulation.onlyChosen')}</Checkbox></Form.Item>
          <Form.Item><Button type="primary" disabled={active || devices === 0 || data?.gatewayPort === null} loading={busy} onClick={() => void start()} data-testid="simulation-start">{t('monitoring.simulation.start')}</Button></Form.Item>
        </Form>
      </Card>
    </>
  );
}
