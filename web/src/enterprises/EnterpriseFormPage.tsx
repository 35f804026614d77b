import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage, messageWithCitation, messageWithoutField } from '../app/api';
import { useAuth } from '../app/auth';
import {
  CREDIT_RATINGS,
  KEY_UNIT_CATEGORIES,
  OUTFALL_KINDS,
  creditRatingLabel,
  keyUnitLabel,
  outfallKindLabel,
  type CreditRating,
  type KeyUnitCategory,
  type OutfallKind,
} from '../app/labels';
import { PageSpinner } from '../app/PageSpinner';
import { enterpriseApi } from './api';
import { districtOptions, useDistricts } from './useDistricts';
import { useEnterprise } from './useEnterprise';
import type { Enterprise, EnterpriseInput } from './types';

interface FormValues {
  creditCode: string;
  name: string;
  legalRepresentative: string;
  districtId?: number;
  townshipId?: number | null;
  industryCode: string;
  address: string;
  longitude?: number | null;
  latitude?: number | null;
  keyUnitCategories: KeyUnitCategory[];
  creditRating?: CreditRating | null;
  outfalls: { code: string; name: string; kind: OutfallKind }[];
  reason?: string;
}

/** Form fields a server-side `error.field` may name (top level of the dotted path). */
const FIELDS = new Set([
  'creditCode',
  'name',
  'legalRepresentative',
  'districtId',
  'townshipId',
  'industryCode',
  'address',
  'longitude',
  'latitude',
  'keyUnitCategories',
  'creditRating',
  'outfalls',
  'reason',
]);
const OUTFALL_FIELDS = new Set(['code', 'name', 'kind']);

/** `outfalls.0.code` → ['outfalls', 0, 'code']; null when the path names no form field. */
export function fieldPath(field: string | undefined, outfallCount: number): (string | number)[] | null {
  if (!field) return null;
  const parts = field.split(/[.[\]]+/).filter(Boolean);
  const [head, ...rest] = parts;
  if (!FIELDS.has(head)) return null;
  if (head === 'outfalls' && rest.length >= 1) {
    const idx = Number(rest[0]);
    if (!Number.isInteger(idx) || idx < 0 || idx >= outfallCount) return ['outfalls'];
    if (rest.length >= 2 && OUTFALL_FIELDS.has(rest[1])) return ['outfalls', idx, rest[1]];
    return ['outfalls', idx, 'code'];
  }
  if (head === 'keyUnitCategories') return ['keyUnitCategories'];
  return [head];
}

function toFormValues(e: Enterprise): FormValues {
  return {
    creditCode: e.creditCode,
    name: e.name,
    legalRepresentative: e.legalRepresentative,
    districtId: e.districtId,
    townshipId: e.townshipId,
    industryCode: e.industryCode,
    address: e.address,
    longitude: e.longitude,
    latitude: e.latitude,
    keyUnitCategories: e.keyUnitCategories,
    creditRating: e.creditRating,
    outfalls: e.outfalls.map((o) => ({ code: o.code, name: o.name, kind: o.kind })),
    reason: '',
  };
}

function toInput(v: FormValues): EnterpriseInput {
  return {
    creditCode: (v.creditCode ?? '').trim().toUpperCase(),
    name: (v.name ?? '').trim(),
    legalRepresentative: (v.legalRepresentative ?? '').trim(),
    districtId: v.districtId as number,
    townshipId: v.townshipId ?? null,
    industryCode: (v.industryCode ?? '').trim(),
    address: (v.address ?? '').trim(),
    longitude: v.longitude ?? null,
    latitude: v.latitude ?? null,
    keyUnitCategories: v.keyUnitCategories ?? [],
    creditRating: v.creditRating ?? null,
    outfalls: (v.outfalls ?? []).map((o) => ({
      code: (o.code ?? '').trim(),
      name: (o.name ?? '').trim(),
      kind: o.kind,
    })),
  };
}

