// The online application (只跑一次): project, site (point), industry, investment, catalogue row and tier,
// the materials supplied, and tolerated (容缺) items with a written commitment and a supply-by date.
import { useMemo, useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { EnterpriseSelect } from '../cases';
import { eiaApi } from './api';
import type { ApplicationKind, EiaCategory } from './types';

interface Values {
  kind: ApplicationKind; enterpriseId?: number; projectName: string; siteAddress: string; longitude: number; latitude: number;
  industryCode: string; investmentYuan: number; catalogueItem: number; sensitiveArea: boolean; processes: string[]; category: EiaCategory;
  priorApprovalNumber?: string; supplied: string[]; tolerated: string[]; commitment?: string; supplyByOn?: Dayjs; commitmentPath: boolean;
}

export function ApplyModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(id: number): void }) {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const staff = can('licensing.manage');
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useSubmit();
  const cat = useLoad((signal) => (open ? eiaApi.catalogue(signal) : Promise.resolve(null)), [open]);
  const [category, setCategory] = useState<EiaCategory>('form');
  const [tolerated, setTolerated] = useState<string[]>([]);
  const materials = useMemo(() => cat.data?.materials[category] ?? [], [cat.data, category]);
  const onOk = async () => {
    const v = await form.validateFields();
    let id = 0;
    const ok = await submit(async () => {
      const r = await eiaApi.submit({
        kind: v.kind, enterpriseId: staff ? v.enterpriseId ?? null : user?.enterpriseId ?? null, projectName: v.projectName, siteAddress: v.siteAddress,
        site: { type: 'Point', coordinates: [v.longitude, v.latitude] }, industryCode: v.industryCode.trim(), investmentFen: Math.round(v.investmentYuan * 100),
        catalogueItem: v.catalogueItem, sensitiveArea: !!v.sensitiveArea, processes: v.processes ?? [], scale: null, category: v.category,
        priorApprovalNumber: v.priorApprovalNumber || null, supplied: v.supplied ?? [],
        tolerated: (v.tolerated ?? []).map((code) => ({ code, commitment: v.commitment ?? '', supplyByOn: v.supplyByOn!.format('YYYY-MM-DD') })),
        commitmentPath: !!v.commitmentPath,
      });
      id = r.id;
    }, t('eia.submitted'));
    if (ok) { form.resetFields(); onSaved(id); }
  };
  return (
    <Modal open={open} title={t('eia.apply')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden width={820} okButtonProps={{ 'data-testid': 'eia-apply-submit' } as Record<string, string>}>
      <Form form={form} layout="vertical" preserve={false} data-testid="eia-apply-form"
        initialValues={{ kind: 'new', category: 'form', sensitiveArea: false, processes: [], supplied: [], tolerated: [], commitmentPath: false, supplyByOn: dayjs().add(30, 'day') }}
        onValuesChange={(c: Partial<Values>) => { if (c.category) setCategory(c.category); if (c.tolerated) setTolerated(c.tolerated); }}>
        <Space wrap>
          <Form.Item name="kind" label={t('eia.field.kind')}><Select style={{ width: 200 }} options={(['new', 'major-change', 'recheck'] as const).map((k) => ({ value: k, label: t(`eia.kind.${k}`) }))} /></Form.Item>
          {staff && <Form.Item name="enterpriseId" label={t('eia.field.enterprise')} rules={[{ required: true }]} style={{ minWidth: 360 }}><EnterpriseSelect testId="eia-enterprise" /></Form.Item>}
          <Form.Item name="priorApprovalNumber" label={t('eia.field.priorApprovalNumber')}><Input style={{ width: 220 }} /></Form.Item>
        </Space>
        <Form.Item name="projectName" label={t('eia.field.projectName')} rules={[{ required: true }]}><Input data-testid="eia-project-name" /></Form.Item>
        <Form.Item name="siteAddress" label={t('eia.field.siteAddress')} rules={[{ required: true }]}><Input data-testid="eia-site-address" /></Form.Item>
        <Space wrap>
          <Form.Item name="longitude" label={t('eia.field.longitude')} rules={[{ required: true }]}><InputNumber min={73} max={136} step={0.001} data-testid="eia-longitude" /></Form.Item>
          <Form.Item name="latitude" label={t('eia.field.latitude')} rules={[{ required: true }]}><InputNumber min={3} max={54} step={0.001} data-testid="eia-latitude" /></Form.Item>
          <Form.Item name="industryCode" label={t('eia.field.industryCode')} rules={[{ required: true }]}><Input style={{ width: 120 }} data-testid="eia-industry" /></Form.Item>
          <Form.Item name="investmentYuan" label={t('eia.field.investmentYuan')} rules={[{ required: true }]}><InputNumber min={0} data-testid="eia-investment" /></Form.Item>
        </Space>
        <Form.Item name="catalogueItem" label={cat.data ? `${t('eia.field.catalogueItem')}（${cat.data.catalogue.title}，${t('eia.subset')}）` : t('eia.field.catalogueItem')} rules={[{ required: true }]}>
          <Select data-testid="eia-catalogue-item" showSearch optionFilterProp="label"
            options={(cat.data?.catalogue.entries ?? []).map((e) => ({ value: e.item, label: `${e.item} ${e.description}（${e.industryCodes.join('/')}）` }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="sensitiveArea" label={t('eia.field.sensitiveArea')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="processes" label={t('eia.field.processes')}>
            <Select mode="multiple" style={{ width: 260 }} options={['electroplating', 'tanning', 'lead-acid', 'hazardous-waste'].map((p) => ({ value: p, label: t(`eia.process.${p}`) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('eia.field.category')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} data-testid="eia-category" options={(['report', 'form', 'registration'] as const).map((c) => ({ value: c, label: t(`eia.category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="commitmentPath" label={t('eia.field.commitmentPath')} valuePropName="checked"><Switch disabled={!cat.data?.commitmentCategories.includes(category)} /></Form.Item>
        </Space>
        <Form.Item name="supplied" label={t('eia.field.supplied')}>
          <Checkbox.Group data-testid="eia-supplied" options={materials.map((m) => ({ value: m.code, label: m.name }))} />
        </Form.Item>
        <Form.Item name="tolerated" label={t('eia.field.tolerated')} extra={t('eia.toleratedHelp')}>
          <Checkbox.Group data-testid="eia-tolerated" options={materials.filter((m) => m.tolerable).map((m) => ({ value: m.code, label: m.name }))} />
        </Form.Item>
        {tolerated.length > 0 && (
          <Space wrap align="start">
            <Form.Item name="commitment" label={t('eia.field.commitment')} rules={[{ required: true }]}><Input.TextArea rows={2} style={{ width: 420 }} data-testid="eia-commitment" /></Form.Item>
            <Form.Item name="supplyByOn" label={t('eia.field.supplyByOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          </Space>
        )}
        {category === 'registration' && <Alert type="info" showIcon message={t('eia.registrationNote')} />}
        <Typography.Text type="secondary">{t('eia.siteCheckNote')}</Typography.Text>
      </Form>
    </Modal>
  );
}
