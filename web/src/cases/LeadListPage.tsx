import { useEffect, useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Segmented, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { ListPage, useUrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import i18n from '../i18n';
import { ViolationSelect } from '../discretion/index';
import { caseApi } from './api';
import { applyApiError } from './form-errors';
import { civilOf, DateField, dayOf, EnterpriseSelect, StaffSelect } from './fields';
import { DueDate, staffOptions, todayOn, useDirectory } from './shared';
import type { Lead, LeadSource, LeadStatus, MajorFlags } from './types';

const SOURCES: LeadSource[] = ['inspection', 'complaint', 'monitoring', 'transfer', 'report'];
const STATUSES: LeadStatus[] = ['open', 'filed', 'dismissed'];
const MAJOR_FLAGS: (keyof MajorFlags)[] = ['majorPublicInterest', 'complexSeveralLegalRelations', 'requiredByOtherLaw'];
const STATUS_COLOR: Record<LeadStatus, string> = { open: 'blue', filed: 'green', dismissed: 'default' };

const req = (t: TFunction, key: string) => ({ required: true, whitespace: true, message: t('cases.form.required', { field: t(key) }) });
const reqPick = (t: TFunction, key: string) => ({ required: true, message: t('cases.form.required', { field: t(key) }) });

function useModalForm<V extends object>() {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return { form, saving, setSaving, error, setError };
}

interface LeadValues { source?: LeadSource; enterpriseId?: number; summary?: string; sourceRef?: string; discoveredOn?: Dayjs }

function RegisterLeadModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { form, saving, setSaving, error, setError } = useModalForm<LeadValues>();
  useEffect(() => {
    if (open) setError(null);
  }, [open, setError]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      await caseApi.registerLead({
        source: v.source!, enterpriseId: v.enterpriseId!, summary: (v.summary ?? '').trim(), sourceRef: v.sourceRef?.trim() || null, discoveredOn: civilOf(v.discoveredOn),
      });
      setSaving(false);
      onDone();
    } catch (e) {
      setSaving(false);
      setError(applyApiError(form, e, t, ['source', 'enterpriseId', 'summary', 'sourceRef', 'discoveredOn']) || null);
    }
  };
  return (
    <Modal
      open={open}
      title={t('cases.lead.register')}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="lead-register-submit">{t('cases.lead.register')}</Button>
        </Space>
      }
    >
      <div data-testid="lead-register-form">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="lead-error" />}
        <Form<LeadValues> form={form} layout="vertical" preserve={false} initialValues={{ source: 'inspection', discoveredOn: dayOf(todayOn()) }}>
          <Form.Item name="source" label={t('cases.field.source')} rules={[reqPick(t, 'cases.field.source')]}>
            <Select<LeadSource> options={SOURCES.map((s) => ({ value: s, label: t(`cases.leadSource.${s}`) }))} data-testid="field-source" />
          </Form.Item>
          <Form.Item name="enterpriseId" label={t('cases.field.party')} rules={[reqPick(t, 'cases.field.party')]}>
            <EnterpriseSelect testId="field-enterpriseId" />
          </Form.Item>
          <Form.Item name="summary" label={t('cases.field.leadSummary')} rules={[req(t, 'cases.field.leadSummary')]}>
            <Input.TextArea rows={3} data-testid="field-summary" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="discoveredOn" label={t('cases.field.discoveredOn')} rules={[reqPick(t, 'cases.field.discoveredOn')]}>
                <DateField testId="field-discoveredOn" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="sourceRef" label={t('cases.field.sourceRef')}>
                <Input data-testid="field-sourceRef" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}

interface FilingValues {
  /** The violation picked from the catalogue: drafts the 案由 (not sent; the proposal finds it again from the 案由). */
  violationCode?: string;
  cause?: string; actOn?: Dayjs; partyKind?: 'organisation' | 'individual'; officerIds?: number[]; leadOfficerId?: number;
  major?: Partial<MajorFlags>; longLimitation?: boolean; continuing?: boolean; actEndedOn?: Dayjs;
  /** A late filing rests on the head's approved extension (生态环境行政处罚办法), recorded before the filing. */
  extensionApprovedOn?: Dayjs; extensionDays?: number; extensionReason?: string;
}

