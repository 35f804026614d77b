// 年度重点任务: the tasks of a year with their outcome and late monthly reports; the create modal for managers.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { ListPage, useUrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { annualTaskApi } from './api';
import type { AnnualTaskListItem } from './types';

export function useDepartments() {
  const load = useLoad((signal) => annualTaskApi.departments(signal), []);
  return load.data?.items ?? [];
}

function CreateTaskModal({ open, year, onClose, onSaved }: { open: boolean; year: number; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ year: number; title: string; content: string; leadDepartmentId: number; coDepartmentIds?: number[]; dueOn: Dayjs }>();
  const { busy, submit } = useSubmit();
  const departments = useDepartments();
  const options = departments.map((d) => ({ value: d.id, label: d.name }));
  const onOk = async () => {
    const v = await form.validateFields();
    const ok = await submit(() => annualTaskApi.create({
      year: v.year, title: v.title, content: v.content, leadDepartmentId: v.leadDepartmentId, coDepartmentIds: v.coDepartmentIds ?? [], dueOn: v.dueOn.format('YYYY-MM-DD'),
    }), t('annualTasks.created'));
    if (ok) { form.resetFields(); onSaved(); }
  };
  return (
    <Modal open={open} title={t('annualTasks.create')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden width={680}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ year }} data-testid="annual-task-form">
        <Form.Item name="year" label={t('annualTasks.field.year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="title" label={t('annualTasks.field.title')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input data-testid="annual-task-title" /></Form.Item>
        <Form.Item name="content" label={t('annualTasks.field.content')} rules={[{ required: true, whitespace: true, max: 4000 }]}><Input.TextArea rows={3} data-testid="annual-task-content" /></Form.Item>
        <Form.Item name="leadDepartmentId" label={t('annualTasks.field.lead')} rules={[{ required: true }]}>
          <Select options={options} showSearch optionFilterProp="label" data-testid="annual-task-lead" />
        </Form.Item>
        <Form.Item name="coDepartmentIds" label={t('annualTasks.field.co')}>
          <Select mode="multiple" options={options} optionFilterProp="label" data-testid="annual-task-co" />
        </Form.Item>
        <Form.Item name="dueOn" label={t('annualTasks.field.dueOn')} rules={[{ required: true }]}><DatePicker data-testid="annual-task-due" /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function AnnualTaskListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { params, update } = useUrlList();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const manage = can('campaign.manage');
  const [creating, setCreating] = useState(false);
  const load = useLoad((signal) => annualTaskApi.list(year, signal), [year]);
  const createButton = manage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="annual-task-create">{t('annualTasks.create')}</Button>
  ) : undefined;
  return (
    <Card
      title={t('annualTasks.title')}
      extra={<Space>{createButton}<Link to="/annual-tasks/dispatch"><Button data-testid="annual-dispatch-link">{t('annualTasks.dispatch')}</Button></Link></Space>}
      data-testid="annual-tasks-page"
    >
      <ListPage<AnnualTaskListItem>
        load={load}
        rowKey="id"
        data-testid="annual-tasks-list"
        filters={
          <Select<number> value={year} onChange={(v) => update({ year: v === thisYear ? undefined : v })} style={{ width: 140 }} data-testid="annual-year"
            options={Array.from({ length: 6 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: t('annualTasks.yearLabel', { year: y }) }))} />
        }
        empty={manage ? t('annualTasks.emptyManage', { year }) : t('annualTasks.empty', { year })}
        emptyAction={createButton}
        columns={[
          { title: t('annualTasks.field.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/annual-tasks/${r.id}`}>{v}</Link> },
          { title: t('annualTasks.field.lead'), dataIndex: 'leadDepartmentName', width: 200 },
          { title: t('annualTasks.field.co'), dataIndex: 'coDepartmentNames', width: 220, render: (v: string[]) => v.join('、') || '—' },
          { title: t('annualTasks.field.dueOn'), dataIndex: 'dueOn', width: 120 },
          {
            title: t('annualTasks.field.outcome'), key: 'outcome', width: 130, render: (_: unknown, r) => (r.completed
              ? <Tag color={r.onTime ? 'green' : 'orange'}>{r.onTime ? t('annualTasks.outcome.onTime') : t('annualTasks.outcome.late')}</Tag>
              : <Tag>{t('annualTasks.outcome.open')}</Tag>),
          },
          { title: t('annualTasks.field.lateReports'), dataIndex: 'lateReports', width: 110, render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
        ]}
      />
      <CreateTaskModal open={creating} year={year} onClose={() => setCreating(false)} onSaved={() => { setCreating(false); load.reload(); }} />
    </Card>
  );
}
