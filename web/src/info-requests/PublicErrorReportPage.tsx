// /public/error-reports: report an error in a published record (?kind=&id= prefill it);
// /public/error-reports/:ticket: the status of a report by its ticket number.
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api';
import { LoadError } from '../app/LoadError';
import { PageSpinner } from '../app/PageSpinner';
import { useLoad } from '../app/useLoad';
import { PublicLayout } from '../disclosure';
import { publicApi } from './api';

function ReportForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const kinds = useLoad((signal) => publicApi.kinds(signal), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { recordKind: string; recordId: string; description: string; contact?: string }) => {
    setBusy(true); setError(null);
    try { navigate(`/public/error-reports/${encodeURIComponent((await publicApi.report(v)).ticket)}`); } catch (e) { setError(errorMessage(e)); } finally { setBusy(false); }
  };
  return (
    <Card title={t('infoRequests.errors.reportTitle')} data-testid="error-report-form">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} initialValues={{ recordKind: params.get('kind') ?? undefined, recordId: params.get('id') ?? undefined }}>
        <Form.Item name="recordKind" label={t('infoRequests.errors.recordKind')} rules={[{ required: true }]}>
          <Select options={(kinds.data?.items ?? []).map((k) => ({ value: k.kind, label: t(`infoRequests.recordKind.${k.kind}`, { defaultValue: k.label }) }))} data-testid="er-kind" />
        </Form.Item>
        <Form.Item name="recordId" label={t('infoRequests.errors.recordId')} rules={[{ required: true, max: 100 }]}><Input data-testid="er-record" /></Form.Item>
        <Form.Item name="description" label={t('infoRequests.errors.description')} rules={[{ required: true, max: 4000 }]}><Input.TextArea rows={4} data-testid="er-description" /></Form.Item>
        <Form.Item name="contact" label={t('infoRequests.errors.contact')} rules={[{ max: 200 }]}><Input /></Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="er-submit">{t('infoRequests.errors.submit')}</Button>
      </Form>
    </Card>
  );
}

function TicketStatus({ ticket }: { ticket: string }) {
  const { t } = useTranslation();
  const load = useLoad((signal) => publicApi.reportStatus(ticket, signal), [ticket]);
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  if (!load.data) return <PageSpinner />;
  const s = load.data;
  return (
    <Card title={t('infoRequests.errors.statusTitle')}>
      <Descriptions bordered column={1} size="small" data-testid="er-status">
        <Descriptions.Item label={t('infoRequests.errors.ticket')}><span data-testid="er-ticket">{s.ticket}</span></Descriptions.Item>
        <Descriptions.Item label={t('infoRequests.field.status')}><Tag data-testid="er-status-tag">{t(`infoRequests.errors.status.${s.status}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('infoRequests.field.receivedOn')}>{s.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t('infoRequests.field.dueOn')}>{s.dueOn}{s.dueProvisional && <Tag color="gold" style={{ marginLeft: 8 }}>{t('infoRequests.provisional')}</Tag>}</Descriptions.Item>
        {s.answeredOn && <Descriptions.Item label={t('infoRequests.errors.answeredOn')}>{s.answeredOn}</Descriptions.Item>}
        {s.answer && <Descriptions.Item label={t('infoRequests.errors.answer')}>{s.answer}</Descriptions.Item>}
        {s.correction && (
          <Descriptions.Item label={t('infoRequests.errors.correction')}>
            <span data-testid="er-correction">{t('infoRequests.errors.correctionLine', { field: t(`disclosure.field.${s.correction.field}`, { defaultValue: s.correction.field }), from: s.correction.from, to: s.correction.to })}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export default function PublicErrorReportPage() {
  const { ticket } = useParams();
  return <PublicLayout>{ticket ? <TicketStatus ticket={ticket} /> : <ReportForm />}</PublicLayout>;
}