/** 行政处罚法 第三十六条第二款: a continuing violation counts from its end (empty while it continues). */
function ContinuingEnd({ t }: { t: TFunction }) {
  const continuing = Form.useWatch<boolean | undefined>('continuing');
  if (!continuing) return null;
  return (
    <Form.Item name="actEndedOn" label={t('cases.field.actEndedOn')}>
      <DateField testId="field-actEndedOn" />
    </Form.Item>
  );
}

function FileLeadModal({ lead, onClose }: { lead: Lead | null; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { staff } = useDirectory();
  const { form, saving, setSaving, error, setError } = useModalForm<FilingValues>();
  const officerIds = Form.useWatch('officerIds', form) ?? [];
  // Officers proposed from the lead: who registered it, when a credentialed officer, also leads the case; 行政处罚法
  // 第四十二条 needs two, so one credentialed colleague is proposed with them (of the lead's district first).
  const registrant = lead?.registeredById ? staff.find((s) => s.id === lead.registeredById && s.role === 'enforcement_officer') : undefined;
  useEffect(() => {
    if (!lead || !registrant) return;
    if ((form.getFieldValue('officerIds') as number[] | undefined)?.length) return;
    const colleagues = staff.filter((s) => s.role === 'enforcement_officer' && s.credentialNo && s.id !== registrant.id);
    const colleague = colleagues.find((s) => s.districtId === lead.districtId) ?? colleagues[0];
    form.setFieldsValue({ officerIds: colleague ? [registrant.id, colleague.id] : [registrant.id], leadOfficerId: registrant.id });
  }, [lead, registrant, staff, form]);
  useEffect(() => {
    if (lead) setError(null);
  }, [lead, setError]);
  const submit = async () => {
    if (!lead) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      if (late && !lead.filingExtension) {
        await caseApi.extendFiling(lead.id, { approvedOn: civilOf(v.extensionApprovedOn), days: v.extensionDays ?? 0, reason: (v.extensionReason ?? '').trim() });
      }
      const c = await caseApi.fileLead(lead.id, {
        cause: (v.cause ?? '').trim(), actOn: civilOf(v.actOn), partyKind: v.partyKind ?? 'organisation', officerIds: v.officerIds ?? [],
        leadOfficerId: v.leadOfficerId!, longLimitation: Boolean(v.longLimitation),
        continuing: Boolean(v.continuing), actEndedOn: v.continuing && v.actEndedOn ? civilOf(v.actEndedOn) : null,
        major: { majorPublicInterest: Boolean(v.major?.majorPublicInterest), complexSeveralLegalRelations: Boolean(v.major?.complexSeveralLegalRelations), requiredByOtherLaw: Boolean(v.major?.requiredByOtherLaw) },
      });
      setSaving(false);
      navigate(`/cases/${c.id}`);
    } catch (e) {
      setSaving(false);
      setError(applyApiError(form, e, t, ['cause', 'actOn', 'partyKind', 'officerIds', 'leadOfficerId', 'major', 'longLimitation', 'actEndedOn'], { approvedOn: ['extensionApprovedOn'], days: ['extensionDays'], reason: ['extensionReason'] }) || null);
    }
  };
  const late = lead ? todayOn() > lead.filingDueOn : false;
  return (
    <Modal
      open={lead !== null}
      title={lead ? `${t('cases.lead.file')} · ${lead.enterpriseName}` : ''}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="lead-file-submit">{t('cases.lead.file')}</Button>
        </Space>
      }
    >
      <div data-testid="lead-file-form">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="lead-error" />}
        {lead && (
          <Form<FilingValues>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ cause: lead.summary, actOn: dayOf(lead.discoveredOn), partyKind: 'organisation', officerIds: [], major: {}, longLimitation: false }}
          >
            <Form.Item name="violationCode" label={t('caseForms.violation.label')}>
              <ViolationSelect
                testId="field-violation"
                onChange={(_v, violation) => {
                  if (violation) form.setFieldValue('cause', i18n.getFixedT('zh-CN')('caseForms.draft.cause', { party: lead.enterpriseName, title: violation.title }));
                }}
              />
            </Form.Item>
            <Form.Item name="cause" label={t('cases.field.cause')} rules={[req(t, 'cases.field.cause')]} extra={t('caseForms.filing.causeHint')}>
              <Input data-testid="field-cause" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="actOn" label={t('cases.field.actOn')} rules={[reqPick(t, 'cases.field.actOn')]}>
                  <DateField testId="field-actOn" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="partyKind" label={t('cases.field.partyKind')}>
                  <Radio.Group options={(['organisation', 'individual'] as const).map((k) => ({ value: k, label: t(`cases.partyKind.${k}`) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="officerIds" label={t('cases.field.officers')} rules={[reqPick(t, 'cases.field.officers')]} extra={t(registrant ? 'caseForms.filing.officersHint' : 'cases.form.twoOfficersHint')}>
              <StaffSelect multiple filter={(s) => s.role === 'enforcement_officer'} testId="field-officerIds" />
            </Form.Item>
            <Form.Item name="leadOfficerId" label={t('cases.field.leadOfficer')} rules={[reqPick(t, 'cases.field.leadOfficer')]}>
              <Select<number> options={staffOptions(staff, (s) => officerIds.includes(s.id))} data-testid="field-leadOfficerId" />
            </Form.Item>
            <Form.Item label={t('cases.field.major')} extra={t('cases.form.majorHint')}>
              {MAJOR_FLAGS.map((k) => (
                <Form.Item key={k} name={['major', k]} valuePropName="checked" noStyle>
                  <Checkbox data-testid={`field-major-${k}`}>{t(`cases.major.${k}`)}</Checkbox>
                </Form.Item>
              ))}
            </Form.Item>
            <Form.Item name="longLimitation" valuePropName="checked">
              <Checkbox data-testid="field-longLimitation">{t('cases.field.longLimitation')}</Checkbox>
            </Form.Item>
            <Form.Item name="continuing" valuePropName="checked">
              <Checkbox data-testid="field-continuing">{t('cases.field.continuing')}</Checkbox>
            </Form.Item>
            <ContinuingEnd t={t} />
            {late && !lead.filingExtension && (
              <>
                <Typography.Paragraph type="warning" data-testid="filing-late">{t('cases.form.filingLate', { dueOn: lead.filingDueOn })}</Typography.Paragraph>
                <Form.Item name="extensionApprovedOn" label={t('cases.field.approvedOn')} rules={[{ required: true, message: t('cases.form.required', { field: t('cases.field.approvedOn') }) }]}>
                  <DateField testId="field-extensionApprovedOn" />
                </Form.Item>
                <Form.Item name="extensionDays" label={t('cases.field.extensionDays')} rules={[{ required: true, message: t('cases.form.required', { field: t('cases.field.extensionDays') }) }]}>
                  <InputNumber min={1} max={15} precision={0} data-testid="field-extensionDays" />
                </Form.Item>
                <Form.Item name="extensionReason" label={t('cases.field.extensionReason')} rules={[{ required: true, whitespace: true, message: t('cases.form.required', { field: t('cases.field.extensionReason') }) }]}>
                  <Input.TextArea rows={2} data-testid="field-extensionReason" />
                </Form.Item>
              </>
            )}
          </Form>
        )}
      </div>
    </Modal>
  );
}

