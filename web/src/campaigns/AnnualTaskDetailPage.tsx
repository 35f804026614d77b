// One annual task: its departments' months (reported, late, pending) and reports, and the monthly report form.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../app/auth';
import { useDepartments } from './AnnualTaskListPage';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { annualTaskApi } from './api';
import type { AnnualReport, AnnualTaskDetail, ReportState, ReportStatus } from './types';

export const STATE_COLOR: Record<ReportState | 'not_required', string> = { reported: 'green', reported_late: 'orange', late: 'red', pending: 'default', not_required: 'default' };

function ReportModal({ detail, open, onClose, onSaved }: { detail: AnnualTaskDetail; open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ departmentId: number; month: string; progress: string; percent?: number; status: ReportStatus; attachments?: string }>();
  const { busy, submit } = useSubmit();
  const months = [...new Set(detail.departments.flatMap((d) => d.months.map((m) => m.month)))].sort().reverse();
  const onOk = async () => {
    const v = await form.validateFields();
    const ok = await submit(() => annualTaskApi.report(detail.task.id, {
      departmentId: v.departmentId, month: v.month, progress: v.progress, percent: v.percent ?? null, status: v.status,
      attachments: (v.attachments ?? '').split(/[\n；;]/).map((s) => s.trim()).filter(Boolean),
    }), t('annualTasks.report.saved'));
    if (ok) { form.resetFields(); onSaved(); }
  };
  return (
    <Modal open={open} title={t('annualTasks.report.file')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} data-testid="report-form"
        initialValues={{ departmentId: detail.reportableDepartmentIds[0], month: months[0] ?? detail.currentMonth, status: 'on_track' }}>
        <Form.Item name="departmentId" label={t('annualTasks.report.department')} rules={[{ required: true }]}>
          <Select data-testid="report-department" options={detail.departments.filter((d) => detail.reportableDepartmentIds.includes(d.id)).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="month" label={t('annualTasks.report.month')} rules={[{ required: true }]} extra={t('annualTasks.report.monthHelp')}>
          <Select data-testid="report-month" options={months.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item name="progress" label={t('annualTasks.report.progress')} rules={[{ required: true, whitespace: true, max: 4000 }]}><Input.TextArea rows={3} data-testid="report-progress" /></Form.Item>
        <Space>
          <Form.Item name="status" label={t('annualTasks.report.status')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} data-testid="report-status" options={(['on_track', 'delayed', 'completed'] as const).map((s) => ({ value: s, label: t(`annualTasks.status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="percent" label={t('annualTasks.report.percent')}><InputNumber min={0} max={100} addonAfter="%" /></Form.Item>
        </Space>
        <Form.Item name="attachments" label={t('annualTasks.report.attachments')} extra={t('annualTasks.report.attachmentsHelp')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Edits the task (campaign.manage): the server checks the version read, so a parallel edit is refused, not overwritten. */
function EditTaskModal({ detail, open, onClose, onSaved }: { detail: AnnualTaskDetail; open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const task = detail.task;
  const [form] = Form.useForm<{ title: string; content: string; leadDepartmentId: number; coDepartmentIds?: number[]; dueOn: Dayjs; reason?: string }>();
  const { busy, submit } = useSubmit();
  const options = useDepartments().map((d) => ({ value: d.id, label: d.name }));
  const onOk = async () => {
    const v = await form.validateFields();
    const ok = await submit(() => annualTaskApi.update(task.id, {
      title: v.title, content: v.content, leadDepartmentId: v.leadDepartmentId, coDepartmentIds: v.coDepartmentIds ?? [], dueOn: v.dueOn.format('YYYY-MM-DD'), version: task.version,
      ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
    }), t('annualTasks.saved'));
    if (ok) onSaved();
  };
  return (
    <Modal open={open} title={t('annualTasks.edit')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden width={680} okButtonProps={{ 'data-testid': 'annual-task-edit-ok' } as never}>
      <Form form={form} layout="vertical" preserve={false} data-testid="annual-task-edit-form"
        initialValues={{ title: task.title, content: task.content, leadDepartmentId: task.leadDepartmentId, coDepartmentIds: task.coDepartmentIds, dueOn: dayjs(task.dueOn) }}>
        <Form.Item name="title" label={t('annualTasks.field.title')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input data-testid="annual-task-edit-title" /></Form.Item>
        <Form.Item name="content" label={t('annualTasks.field.content')} rules={[{ required: true, whitespace: true, max: 4000 }]}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="leadDepartmentId" label={t('annualTasks.field.lead')} rules={[{ required: true }]}><Select options={options} showSearch optionFilterProp="label" /></Form.Item>
        <Form.Item name="coDepartmentIds" label={t('annualTasks.field.co')}><Select mode="multiple" options={options} optionFilterProp="label" /></Form.Item>
        <Form.Item name="dueOn" label={t('annualTasks.field.dueOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="reason" label={t('annualTasks.field.reason')} rules={[{ max: 500 }]}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function AnnualTaskDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useLoad((signal) => annualTaskApi.detail(id, signal), [id]);
  const [reporting, setReporting] = useState(false);
  const [editing, setEditing] = useState(false);
  const { can } = useAuth();
  const d = load.data;
  if (!d) {
    return (
      <Card title={t('annualTasks.title')} loading={load.loading && !load.error} data-testid="annual-task-page">
        <LoadError message={load.error} onRetry={load.reload} />
        {load.error && <Link to="/annual-tasks">{t('campaigns.back')}</Link>}
      </Card>
    );
  }
  const task = d.task;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="annual-task-page">
      <Card title={task.title} extra={<Space>
        {d.reportableDepartmentIds.length > 0 && <Button type="primary" onClick={() => setReporting(true)} data-testid="report-file">{t('annualTasks.report.file')}</Button>}
        {can('campaign.manage') && <Button onClick={() => setEditing(true)} data-testid="annual-task-edit">{t('annualTasks.edit')}</Button>}
        <Link to="/annual-tasks">{t('campaigns.back')}</Link>
      </Space>}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('annualTasks.field.year')}>{task.year}</Descriptions.Item>
          <Descriptions.Item label={t('annualTasks.field.dueOn')}>{task.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('annualTasks.field.lead')}>{task.leadDepartmentName}</Descriptions.Item>
          <Descriptions.Item label={t('annualTasks.field.co')}>{task.coDepartmentNames.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('annualTasks.field.content')} span={2}>{task.content}</Descriptions.Item>
          <Descriptions.Item label={t('annualTasks.field.outcome')} span={2}>
            {d.outcome.completed ? `${d.outcome.onTime ? t('annualTasks.outcome.onTime') : t('annualTasks.outcome.late')}（${d.outcome.completedOn}）` : t('annualTasks.outcome.open')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('annualTasks.months')}>
        <Table rowKey="id" size="small" pagination={false} dataSource={d.departments} data-testid="annual-task-months"
          locale={{ emptyText: <EmptyState description={t('annualTasks.monthsEmpty')} /> }}
          columns={[
            { title: t('annualTasks.report.department'), dataIndex: 'name', width: 240, render: (v: string, r) => <>{v}{r.lead && <Tag style={{ marginInlineStart: 8 }}>{t('annualTasks.leadTag')}</Tag>}</> },
            {
              title: t('annualTasks.report.month'), key: 'months', render: (_: unknown, r) => (
                <Space wrap size={4}>{r.months.map((m) => <Tag key={m.month} color={STATE_COLOR[m.state]}>{m.month} {t(`annualTasks.state.${m.state}`)}</Tag>)}</Space>
              ),
            },
          ]} />
      </Card>
      <Card title={t('annualTasks.reports')}>
        <Table<AnnualReport> rowKey="id" size="small" dataSource={d.reports} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="annual-task-reports"
          locale={{ emptyText: <EmptyState description={t('annualTasks.reportsEmpty')} /> }}
          columns={[
            { title: t('annualTasks.report.month'), dataIndex: 'month', width: 90 },
            { title: t('annualTasks.report.department'), dataIndex: 'departmentName', width: 200 },
            { title: t('annualTasks.report.progress'), dataIndex: 'progress' },
            { title: t('annualTasks.report.status'), dataIndex: 'status', width: 100, render: (s: ReportStatus) => t(`annualTasks.status.${s}`) },
            { title: t('annualTasks.report.percent'), dataIndex: 'percent', width: 80, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
            { title: t('annualTasks.report.reportedOn'), dataIndex: 'reportedOn', width: 150, render: (v: string, r) => <>{v} <Tag color={STATE_COLOR[r.state]}>{t(`annualTasks.state.${r.state}`)}</Tag></> },
            { title: t('annualTasks.report.attachments'), dataIndex: 'attachments', width: 180, render: (v: string[]) => v.join('；') || '—' },
          ]} />
      </Card>
      <EditTaskModal detail={d} open={editing} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); load.reload(); }} />
      <ReportModal detail={d} open={reporting} onClose={() => setReporting(false)} onSaved={() => { setReporting(false); load.reload(); }} />
    </Space>
  );
}
