// The bureau's settings (administrators): particulars printed on documents, document-number prefixes,
// remedies, hearing and major-case thresholds. Every change needs a reason and is audited old → new.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { ApiError, messageWithoutField } from '../app/api';
import { settingsApi, type Settings, type SettingsHistory, type SettingsValue } from './api';
import { DOCUMENT_SERIES } from '../../../src/settings/rules';
import { StaffSelect } from '../cases/index';

/** Money fields edited in yuan, stored in fen. */
const FEN_FIELDS = [
  ['hearingThresholds', 'organisationFen'], ['hearingThresholds', 'individualFen'],
  ['majorCase', 'largeFineOrganisationFen'], ['majorCase', 'largeFineIndividualFen'], ['fineCeilingFen'],
] as const;

type FormValue = Omit<SettingsValue, 'demoValues'> & { reason: string };

function toForm(v: SettingsValue): FormValue {
  const f = structuredClone(v) as unknown as Record<string, Record<string, number> | number | unknown>;
  for (const path of FEN_FIELDS) {
    if (path.length === 1) f[path[0]] = (f[path[0]] as number) / 100;
    else (f[path[0]] as Record<string, number>)[path[1]] = (f[path[0]] as Record<string, number>)[path[1]]! / 100;
  }
  delete f.demoValues;
  return { ...(f as unknown as FormValue), reason: '' };
}

function fromForm(f: FormValue): Omit<SettingsValue, 'demoValues'> {
  const { reason: _r, ...rest } = structuredClone(f);
  const v = rest as unknown as Record<string, Record<string, number> | number>;
  for (const path of FEN_FIELDS) {
    if (path.length === 1) v[path[0]] = Math.round((v[path[0]] as number) * 100);
    else (v[path[0]] as Record<string, number>)[path[1]] = Math.round((v[path[0]] as Record<string, number>)[path[1]]! * 100);
  }
  const out = v as unknown as Omit<SettingsValue, 'demoValues'>;
  // A cleared chair is "none" (null), not a missing field.
  if (out.committee) out.committee = { ...out.committee, chairUserId: out.committee.chairUserId ?? null, meetingRoom: out.committee.meetingRoom ?? '', hearingRoom: out.committee.hearingRoom ?? '' };
  return out;
}

