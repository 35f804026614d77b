// The campaign form (create and edit): basis, period, districts, checklist; targets: enterprises, water sections and rivers of
// the water-quality registry, free sites.
import { useEffect, useRef, useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Spin } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../app/useSubmit';
import { districtOptions, enterpriseApi, useDistricts } from '../enterprises';
import { campaignApi } from './api';
import { CAMPAIGN_KINDS, type Campaign, type CampaignInput, type CampaignKind, type RegistryTargets, type Target } from './types';

interface FormValues {
  name: string;
  kind?: CampaignKind | null;
  /** Surveyed length per river target, km. */
  riverKm?: Record<string, number | null>;
  legalBasis: string;
  period: [Dayjs, Dayjs];
  districtIds: number[];
  checklist: { code: string; text: string }[];
  enterprises: { value: number; label: string }[];
  waterSiteIds: number[];
  riverNames: string[];
  sites: { id?: number; siteName: string; longitude: number; latitude: number }[];
  reason?: string;
}

/** Searches the registry as the user types; values are { value, label } so chosen names stay shown. */
function EnterprisesSelect({ value, onChange }: { value?: { value: number; label: string }[]; onChange?: (v: { value: number; label: string }[]) => void }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [searching, setSearching] = useState(false);
  const seq = useRef(0);
  const search = (q: string) => {
    const mine = ++seq.current;
    setSearching(true);
    enterpriseApi.list({ q: q.trim() || undefined }, 1, 20).then(
      (r) => { if (mine === seq.current) { setOptions(r.items.map((e) => ({ value: e.id, label: e.name }))); setSearching(false); } },
      () => { if (mine === seq.current) setSearching(false); },
    );
  };
  useEffect(() => search(''), []);
  return (
    <Select labelInValue mode="multiple" showSearch filterOption={false} onSearch={search} options={options} value={value}
      onChange={(v) => onChange?.(v as { value: number; label: string }[])} placeholder={t('campaigns.field.enterpriseSearch')}
      notFoundContent={searching ? <Spin size="small" /> : undefined} data-testid="campaign-enterprises" />
  );
}