export default function EnterpriseFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const { districts, loading: districtsLoading } = useDistricts();
  const { enterprise, loading, error: loadError, reload } = useEnterprise(id);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<{ message: string; conflict: boolean } | null>(null);

  const districtId = Form.useWatch('districtId', form);
  const townships = useMemo(() => districts.find((d) => d.id === districtId)?.townships ?? [], [districts, districtId]);

  useEffect(() => {
    if (enterprise) {
      form.resetFields();
      form.setFieldsValue(toFormValues(enterprise));
    }
  }, [enterprise, form]);

  const req = (labelKey: string) => ({
    required: true,
    whitespace: true,
    message: t('enterprise.required', { field: t(labelKey) }),
  });

  const onFinish = async (values: FormValues) => {
    setSaving(true);
    setFormError(null);
    try {
      const input = toInput(values);
      let saved: Enterprise;
      if (editing && enterprise) {
        const reason = values.reason?.trim();
        saved = await enterpriseApi.update(enterprise.id, { ...input, version: enterprise.version, ...(reason ? { reason } : {}) });
        message.success(t('enterprise.saved'));
      } else {
        saved = await enterpriseApi.create(input);
        message.success(t('enterprise.created'));
      }
      navigate(`/enterprises/${saved.id}`, { replace: editing });
    } catch (e) {
      setSaving(false);
      if (e instanceof ApiError) {
        if (e.status === 409 && e.code === 'VERSION_CONFLICT') {
          setFormError({ message: e.message || t('enterprise.versionConflict'), conflict: true });
          return;
        }
        const cite = (m: string) => messageWithCitation(m, e, (law, article) => t('app.citation', { law, article }));
        const path = (e.status === 400 || e.status === 409 || e.status === 422) ? fieldPath(e.field, values.outfalls?.length ?? 0) : null;
        if (path) {
          const name = path as Parameters<typeof form.scrollToField>[0] & {};
          form.setFields([{ name, errors: [cite(messageWithoutField(e))] }]);
          form.scrollToField(name, { block: 'center' });
          return;
        }
        setFormError({ message: cite(e.message), conflict: false });
        return;
      }
      setFormError({ message: errorMessage(e), conflict: false });
    }
  };

  if (editing && loading && !enterprise) return <PageSpinner />;
  if (editing && loadError) {
    return (
      <Result
        status={loadError instanceof ApiError && loadError.status === 404 ? '404' : 'error'}
        title={loadError.message}
        extra={<Button onClick={() => navigate('/enterprises')}>{t('common.back')}</Button>}
      />
    );
  }
  if (editing && enterprise && !enterprise.actions.includes('edit')) {
    return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  }

  const initialValues: Partial<FormValues> = editing
    ? {}
    : {
        keyUnitCategories: [],
        outfalls: [],
        districtId: user?.districtId ?? undefined,
      };

  return (
    <Card
      data-testid="enterprise-form-page"
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
          {editing ? `${t('enterprise.editTitle')} · ${enterprise?.name ?? ''}` : t('enterprise.createTitle')}
        </Space>
      }
    >
      {formError && (
        <Alert
          type="error"
          showIcon
          message={formError.message}
          style={{ marginBottom: 16 }}
          data-testid="enterprise-form-error"
          action={
            formError.conflict ? (
              <Button
                size="small"
                onClick={() => {
                  setFormError(null);
                  reload();
                }}
              >
                {t('enterprise.reloadLatest')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void onFinish(v)}
        scrollToFirstError
        data-testid="enterprise-form"
        onValuesChange={(changed) => {
          if ('districtId' in changed) form.setFieldValue('townshipId', null);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12} lg={8}>
            <Form.Item name="creditCode" label={t('enterprise.creditCode')} rules={[req('enterprise.creditCode')]}>
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="field-creditCode" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Form.Item name="name" label={t('enterprise.name')} rules={[req('enterprise.name')]}>
              <Input data-testid="field-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Form.Item
              name="legalRepresentative"
              label={t('enterprise.legalRepresentative')}
              rules={[req('enterprise.legalRepresentative')]}
            >
              <Input data-testid="field-legalRepresentative" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Form.Item
              name="districtId"
              label={t('enterprise.district')}
              rules={[{ required: true, message: t('enterprise.required', { field: t('enterprise.district') }) }]}
            >
              <Select<number>
                showSearch
                optionFilterProp="label"
                loading={districtsLoading}
                options={districtOptions(districts, t)}
                data-testid="field-districtId"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Form.Item name="townshipId" label={t('enterprise.township')}>
              <Select<number>
                allowClear
                showSearch
                optionFilterProp="label"
                disabled={!districtId}
                placeholder={districtId ? undefined : t('enterprise.districtFirst')}
                options={townships.map((tw) => ({ value: tw.id, label: tw.name }))}
                data-testid="field-townshipId"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Form.Item name="industryCode" label={t('enterprise.industryCode')} rules={[req('enterprise.industryCode')]}>
              <Input placeholder="C2614" data-testid="field-industryCode" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={16}>
            <Form.Item name="address" label={t('enterprise.address')} rules={[req('enterprise.address')]}>
              <Input data-testid="field-address" />
            </Form.Item>
          </Col>
          <Col xs={12} lg={4}>
            <Form.Item name="longitude" label={t('enterprise.longitude')}>
              <InputNumber style={{ width: '100%' }} step={0.000001} data-testid="field-longitude" />
            </Form.Item>
          </Col>
          <Col xs={12} lg={4}>
            <Form.Item name="latitude" label={t('enterprise.latitude')}>
              <InputNumber style={{ width: '100%' }} step={0.000001} data-testid="field-latitude" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={16}>
            <Form.Item name="keyUnitCategories" label={t('enterprise.keyUnitCategories')}>
              <Checkbox.Group
                options={KEY_UNIT_CATEGORIES.map((c) => ({ value: c, label: keyUnitLabel(t, c) }))}
                data-testid="field-keyUnitCategories"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item name="creditRating" label={t('enterprise.creditRating')}>
              <Select<CreditRating>
                allowClear
                options={CREDIT_RATINGS.map((r) => ({ value: r, label: creditRatingLabel(t, r) }))}
                data-testid="field-creditRating"
              />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('enterprise.outfalls')}</Typography.Title>
        <Form.List name="outfalls">
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="field-outfalls">
              {fields.map((f) => (
                <Row gutter={12} key={f.key} align="top">
                  <Col xs={24} sm={6}>
                    <Form.Item
                      name={[f.name, 'code']}
                      rules={[req('enterprise.outfallCode')]}
                      label={f.name === 0 ? t('enterprise.outfallCode') : undefined}
                    >
                      <Input placeholder="DW001" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={10}>
                    <Form.Item
                      name={[f.name, 'name']}
                      rules={[req('enterprise.outfallName')]}
                      label={f.name === 0 ? t('enterprise.outfallName') : undefined}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={18} sm={6}>
                    <Form.Item
                      name={[f.name, 'kind']}
                      rules={[{ required: true, message: t('enterprise.required', { field: t('enterprise.outfallKind') }) }]}
                      label={f.name === 0 ? t('enterprise.outfallKind') : undefined}
                    >
                      <Select<OutfallKind> options={OUTFALL_KINDS.map((k) => ({ value: k, label: outfallKindLabel(t, k) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={6} sm={2}>
                    <Form.Item label={f.name === 0 ? ' ' : undefined}>
                      <Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', name: '', kind: 'water' })}>
                  {t('enterprise.addOutfall')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            </div>
          )}
        </Form.List>

        {editing && (
          <Form.Item name="reason" label={t('enterprise.reason')}>
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('enterprise.reasonPlaceholder')} data-testid="field-reason" />
          </Form.Item>
        )}

        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="enterprise-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
