// 重大行政执法案件审查委员会: meetings (attendance, quorum) and the cases waiting for discussion.
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { ListPage, useUrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import '../discretion/index'; // the case forms' strings (caseForms.*)
import { caseApi, type CaseFilters, type ProcedureDefaults } from './api';
import { CaseTable } from './CaseListPage';
import { applyApiError } from './form-errors';
import { civilOf, DateField, dayOf, StaffSelect } from './fields';
import { staffOptions, todayOn, useDirectory } from './shared';
import type { Meeting } from './types';

interface MeetingValues { heldOn?: Dayjs; location?: string; memberIds?: number[]; attendeeIds?: number[]; chairId?: number; minutes?: string }

function MeetingModal({ open, last, defaults, onClose, onDone }: { open: boolean; last?: Meeting; defaults: ProcedureDefaults | null | undefined; onClose(): void; onDone(m: Meeting): void }) {
  const { t } = useTranslation();
  const { staff } = useDirectory();
  const [form] = Form.useForm<MeetingValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const memberIds = Form.useWatch('memberIds', form) ?? [];
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  // The standing committee (its members' role) pre-fills the members and, until told otherwise, the attendees; the
  // chair and room are the bureau's settings, else the last meeting's. All at once, when the settings have answered
  // (`undefined` while they load; null when they could not be read).
  const standing = useMemo(() => staff.filter((s) => s.role === 'committee_member').map((s) => s.id), [staff]);
  useEffect(() => {
    if (!open || !standing.length || defaults === undefined || (form.getFieldValue('memberIds') as number[] | undefined)?.length) return;
    const chairId = defaults?.committeeChairId ?? (last && standing.includes(last.chairId) ? last.chairId : undefined);
    const members = chairId !== undefined && !standing.includes(chairId) ? [chairId, ...standing] : standing;
    form.setFieldsValue({ memberIds: members, attendeeIds: members });
    const location = defaults?.meetingRoom ?? last?.location;
    if (location && !form.getFieldValue('location')) form.setFieldValue('location', location);
    if (chairId !== undefined && !form.getFieldValue('chairId')) form.setFieldValue('chairId', chairId);
  }, [open, standing, last, defaults, form]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      const m = await caseApi.createMeeting({
        heldOn: civilOf(v.heldOn), location: (v.location ?? '').trim(), chairId: v.chairId!, memberIds: v.memberIds ?? [], attendeeIds: v.attendeeIds ?? [], minutes: (v.minutes ?? '').trim(),
      });
      setSaving(false);
      onDone(m);
    } catch (e) {
      setSaving(false);
      setError(applyApiError(form, e, t, ['heldOn', 'location', 'chairId', 'memberIds', 'attendeeIds', 'minutes']) || null);
    }
  };
  const req = (key: string) => ({ required: true, message: t('cases.form.required', { field: t(key) }) });
  const inMeeting = (id: number) => memberIds.includes(id);
  return (
    <Modal
      open={open}
      title={t('cases.committee.new')}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="meeting-submit">{t('common.save')}</Button>
        </Space>
      }
    >
      <div data-testid="meeting-form">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="meeting-error" />}
        <Form<MeetingValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ heldOn: dayOf(todayOn()), memberIds: [], attendeeIds: [] }}
          onValuesChange={(changed: MeetingValues, all: MeetingValues) => {
            // Attendees and the chair come from the members.
            if ('memberIds' in changed) {
              const members = all.memberIds ?? [];
              form.setFieldValue('attendeeIds', (all.attendeeIds ?? []).filter((a) => members.includes(a)));
              if (all.chairId && !members.includes(all.chairId)) form.setFieldValue('chairId', undefined);
            }
          }}
        >
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item name="heldOn" label={t('cases.committee.heldOn')} rules={[req('cases.committee.heldOn')]}>
                <DateField testId="field-heldOn" />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="location" label={t('cases.field.location')} rules={[{ ...req('cases.field.location'), whitespace: true }]}>
                <Input data-testid="field-location" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="memberIds" label={t('cases.committee.members')} rules={[req('cases.committee.members')]} extra={standing.length ? t('caseForms.committee.standingHint') : undefined}>
            <StaffSelect multiple filter={(s) => s.role === 'committee_member' || s.role === 'bureau_leader'} testId="field-memberIds" />
          </Form.Item>
          <Form.Item name="attendeeIds" label={t('cases.committee.attendees')} extra={t('cases.committee.quorumHint')}>
            <Select<number[]> mode="multiple" options={staffOptions(staff, (s) => inMeeting(s.id))} optionFilterProp="label" data-testid="field-attendeeIds" />
          </Form.Item>
          <Form.Item name="chairId" label={t('cases.committee.chair')} rules={[req('cases.committee.chair')]}>
            <Select<number> options={staffOptions(staff, (s) => inMeeting(s.id))} data-testid="field-chairId" />
          </Form.Item>
          <Form.Item name="minutes" label={t('cases.committee.minutes')}>
            <Input.TextArea rows={4} data-testid="field-minutes" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

export default function CommitteePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { name } = useDirectory();
  const meetings = useLoad((signal) => caseApi.meetings(signal), []);
  const defaults = useLoad((signal) => caseApi.procedureDefaults(signal), []);
  const [creating, setCreating] = useState(false);
  const waiting = useMemo<CaseFilters>(() => ({ stage: 'collective_discussion' }), []);
  const paging = useUrlList(10);
  const manage = can('committee.manage');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="committee-page">
      <Card
        title={t('cases.committee.title')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-new">
              {t('cases.committee.new')}
            </Button>
          )
        }
      >
        <ListPage<Meeting>
          load={meetings}
          rowKey="id"
          pageSize={10}
          data-testid="meeting-table"
          empty={t(manage ? 'emptyState.committeeMeetings' : 'emptyState.committeeMeetingsReadOnly')}
          emptyAction={manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-new-empty">
              {t('cases.committee.new')}
            </Button>
          )}
          onRow={(m) => ({ 'data-testid': `meeting-row-${m.id}` }) as HTMLAttributes<HTMLElement>}
          expandable={{ rowExpandable: (m) => !!m.minutes, expandedRowRender: (m) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.minutes}</Typography.Paragraph> }}
          columns={[
            { title: t('cases.committee.heldOn'), dataIndex: 'heldOn', width: 120 },
            { title: t('cases.field.location'), dataIndex: 'location', width: 180 },
            { title: t('cases.committee.chair'), dataIndex: 'chairId', width: 120, render: (id: number) => name(id) },
            { title: t('cases.committee.members'), dataIndex: 'memberIds', render: (ids: number[]) => ids.map(name).join('、') },
            { title: t('cases.committee.attendees'), dataIndex: 'attendeeIds', render: (ids: number[]) => ids.map(name).join('、') || '—' },
            {
              title: t('cases.committee.quorum'),
              width: 120,
              // Attendance only: the server judges the quorum when a case is discussed.
              render: (_: unknown, m) => <Tag>{m.attendeeIds.length}/{m.memberIds.length}</Tag>,
            },
          ]}
        />
      </Card>
      <Card title={t('cases.committee.waiting')} size="small">
        <CaseTable filters={waiting} paging={paging} testId="committee-cases" empty={t('emptyState.committeeCases')} />
      </Card>
      <MeetingModal
        open={creating}
        defaults={defaults.error ? null : defaults.loading ? undefined : defaults.data ?? undefined}
        last={meetings.data?.items.reduce<Meeting | undefined>((a, m) => (!a || m.id > a.id ? m : a), undefined)}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          message.success(t('cases.committee.created'));
          meetings.reload();
        }}
      />
    </Space>
  );
}