export function CampaignFormModal({ open, campaign, targets, onClose, onSaved }: {
  open: boolean; campaign?: Campaign; targets?: Target[]; onClose(): void; onSaved(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const { busy, submit } = useSubmit();
  const kind = Form.useWatch('kind', form);
  const riverNames = Form.useWatch('riverNames', form);
  const { districts } = useDistricts();
  const [registry, setRegistry] = useState<RegistryTargets>({ waterSites: [], rivers: [] });
  useEffect(() => {
    if (!open) return;
    const ac = new AbortController();
    campaignApi.registryTargets(ac.signal).then(setRegistry, () => undefined);
    return () => ac.abort();
  }, [open]);
  const initial: Partial<FormValues> = campaign ? {
    name: campaign.name, kind: campaign.kind, legalBasis: campaign.legalBasis, period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)], districtIds: campaign.districtIds,
    checklist: campaign.checklist,
    enterprises: (targets ?? []).filter((x) => x.kind === 'enterprise').map((x) => ({ value: x.enterpriseId!, label: x.name })),
    waterSiteIds: (targets ?? []).filter((x) => x.kind === 'water_site').map((x) => x.waterSiteId!),
    riverNames: (targets ?? []).filter((x) => x.kind === 'river').map((x) => x.riverName!),
    riverKm: Object.fromEntries((targets ?? []).filter((x) => x.kind === 'river').map((x) => [x.riverName!, x.surveyedKm])),
    sites: (targets ?? []).filter((x) => x.kind === 'site').map((x) => ({ id: x.id, siteName: x.siteName!, longitude: x.longitude!, latitude: x.latitude! })),
  } : { period: [dayjs(), dayjs().add(2, 'month')], checklist: [{ code: '1', text: '' }], enterprises: [], waterSiteIds: [], riverNames: [], sites: [] };
  const onOk = async () => {
    const v = await form.validateFields();
    const kept = new Map((targets ?? []).filter((x) => x.kind === 'enterprise').map((x) => [x.enterpriseId!, x.id]));
    const keptSites = new Map((targets ?? []).filter((x) => x.kind === 'water_site').map((x) => [x.waterSiteId!, x.id]));
    const keptRivers = new Map((targets ?? []).filter((x) => x.kind === 'river').map((x) => [x.riverName!, x.id]));
    const input: CampaignInput = {
      name: v.name, kind: v.kind ?? null, legalBasis: v.legalBasis, startsOn: v.period[0].format('YYYY-MM-DD'), endsOn: v.period[1].format('YYYY-MM-DD'),
      districtIds: v.districtIds, checklist: v.checklist,
      targets: [
        ...(v.enterprises ?? []).map((e) => ({ ...(kept.has(e.value) ? { id: kept.get(e.value) } : {}), kind: 'enterprise' as const, enterpriseId: e.value })),
        ...(v.waterSiteIds ?? []).map((w) => ({ ...(keptSites.has(w) ? { id: keptSites.get(w) } : {}), kind: 'water_site' as const, waterSiteId: w })),
        ...(v.riverNames ?? []).map((r) => ({ ...(keptRivers.has(r) ? { id: keptRivers.get(r) } : {}), kind: 'river' as const, riverName: r, surveyedKm: v.riverKm?.[r] ?? null })),
        ...(v.sites ?? []).map((s) => ({ ...(s.id ? { id: s.id } : {}), kind: 'site' as const, siteName: s.siteName, longitude: s.longitude, latitude: s.latitude })),
      ],
      reason: v.reason?.trim() || null,
    };
    const ok = await submit(() => (campaign ? campaignApi.update(campaign.id, { ...input, version: campaign.version }) : campaignApi.create(input)),
      t(campaign ? 'campaigns.saved' : 'campaigns.created'));
    if (ok) { form.resetFields(); onSaved(); }
  };
  return (
    <Modal open={open} title={t(campaign ? 'campaigns.edit' : 'campaigns.create')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden width={760}>
      <Form form={form} layout="vertical" initialValues={initial} data-testid="campaign-form" preserve={false}>
        <Form.Item name="name" label={t('campaigns.field.name')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input data-testid="campaign-name" /></Form.Item>
        <Form.Item name="kind" label={t('campaigns.field.kind')}>
          <Select allowClear data-testid="campaign-kind" options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`campaigns.field.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('campaigns.field.legalBasis')} rules={[{ required: true, whitespace: true, max: 2000 }]}><Input.TextArea rows={2} data-testid="campaign-basis" /></Form.Item>
        <Space wrap>
          <Form.Item name="period" label={t('campaigns.field.period')} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
          <Form.Item name="districtIds" label={t('campaigns.field.districts')} rules={[{ required: true }]} style={{ minWidth: 320 }}>
            <Select mode="multiple" options={districtOptions(districts, t)} optionFilterProp="label" data-testid="campaign-districts" />
          </Form.Item>
        </Space>
        <Form.Item label={t('campaigns.field.checklist')} required>
          <Form.List name="checklist" rules={[{ validator: async (_, v) => { if (!v?.length) throw new Error(t('campaigns.field.checklistRequired')); } }]}>
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'code']} rules={[{ required: true, whitespace: true, max: 20 }]}><Input placeholder={t('campaigns.field.code')} style={{ width: 90 }} /></Form.Item>
                    <Form.Item name={[f.name, 'text']} rules={[{ required: true, whitespace: true, max: 500 }]}><Input placeholder={t('campaigns.field.itemText')} style={{ width: 480 }} /></Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: String(fields.length + 1), text: '' })}>{t('campaigns.field.addItem')}</Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="enterprises" label={t('campaigns.field.enterprises')}><EnterprisesSelect /></Form.Item>
        <Space wrap style={{ display: 'flex' }}>
          <Form.Item name="waterSiteIds" label={t('campaigns.field.waterSites')} style={{ minWidth: 340 }}>
            <Select mode="multiple" optionFilterProp="label" data-testid="campaign-water-sites"
              options={registry.waterSites.map((w) => ({ value: w.id, label: w.waterName ? `${w.name}（${w.waterName}）` : w.name }))} />
          </Form.Item>
          {/* A river survey (河长制排查) may name rivers outside the monitoring registry. */}
          <Form.Item name="riverNames" label={t(kind === 'river' ? 'campaigns.field.riversAny' : 'campaigns.field.rivers')} style={{ minWidth: 340 }}>
            <Select mode={kind === 'river' ? 'tags' : 'multiple'} data-testid="campaign-rivers" options={registry.rivers.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
        </Space>
        {(riverNames ?? []).length > 0 && (
          <Space wrap style={{ display: 'flex' }}>
            {(riverNames ?? []).map((r) => (
              <Form.Item key={r} name={['riverKm', r]} label={`${r} · ${t('campaigns.field.surveyedKm')}`}>
                <InputNumber min={0.1} max={5000} step={0.1} style={{ width: 160 }} data-testid={`campaign-river-km-${r}`} />
              </Form.Item>
            ))}
          </Space>
        )}
        <Form.Item label={t('campaigns.field.sites')} extra={t('campaigns.field.sitesHelp')}>
          <Form.List name="sites">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'siteName']} rules={[{ required: true, whitespace: true, max: 200 }]}><Input placeholder={t('campaigns.field.siteName')} style={{ width: 260 }} /></Form.Item>
                    <Form.Item name={[f.name, 'longitude']} rules={[{ required: true }]}><InputNumber placeholder={t('campaigns.field.longitude')} min={-180} max={180} step={0.000001} style={{ width: 150 }} /></Form.Item>
                    <Form.Item name={[f.name, 'latitude']} rules={[{ required: true }]}><InputNumber placeholder={t('campaigns.field.latitude')} min={-90} max={90} step={0.000001} style={{ width: 150 }} /></Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>{t('campaigns.field.addSite')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="reason" label={t('campaigns.field.reason')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
