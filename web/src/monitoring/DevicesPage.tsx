import { Form, Input, InputNumber, Select, Space, Switch, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../app/useLoad';
import { monitoringApi } from './api';
import { cst } from './shared';
import { AdminTablePage, EnterprisePicker, useEditor, useEnterpriseDetail } from './manage';
import type { Device, DeviceInput } from './types';

/** 数采仪: list, register, change (password, outfall, interval, active). */
export default function DevicesPage() {
  const { t } = useTranslation();
  const load = useLoad((signal) => monitoringApi.devices(signal), []);
  const editor = useEditor<Device>();
  const { editing } = editor;
  const enterpriseId: number | null = Form.useWatch('enterpriseId', editor.form) ?? (editing && editing !== 'new' ? editing.enterpriseId : null);
  const enterprise = useEnterpriseDetail(enterpriseId);

  return (
    <AdminTablePage<Device>
      title={t('monitoring.manage.devicesTitle')}
      load={load}
      testId="device"
      empty={t('emptyState.monitoringDevices')}
      pageSize={20}
      add={{ label: t('monitoring.manage.register'), testId: 'device-register' }}
      editLabel={t('monitoring.manage.edit')}
      editor={editor}
      columns={[
        { title: 'MN', dataIndex: 'mn', render: (v: string, r: Device) => <Space><code>{v}</code><Tooltip title={t('monitoring.manage.mnHelp')}><Tag color={r.mnFormat === 'nonstandard' ? 'orange' : 'blue'}>{r.mnFormat}</Tag></Tooltip></Space> },
        { title: t('monitoring.manage.kind'), dataIndex: 'kind', width: 110, render: (v: string) => t(v === 'emission' ? 'monitoring.manage.kindEmission' : 'monitoring.manage.kindElectricity') },
        { title: t('monitoring.manage.enterprise'), dataIndex: 'enterpriseName' },
        { title: t('monitoring.manage.outfall'), dataIndex: 'outfallCode', width: 160, render: (v: string | null, r: Device) => (v ? `${v} ${r.outfallName ?? ''}` : '—') },
        { title: t('monitoring.manage.interval'), dataIndex: 'intervalS', width: 110 },
        { title: t('monitoring.status'), dataIndex: 'online', width: 150, render: (v: boolean, r: Device) => <Space>{!r.active ? <Tag>{t('monitoring.manage.active')}: ✗</Tag> : <Tag color={v ? 'green' : 'red'}>{t(v ? 'monitoring.online' : 'monitoring.offline')}</Tag>}<span>{cst(r.lastSeenAt)}</span></Space> },
      ]}
      initialValues={(d) => (d === 'new' ? { kind: 'emission', intervalS: 60 } : { enterpriseId: d.enterpriseId, outfallId: d.outfallId, intervalS: d.intervalS, active: d.active })}
      modalTitle={(d) => (d === 'new' ? t('monitoring.manage.register') : `${t('monitoring.manage.edit')} · ${d.mn}`)}
      save={(v, d) => (d === 'new'
        ? monitoringApi.registerDevice({ ...(v as DeviceInput), outfallId: v.outfallId ?? null })
        : monitoringApi.updateDevice(d.id, { outfallId: v.outfallId ?? null, intervalS: v.intervalS, active: v.active, ...(v.password ? { password: v.password } : {}) }))}
      fields={(d) => (
        <>
          {d === 'new' && (
            <>
              <Form.Item name="mn" label={t('monitoring.manage.mn')} extra={t('monitoring.manage.mnHelp')} rules={[{ required: true, pattern: /^[0-9A-Za-z]{1,24}$/ }]}><Input maxLength={24} /></Form.Item>
              <Form.Item name="kind" label={t('monitoring.manage.kind')} rules={[{ required: true }]}>
                <Select options={[{ value: 'emission', label: t('monitoring.manage.kindEmission') }, { value: 'electricity', label: t('monitoring.manage.kindElectricity') }]} />
              </Form.Item>
              <Form.Item name="enterpriseId" label={t('monitoring.manage.enterprise')} rules={[{ required: true }]}><EnterprisePicker /></Form.Item>
            </>
          )}
          <Form.Item name="password" label={t('monitoring.manage.password')} extra={d !== 'new' ? t('monitoring.manage.passwordKeep') : undefined} rules={[{ required: d === 'new', max: 32 }]}><Input /></Form.Item>
          <Form.Item name="outfallId" label={t('monitoring.manage.outfall')}>
            <Select allowClear options={(enterprise?.outfalls ?? []).map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }))} />
          </Form.Item>
          <Form.Item name="intervalS" label={t('monitoring.manage.interval')} rules={[{ required: true }]}><InputNumber min={30} max={3600} /></Form.Item>
          {d !== 'new' && <Form.Item name="active" label={t('monitoring.manage.active')} valuePropName="checked"><Switch /></Form.Item>}
        </>
      )}
    />
  );
}
