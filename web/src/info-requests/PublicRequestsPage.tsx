// /public/requests: the online request form (政府信息公开条例 第二十九条) and the status by receipt number.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api';
import { PublicLayout } from '../disclosure';
import { publicApi, type ApplicantInput, type PublicStatus } from './api';

export default function PublicRequestsPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApplicantInput>();
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [status, setStatus] = useState<PublicStatus | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);

  const submit = async (v: ApplicantInput) => {
    setBusy(true); setError(null);
    try { setFiled((await publicApi.submit(v)).number); form.resetFields(); } catch (e) { setError(errorMessage(e)); } finally { setBusy(false); }
  };
  const lookup = async () => {
    setLookupError(null); setStatus(null);
    try { setStatus(await publicApi.status(number.trim())); } catch (e) { setLookupError(errorMessage(e)); }
  };

  return (
    <PublicLayout>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('infoRequests.public.formTitle')} data-testid="info-request-form">
          <Alert type="info" showIcon message={t('infoRequests.public.formHint')} style={{ marginBottom: 16 }} />
          {filed && <Alert type="success" showIcon data-testid="info-request-filed" message={t('infoRequests.public.filed', { number: filed })} style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ applicantKind: 'citizen', provisionForm: 'electronic' }}>
            <Form.Item name="applicantKind" label={t('infoRequests.field.applicantKind')} rules={[{ required: true }]}>
              <Radio.Group options={(['citizen', 'organisation'] as const).map((k) => ({ value: k, label: t(`infoRequests.applicantKind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="applicantName" label={t('infoRequests.field.applicantName')} rules={[{ required: true, max: 200 }]}><Input data-testid="ir-name" /></Form.Item>
            <Form.Item name="idNumber" label={t('infoRequests.field.idNumber')} rules={[{ required: true, max: 40 }]}><Input data-testid="ir-id" /></Form.Item>
            <Form.Item name="phone" label={t('infoRequests.field.phone')} rules={[{ required: true, max: 40 }]}><Input data-testid="ir-phone" /></Form.Item>
            <Form.Item name="address" label={t('infoRequests.field.address')} rules={[{ max: 300 }]}><Input /></Form.Item>
            <Form.Item name="email" label={t('infoRequests.field.email')} rules={[{ type: 'email' }]}><Input /></Form.Item>
            <Form.Item name="description" label={t('infoRequests.field.description')} rules={[{ required: true, max: 4000 }]}><Input.TextArea rows={4} data-testid="ir-description" /></Form.Item>
            <Form.Item name="provisionForm" label={t('infoRequests.field.provisionForm')} rules={[{ required: true }]}>
              <Radio.Group options={(['paper', 'electronic', 'inspection'] as const).map((k) => ({ value: k, label: t(`infoRequests.provisionForm.${k}`) }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="ir-submit">{t('infoRequests.public.submit')}</Button>
          </Form>
        </Card>
        <Card title={t('infoRequests.public.lookupTitle')}>
          <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
            <Input value={number} onChange={(e) => setNumber(e.target.value)} placeholder={t('infoRequests.public.numberPlaceholder')} data-testid="ir-lookup-number" />
            <Button type="primary" onClick={() => void lookup()} disabled={!number.trim()} data-testid="ir-lookup">{t('infoRequests.public.lookup')}</Button>
          </Space.Compact>
          {lookupError && <Alert type="error" showIcon message={lookupError} style={{ marginTop: 16 }} />}
          {status && (
            <Descriptions bordered column={1} size="small" style={{ marginTop: 16 }} data-testid="ir-status">
              <Descriptions.Item label={t('infoRequests.field.number')}>{status.number}</Descriptions.Item>
              <Descriptions.Item label={t('infoRequests.field.status')}><Tag>{t(`infoRequests.status.${status.status}`)}</Tag></Descriptions.Item>
              <Descriptions.Item label={t('infoRequests.field.submittedOn')}>{status.submittedOn}</Descriptions.Item>
              <Descriptions.Item label={t('infoRequests.field.receivedOn')}>{status.receivedOn ?? '—'}</Descriptions.Item>
              {status.correctionNoticeOn && <Descriptions.Item label={t('infoRequests.field.correctionNoticeOn')}>{status.correctionNoticeOn}</Descriptions.Item>}
              {status.correctionDueOn && <Descriptions.Item label={t('infoRequests.field.correctionDueOn')}>{status.correctionDueOn}</Descriptions.Item>}
              {status.correctedOn && <Descriptions.Item label={t('infoRequests.field.correctedOn')}>{status.correctedOn}</Descriptions.Item>}
              <Descriptions.Item label={t('infoRequests.field.dueOn')}>
                {status.dueOn ?? '—'}{status.dueProvisional && <Tag color="gold" style={{ marginLeft: 8 }}>{t('infoRequests.provisional')}</Tag>}
                {status.extended && <Tag style={{ marginLeft: 8 }}>{t('infoRequests.extended')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('infoRequests.field.repliedOn')}>{status.repliedOn ?? '—'}</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      </Space>
    </PublicLayout>
  );
}
