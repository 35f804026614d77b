import { useState } from 'react';
import { Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../app/useLoad';
import { monitoringApi } from './api';
import { AdminTablePage, EnterprisePicker, useEditor } from './manage';
import type { Channel } from './types';

/** 用电智能管控: an enterprise's production and pollution-control power channels. */
export default function ChannelsPage() {
  const { t } = useTranslation();
  const [enterpriseId, setEnterpriseId] = useState<number | null>(null);
  const load = useLoad((signal) => (enterpriseId ? monitoringApi.channels(enterpriseId, signal) : Promise.resolve({ items: [] as Channel[] })), [enterpriseId]);
  const devices = useLoad((signal) => monitoringApi.devices(signal), []);
  const editor = useEditor<Channel>();
  const meters = (devices.data?.items ?? []).filter((d) => d.kind === 'electricity' && d.enterpriseId === enterpriseId);

  return (
    <AdminTablePage<Channel>
      title={t('monitoring.manage.channelsTitle')}
      pickers={<EnterprisePicker value={enterpriseId} onChange={setEnterpriseId} testId="channels-enterprise" />}
      load={load}
      testId="channel"
      empty={t('emptyState.monitoringChannels')}
      add={enterpriseId ? { label: t('monitoring.manage.addChannel'), testId: 'channel-add' } : null}
      editLabel={t('monitoring.manage.edit')}
      editor={editor}
      columns={[
        { title: t('monitoring.manage.channelName'), dataIndex: 'name' },
        { title: t('monitoring.manage.role'), dataIndex: 'role', width: 120, render: (v: string) => <Tag color={v === 'control' ? 'green' : 'blue'}>{t(`monitoring.manage.${v}`)}</Tag> },
        { title: t('monitoring.manage.device'), dataIndex: 'deviceId', width: 240, render: (v: number | null, r: Channel) => (v ? `${devices.data?.items.find((d) => d.id === v)?.mn ?? v} · ${r.factorCode}` : '—') },
        { title: t('monitoring.manage.ratedKw'), dataIndex: 'ratedKw', width: 120 },
        { title: t('monitoring.manage.onThresholdKw'), dataIndex: 'onThresholdKw', width: 140 },
        { title: t('monitoring.manage.underLoadRatio'), dataIndex: 'underLoadRatio', width: 120 },
      ]}
      initialValues={(c) => (c === 'new' ? { role: 'production', underLoadRatio: 0.3 } : c)}
      modalTitle={(c) => (c === 'new' ? t('monitoring.manage.addChannel') : t('monitoring.manage.edit'))}
      save={(v, c) => (c === 'new'
        ? monitoringApi.addChannel({
          enterpriseId: enterpriseId!, name: v.name, role: v.role, deviceId: v.deviceId ?? null, factorCode: v.factorCode || null,
          ratedKw: v.ratedKw, onThresholdKw: v.onThresholdKw, underLoadRatio: v.underLoadRatio,
        })
        : monitoringApi.updateChannel(c.id, { name: v.name, ratedKw: v.ratedKw, onThresholdKw: v.onThresholdKw, underLoadRatio: v.underLoadRatio }))}
      fields={(c) => (
        <>
          <Form.Item name="name" label={t('monitoring.manage.channelName')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          {c === 'new' && (
            <>
              <Form.Item name="role" label={t('monitoring.manage.role')} rules={[{ required: true }]}>
                <Select options={[{ value: 'production', label: t('monitoring.manage.production') }, { value: 'control', label: t('monitoring.manage.control') }]} />
              </Form.Item>
              <Space>
                <Form.Item name="deviceId" label={t('monitoring.manage.device')}><Select allowClear style={{ minWidth: 240 }} options={meters.map((d) => ({ value: d.id, label: d.mn }))} /></Form.Item>
                <Form.Item name="factorCode" label={t('monitoring.manage.factorCode')} rules={[{ pattern: /^[A-Za-z0-9]{1,10}$/ }]}><Input /></Form.Item>
              </Space>
            </>
          )}
          <Space>
            <Form.Item name="ratedKw" label={t('monitoring.manage.ratedKw')} rules={[{ required: true }]}><InputNumber min={0.001} /></Form.Item>
            <Form.Item name="onThresholdKw" label={t('monitoring.manage.onThresholdKw')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
            <Form.Item name="underLoadRatio" label={t('monitoring.manage.underLoadRatio')} rules={[{ required: true }]}><InputNumber min={0} max={1} step={0.05} /></Form.Item>
          </Space>
        </>
      )}
    />
  );
}