function DismissLeadModal({ lead, onClose, onDone }: { lead: Lead | null; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { form, saving, setSaving, error, setError } = useModalForm<{ reason?: string }>();
  useEffect(() => {
    if (lead) setError(null);
  }, [lead, setError]);
  const submit = async () => {
    if (!lead) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await caseApi.dismissLead(lead.id, (v.reason ?? '').trim());
      setSaving(false);
      onDone();
    } catch (e) {
      setSaving(false);
      setError(applyApiError(form, e, t, ['reason']) || null);
    }
  };
  return (
    <Modal
      open={lead !== null}
      title={lead ? `${t('cases.lead.dismiss')} · ${lead.enterpriseName}` : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button danger type="primary" loading={saving} onClick={() => void submit()} data-testid="lead-dismiss-submit">{t('cases.lead.dismiss')}</Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="lead-error" />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('cases.field.dismissReason')} rules={[req(t, 'cases.field.dismissReason')]}>
          <Input.TextArea rows={3} data-testid="field-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function LeadListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const paging = useUrlList(20);
  const { params, page, pageSize } = paging;
  const status = (STATUSES as string[]).includes(params.get('status') ?? '') ? (params.get('status') as LeadStatus) : 'open';
  const load = useLoad((signal) => caseApi.leads(status, page, pageSize, signal), [status, page, pageSize]);
  const [registering, setRegistering] = useState(false);
  const [filing, setFiling] = useState<Lead | null>(null);
  const [dismissing, setDismissing] = useState<Lead | null>(null);
  const mayRegister = can('case.write');

  const columns: TableColumnsType<Lead> = [
    { title: t('cases.field.source'), dataIndex: 'source', width: 120, render: (s: LeadSource) => t(`cases.leadSource.${s}`) },
    { title: t('cases.field.party'), dataIndex: 'enterpriseName', ellipsis: true },
    { title: t('cases.field.leadSummary'), dataIndex: 'summary', ellipsis: true },
    { title: t('cases.field.district'), dataIndex: 'districtName', width: 110 },
    { title: t('cases.field.discoveredOn'), dataIndex: 'discoveredOn', width: 120 },
    { title: t('cases.field.filingDueOn'), dataIndex: 'filingDueOn', width: 170, render: (v: string, r) => <DueDate dueOn={v} done={r.status !== 'open'} provisional={r.filingDueProvisional} /> },
    { title: t('cases.field.status'), dataIndex: 'status', width: 90, render: (s: LeadStatus) => <Tag color={STATUS_COLOR[s]}>{t(`cases.leadStatus.${s}`)}</Tag> },
  ];
  if (can('case.file')) {
    columns.push({
      title: t('cases.field.operations'),
      width: 170,
      render: (_: unknown, r) =>
        r.status === 'open' && (
          <Space>
            <Button size="small" type="primary" onClick={() => setFiling(r)} data-testid="lead-file">{t('cases.lead.file')}</Button>
            <Button size="small" danger onClick={() => setDismissing(r)} data-testid="lead-dismiss">{t('cases.lead.dismiss')}</Button>
          </Space>
        ),
    });
  }

  return (
    <Card
      title={t('cases.lead.title')}
      data-testid="lead-list"
      extra={
        mayRegister && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="lead-register">
            {t('cases.lead.register')}
          </Button>
        )
      }
    >
      <Segmented<LeadStatus>
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => paging.update({ status: v === 'open' ? undefined : v })}
        options={STATUSES.map((s) => ({ value: s, label: t(`cases.leadStatus.${s}`) }))}
        data-testid="lead-status"
      />
      <ListPage<Lead>
        load={load}
        paging={paging}
        rowKey="id"
        data-testid="lead-table"
        totalTestId="lead-total"
        columns={columns}
        scroll={{ x: 1000 }}
        onRow={(r) => ({ 'data-testid': `lead-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
        empty={t(status === 'filed' ? 'emptyState.leadsFiled' : status === 'dismissed' ? 'emptyState.leadsDismissed' : mayRegister ? 'emptyState.leadsOpen' : 'emptyState.leadsOpenReadOnly')}
        emptyAction={status === 'open' && mayRegister && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="lead-register-empty">
            {t('cases.lead.register')}
          </Button>
        )}
      />
      <RegisterLeadModal
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={() => {
          setRegistering(false);
          message.success(t('cases.lead.registered'));
          load.reload();
        }}
      />
      <FileLeadModal lead={filing} onClose={() => setFiling(null)} />
      <DismissLeadModal
        lead={dismissing}
        onClose={() => setDismissing(null)}
        onDone={() => {
          setDismissing(null);
          message.success(t('cases.lead.dismissed'));
          load.reload();
        }}
      />
    </Card>
  );
}