export default function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValue>();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [history, setHistory] = useState<SettingsHistory['items']>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const load = async (signal?: AbortSignal) => {
    try {
      const [s, h] = await Promise.all([settingsApi.get(signal), settingsApi.history(signal)]);
      setSettings(s);
      setHistory(h.items);
      form.setFieldsValue(toForm(s.value));
    } catch (e) {
      if (!signal?.aborted) setError(e);
    }
  };
  useEffect(() => {
    const c = new AbortController();
    void load(c.signal);
    return () => c.abort();
  }, []);

  if (error) return <LoadError message={error instanceof Error ? error.message : String(error)} onRetry={() => { setError(null); void load(); }} />;
  if (!settings) return null;
  const demo = new Set(settings.value.demoValues);
  const label = (path: string, text: string) => (
    <Space size={4}>{text}{demo.has(path) && <Tag color="orange" data-testid={`demo-${path}`}>{t('settings.demoValue')}</Tag>}</Space>
  );

  const save = async (f: FormValue) => {
    setSaving(true);
    try {
      await settingsApi.put({ value: fromForm(f), version: settings.version, reason: f.reason });
      message.success(t('settings.saved'));
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.field) {
        const name = e.field.replace(/^value\./, '').split('.');
        form.setFields([{ name: name as never, errors: [messageWithoutField(e)] }]);
      }
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  // The label is a node (text + demo tag): messageVariables gives antd's "请输入…" the caption, not the field path.
  const yuan = (name: (string | number)[], text: string, path: string) => (
    <Form.Item name={name} label={label(path, text)} messageVariables={{ label: text }} rules={[{ required: true }]}>
      <InputNumber min={0.01} precision={2} style={{ width: '100%' }} addonAfter={t('settings.yuan')} />
    </Form.Item>
  );
  const text = (name: string[], caption: string) => (
    <Form.Item name={name} label={label(name.join('.'), caption)} messageVariables={{ label: caption }} rules={[{ required: true }]}><Input /></Form.Item>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      {demo.size > 0 && <Alert type="warning" showIcon message={t('settings.demoWarning', { count: demo.size })} />}
      <Form form={form} layout="vertical" onFinish={save} data-testid="settings-form">
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card title={t('settings.bureau')} size="small">
              {text(['bureau', 'name'], t('settings.name'))}
              {text(['bureau', 'areaName'], t('settings.areaName'))}
              {text(['bureau', 'address'], t('settings.address'))}
              {text(['bureau', 'postcode'], t('settings.postcode'))}
              {text(['bureau', 'phone'], t('settings.phone'))}
              {text(['bureau', 'contactDepartment'], t('settings.contactDepartment'))}
              {text(['sealText'], t('settings.sealText'))}
            </Card>
            <Card title={t('settings.payment')} size="small" style={{ marginTop: 16 }}>
              {text(['payment', 'accountName'], t('settings.accountName'))}
              {text(['payment', 'bank'], t('settings.bank'))}
              {text(['payment', 'accountNumber'], t('settings.accountNumber'))}
              <Form.Item name={['payment', 'note']} label={t('settings.paymentNote')}><Input /></Form.Item>
            </Card>
            <Card title={t('settings.remedies')} size="small" style={{ marginTop: 16 }}>
              {text(['remedies', 'reconsiderationBody'], t('settings.reconsiderationBody'))}
              {text(['remedies', 'formerUpperDepartment'], t('settings.formerUpperDepartment'))}
              {text(['remedies', 'court'], t('settings.court'))}
              {text(['police'], t('settings.police'))}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('settings.prefixes')} size="small">
              {DOCUMENT_SERIES.map((s) => (
                <Form.Item key={s} name={['documentPrefixes', s]} label={t(`settings.series.${s}`)} rules={[{ required: true }]}>
                  <Input addonAfter="〔2026〕1号" />
                </Form.Item>
              ))}
            </Card>
            <Card title={t('settings.thresholds')} size="small" style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">{t('settings.hearingBasis')}</Typography.Paragraph>
              {yuan(['hearingThresholds', 'organisationFen'], t('settings.hearingOrganisation'), 'hearingThresholds.organisationFen')}
              {yuan(['hearingThresholds', 'individualFen'], t('settings.hearingIndividual'), 'hearingThresholds.individualFen')}
              {yuan(['majorCase', 'largeFineOrganisationFen'], t('settings.majorOrganisation'), 'majorCase.largeFineOrganisationFen')}
              {yuan(['majorCase', 'largeFineIndividualFen'], t('settings.majorIndividual'), 'majorCase.largeFineIndividualFen')}
              <Form.Item name={['majorCase', 'committeeForEveryMajorCase']} label={t('settings.committeeForEveryMajorCase')} valuePropName="checked"><Switch /></Form.Item>
              {yuan(['fineCeilingFen'], t('settings.fineCeiling'), 'fineCeilingFen')}
              <Form.Item name={['reviewerRatioTargetPercent']} label={t('settings.reviewerRatio')} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name={['penaltyPublicationWorkingDays']} label={t('settings.publicationDays')} rules={[{ required: true }]}>
                <InputNumber min={1} max={60} style={{ width: '100%' }} />
              </Form.Item>
            </Card>
            {/* 严重违法关注名单 (src/compliance): the serious-violation rules as data, the period, and whether the list is public. */}
            <Card title={t('settings.watchList')} size="small" style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">{t('settings.watchHint')}</Typography.Paragraph>
              <Form.Item name={['watchList', 'publicView']} label={t('settings.watchPublic')} valuePropName="checked"><Switch data-testid="settings-watch-public" /></Form.Item>
              <Form.Item name={['watchList', 'formalActionDays']} label={t('settings.watchDays')} rules={[{ required: true }]}><InputNumber min={1} max={730} style={{ width: '100%' }} /></Form.Item>
              <Form.Item name={['watchList', 'exceedanceDays']} label={t('settings.watchExceedanceDays')} rules={[{ required: true }]}><InputNumber min={1} max={366} style={{ width: '100%' }} /></Form.Item>
              <Form.Item name={['watchList', 'exceedanceWindowDays']} label={t('settings.watchWindowDays')} rules={[{ required: true }]}><InputNumber min={1} max={366} style={{ width: '100%' }} /></Form.Item>
              <Form.Item name={['watchList', 'leadSources']} label={t('settings.watchLeadSources')}>
                <Select mode="multiple" options={['inspection', 'complaint', 'monitoring', 'transfer', 'report'].map((k) => ({ value: k, label: t(`compliance.leadSource.${k}`) }))} />
              </Form.Item>
            </Card>
            <Card title={t('settings.committee')} size="small" style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">{t('settings.committeeHint')}</Typography.Paragraph>
              <Form.Item name={['committee', 'chairUserId']} label={t('settings.committeeChair')}>
                <StaffSelect testId="settings-committee-chair" filter={(s) => s.role === 'bureau_leader' || s.role === 'committee_member'} />
              </Form.Item>
              <Form.Item name={['committee', 'meetingRoom']} label={label('committee.meetingRoom', t('settings.meetingRoom'))}><Input data-testid="settings-meeting-room" /></Form.Item>
              <Form.Item name={['committee', 'hearingRoom']} label={label('committee.hearingRoom', t('settings.hearingRoom'))}><Input data-testid="settings-hearing-room" /></Form.Item>
            </Card>
          </Col>
        </Row>
        <Card size="small" style={{ marginTop: 16 }}>
          <Form.Item name="reason" label={t('settings.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} data-testid="settings-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">{t('settings.save')}</Button>
        </Card>
      </Form>
      <Card title={t('settings.history')} size="small">
        <Table
          rowKey={(r) => `${r.at}`}
          size="small"
          dataSource={history}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('settings.at'), dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString() },
            { title: t('settings.by'), dataIndex: 'actorName' },
            { title: t('settings.reason'), dataIndex: 'reason' },
            {
              title: t('settings.changes'), dataIndex: 'changes',
              render: (cs: SettingsHistory['items'][number]['changes']) => cs.map((c) => (
                <div key={c.field}><Typography.Text code>{c.field}</Typography.Text> {JSON.stringify(c.from)} → {JSON.stringify(c.to)}</div>
              )),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
