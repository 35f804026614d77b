// A new application, a renewal or a change: by the enterprise for itself, or by licensing staff on its behalf,
// with the permitted outfalls (the enterprise's own) and their pollutant limits (排污许可管理条例 第七条（三）（四）).
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { useSubmit } from '../app/useSubmit';
import { permitApi } from './api';
import { EnterprisePick, useEnterpriseOutfalls } from './enterprise-pick';
import type { ApplicationInput, Permit, ProposedOutfall } from './types';

interface LimitValues { pollutant: string; concentration?: number | null; concentrationUnit?: string; period: 'hour' | 'day'; annualTotal?: number | null; annualTotalUnit?: 'kg' | 't' }
interface Values {
  enterpriseId?: number; managementClass: 'key' | 'simplified'; onSiteCheck?: boolean; proposedNumber?: string; changeSummary?: string; changedOn?: Dayjs;
  outfalls?: { outfallId: number; location: string; limits?: LimitValues[] }[];
}

const toOutfalls = (list: Values['outfalls']): ProposedOutfall[] => (list ?? []).map((o) => ({
  outfallId: o.outfallId, location: o.location.trim(),
  limits: (o.limits ?? []).map((l) => ({
    pollutant: l.pollutant.trim(), period: l.period ?? 'hour',
    concentration: l.concentration ?? null, concentrationUnit: l.concentration != null ? (l.concentrationUnit?.trim() || 'mg/L') : null,
    annualTotal: l.annualTotal ?? null, annualTotalUnit: l.annualTotal != null ? (l.annualTotalUnit ?? 'kg') : null,
  })),
}));

