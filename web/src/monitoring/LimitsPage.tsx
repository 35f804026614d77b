import { useState } from 'react';
import { Alert, Card, Checkbox, DatePicker, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { useLoad } from '../app/useLoad';
import { monitoringApi } from './api';
import { AdminTablePage, EnterprisePicker, useEditor, useEnterpriseDetail } from './manage';
import type { Limit } from './types';

const day = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** 排口与限值: an enterprise's outfalls (kept with the enterprise record) and each outfall's cited limits. */
export default function LimitsPage() {
  const { t } = useTranslation();
  const [enterpriseId, setEnterpriseId] = useState<number | null>(null);
  const enterprise = useEnterpriseDetail(enterpriseId);
  const [outfallId, setOutfallId] = useState<number | null>(null);
  const load = useLoad((signal) => (outfallId ? monitoringApi.limits(outfallId, signal) : Promise.resolve({ items: [] as Limit[] })), [outfallId]);
  const codes = useLoad((signal) => monitoringApi.pollutantCodes(signal), []);
  const editor = useEditor<Limit>();
  const basis = Form.useWatch('basis', editor.form);
  const nameOf = (code: string) => codes.data?.items.find((c) => c.code === code)?.name ?? code;

  const outfalls = (
    <Card title={t('monitoring.manage.outfallsTitle')} extra={enterprise && <Link to={`/enterprises/${enterprise.id}/edit`}>{t('monitoring.manage.editOutfalls')}</Link>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <EnterprisePicker value={enterpriseId} onChange={(id) => { setEnterpriseId(id); setOutfallId(null); }} testId="limits-enterprise" />
        <Typography.Text type="secondary">{t('monitoring.manage.outfallsNote')}</Typography.Text>
        <List size="small" bordered dataSource={enterprise?.outfalls ?? []} data-testid="outfall-list" locale={{ emptyText: <EmptyState description={t('emptyState.monitoringOutfalls')} /> }}
          renderItem={(o) => (
            <List.Item onClick={() => setOutfallId(o.id)} style={{ cursor: 'pointer', background: o.id === outfallId ? '#e6f4ff' : undefined }}>
              <Space><Tag>{o.code}</Tag>{o.name}<Tag color={o.kind === 'water' ? 'blue' : 'purple'}>{o.kind}</Tag></Space>
            </List.Item>
          )} />
      </Space>
    </Card>
  );

  return (
    <AdminTablePage<Limit>
      title={t('monitoring.manage.limitsTitle')}
      before={outfalls}
      visible={outfallId !== null}
      load={load}
      testId="limit"
      empty={t('emptyState.monitoringLimits')}
      add={{ label: t('monitoring.manage.addLimit'), testId: 'limit-add' }}
      editLabel={t('monitoring.manage.endLimit')}
      editWidth={130}
      editor={editor}
      columns={[
        { title: t('monitoring.manage.pollutant'), dataIndex: 'pollutant', render: (v: string) => <Space><code>{v}</code>{nameOf(v)}</Space> },
        { title: t('monitoring.manage.period'), dataIndex: 'period', width: 90, render: (v: string) => t(`monitoring.manage.${v}`) },
        { title: t('monitoring.manage.lower'), dataIndex: 'lower', width: 80, render: (v: number | null) => v ?? '—' },
        { title: t('monitoring.manage.upper'), dataIndex: 'upper', width: 80, render: (v: number | null) => v ?? '—' },
        { title: t('monitoring.manage.basis'), dataIndex: 'basis', width: 110, render: (v: string) => <Tag color={v === 'permit' ? 'gold' : 'default'}>{t(`monitoring.manage.${v}`)}</Tag> },
        { title: t('monitoring.manage.citation'), dataIndex: 'citation' },
        { title: t('monitoring.manage.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
        { title: t('monitoring.manage.effectiveTo'), dataIndex: 'effectiveTo', width: 110, render: (v: string | null) => v ?? '—' },
      ]}
      initialValues={(l) => (l === 'new'
        ? { period: 'hour', basis: 'standard', useReference: false, effectiveFrom: dayjs() }
        : { citation: l.citation, effectiveTo: l.effectiveTo ? dayjs(l.effectiveTo) : null })}
      modalTitle={(l) => (l === 'new' ? t('monitoring.manage.addLimit') : t('monitoring.manage.endLimit'))}
      save={(v, l) => (l === 'new'
        ? monitoringApi.addLimit({
          outfallId: outfallId!, pollutant: v.pollutant, period: v.period, lower: v.lower ?? null, upper: v.upper ?? null, useReference: !!v.useReference,
          basis: v.basis, citation: v.citation, effectiveFrom: day(v.effectiveFrom)!, effectiveTo: day(v.effectiveTo),
        })
        : monitoringApi.updateLimit(l.id, { citation: v.citation, effectiveTo: day(v.effectiveTo) }))}
      fields={(l) => (
        <>
          {l === 'new' && (
            <>
              <Form.Item name="pollutant" label={t('monitoring.manage.pollutant')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" options={(codes.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}${c.unit ? ` (${c.unit})` : ''}` }))} />
              </Form.Item>
              <Form.Item name="period" label={t('monitoring.manage.period')} rules={[{ required: true }]}>
                <Select options={[{ value: 'hour', label: t('monitoring.manage.hour') }, { value: 'day', label: t('monitoring.manage.day') }]} />
              </Form.Item>
              <Space>
                <Form.Item name="lower" label={t('monitoring.manage.lower')}><InputNumber /></Form.Item>
                <Form.Item name="upper" label={t('monitoring.manage.upper')}><InputNumber /></Form.Item>
              </Space>
              <Form.Item name="useReference" valuePropName="checked"><Checkbox>{t('monitoring.manage.useReference')}</Checkbox></Form.Item>
              <Form.Item name="basis" label={t('monitoring.manage.basis')} rules={[{ required: true }]}>
                <Select options={[{ value: 'standard', label: t('monitoring.manage.standard') }, { value: 'permit', label: t('monitoring.manage.permit') }]} />
              </Form.Item>
              {basis === 'permit' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('monitoring.manage.permitNote')} />}
              <Form.Item name="effectiveFrom" label={t('monitoring.manage.effectiveFrom')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            </>
          )}
          <Form.Item name="citation" label={t('monitoring.manage.citation')} rules={[{ required: true, max: 300 }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="effectiveTo" label={t('monitoring.manage.effectiveTo')}><DatePicker /></Form.Item>
        </>
      )}
    />
  );
}