/** The permitted outfalls and their limits: each outfall one of the enterprise's, each limit an HJ 212 pollutant code. */
function OutfallsField({ enterpriseId }: { enterpriseId: number | null }) {
  const { t } = useTranslation();
  const options = useEnterpriseOutfalls(enterpriseId).map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }));
  return (
    <Form.List name="outfalls">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="permit-apply-outfalls">
          {fields.map((f) => (
            <Card key={f.key} size="small" extra={<MinusCircleOutlined onClick={() => remove(f.name)} />}>
              <Space wrap align="start">
                <Form.Item name={[f.name, 'outfallId']} label={t('permits.field.outfall')} rules={[{ required: true }]}>
                  <Select style={{ width: 220 }} options={options} data-testid={`permit-outfall-${f.name}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'location']} label={t('permits.field.location')} rules={[{ required: true, whitespace: true }]}>
                  <Input style={{ width: 220 }} data-testid={`permit-outfall-location-${f.name}`} />
                </Form.Item>
              </Space>
              <Form.List name={[f.name, 'limits']}>
                {(limits, l) => (
                  <>
                    {limits.map((x) => (
                      <Space key={x.key} wrap align="start">
                        <Form.Item name={[x.name, 'pollutant']} label={t('permits.field.pollutant')} extra={t('permits.hint.pollutant')}
                          rules={[{ required: true, pattern: /^[a-z]\d{5}$/, message: t('permits.hint.pollutant') }]}>
                          <Input style={{ width: 110 }} data-testid={`permit-limit-pollutant-${f.name}-${x.name}`} />
                        </Form.Item>
                        <Form.Item name={[x.name, 'concentration']} label={t('permits.field.concentration')}><InputNumber min={0} data-testid={`permit-limit-concentration-${f.name}-${x.name}`} /></Form.Item>
                        <Form.Item name={[x.name, 'concentrationUnit']} label={t('permits.field.unit')}><Input style={{ width: 90 }} placeholder="mg/L" /></Form.Item>
                        <Form.Item name={[x.name, 'period']} label={t('permits.field.averaging')}>
                          <Select style={{ width: 100 }} options={(['hour', 'day'] as const).map((v) => ({ value: v, label: t(`permits.period.${v}`) }))} />
                        </Form.Item>
                        <Form.Item name={[x.name, 'annualTotal']} label={t('permits.annualTotal')}><InputNumber min={0} precision={0} /></Form.Item>
                        <Form.Item name={[x.name, 'annualTotalUnit']} label={t('permits.field.unit')}>
                          <Select style={{ width: 80 }} options={[{ value: 'kg', label: 'kg' }, { value: 't', label: 't' }]} />
                        </Form.Item>
                        <MinusCircleOutlined style={{ marginTop: 36 }} onClick={() => l.remove(x.name)} />
                      </Space>
                    ))}
                    <Button size="small" icon={<PlusOutlined />} onClick={() => l.add({ period: 'hour', concentrationUnit: 'mg/L', annualTotalUnit: 'kg' })} data-testid={`permit-limit-add-${f.name}`}>{t('permits.addLimit')}</Button>
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ limits: [] })} disabled={!enterpriseId} data-testid="permit-outfall-add">{t('permits.addOutfall')}</Button>
        </Space>
      )}
    </Form.List>
  );
}

export function ApplyModal({ open, kind, permit, onClose, onDone }: { open: boolean; kind: ApplicationInput['kind']; permit?: Permit; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useSubmit();
  const ownEnterprise = user?.enterpriseId ?? null;
  const chosen = Form.useWatch('enterpriseId', form) as number | undefined;
  const run = async (v: Values) => {
    const body: ApplicationInput = {
      enterpriseId: permit?.enterpriseId ?? ownEnterprise ?? v.enterpriseId!, kind,
      managementClass: permit ? (permit.managementClass === 'registration' ? 'simplified' : permit.managementClass) : v.managementClass,
      permitId: permit?.id ?? null, onSiteCheck: v.onSiteCheck, proposedNumber: v.proposedNumber || null,
      changeSummary: v.changeSummary || null, changedOn: v.changedOn ? v.changedOn.format('YYYY-MM-DD') : null,
      outfalls: kind === 'new' ? toOutfalls(v.outfalls) : undefined,
    };
    if (await submit(() => permitApi.apply(body), t('permits.saved'))) { form.resetFields(); onDone(); }
  };
  return (
    <Modal open={open} width={kind === 'new' ? 900 : 520} title={t(`permits.apply.${kind}`)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'permit-apply-ok' } as never}>
      <Form form={form} layout="vertical" onFinish={run} initialValues={{ managementClass: 'simplified' }} data-testid="permit-apply-form">
        {!permit && ownEnterprise === null && (
          <Form.Item name="enterpriseId" label={t('permits.field.enterprise')} rules={[{ required: true }]}><EnterprisePick testId="permit-apply-enterprise" /></Form.Item>
        )}
        {!permit && (
          <>
            <Form.Item name="managementClass" label={t('permits.field.class')}>
              <Select data-testid="permit-apply-class" options={(['key', 'simplified'] as const).map((c) => ({ value: c, label: t(`permits.class.${c}`) }))} />
            </Form.Item>
            <Form.Item name="onSiteCheck" valuePropName="checked"><Checkbox>{t('permits.field.onSiteCheck')}</Checkbox></Form.Item>
            <Form.Item name="proposedNumber" label={t('permits.field.number')} extra={t('permits.hint.number')}><Input data-testid="permit-apply-number" /></Form.Item>
            <Form.Item label={t('permits.outfalls')}><OutfallsField enterpriseId={ownEnterprise ?? chosen ?? null} /></Form.Item>
          </>
        )}
        {kind === 'change' && (
          <>
            <Form.Item name="changeSummary" label={t('permits.field.changeSummary')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="changedOn" label={t('permits.field.changedOn')} rules={[{ required: true }]} extra={t('permits.hint.change')}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </>
        )}
        {kind === 'renewal' && <p>{t('permits.hint.renewal')}</p>}
      </Form>
    </Modal>
  );
}
