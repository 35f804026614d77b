import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../app/api';
import { useAuth } from '../app/auth';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { supervisionApi, type Complaint } from './api';
import { EnterprisePicker, SupervisionNav } from './shared';

const SOURCES = ['12369', '12345', 'letter', 'visit', 'online', 'referral'];

export default function ComplaintsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const load = useLoad((signal) => supervisionApi.complaints(signal), []);
  const { reload } = load;
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ enterpriseId: number; source: string; receivedOn: Dayjs; content: string }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await supervisionApi.createComplaint({ enterpriseId: v.enterpriseId, source: v.source, receivedOn: v.receivedOn.format('YYYY-MM-DD'), content: v.content });
      setAdding(false); form.resetFields(); reload();
    } catch (e) { void message.error(errorMessage(e)); }
  };
  const columns: TableColumnsType<Complaint> = [
    { title: t('supervision.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    { title: t('supervision.source'), dataIndex: 'source', width: 110, render: (v) => t(`supervision.source_.${v}`) },
    { title: t('supervision.enterprise'), dataIndex: 'enterpriseName', width: 220 },
    { title: t('supervision.content'), dataIndex: 'content' },
    { title: t('supervision.outcome'), dataIndex: 'outcome', width: 110, render: (v) => <Tag color={v === 'substantiated' ? 'red' : v === 'pending' ? 'blue' : 'default'}>{t(`supervision.outcome_.${v}`)}</Tag> },
    {
      title: t('monitoring.lead'), width: 130,
      render: (_v, c) => (c.leadId ? <Link to="/leads">{t('monitoring.leadNo', { id: c.leadId })}</Link> : can('case.write')
        ? <Button size="small" onClick={() => void supervisionApi.complaintLead(c.id).then(() => reload(), (e) => void message.error(errorMessage(e)))}>{t('monitoring.toLead')}</Button> : '—'),
    },
  ];
  return (
    <>
      <SupervisionNav />
      <Card title={t('supervision.complaintsTitle')} extra={can('supervision.manage') && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('supervision.addComplaint')}</Button>}>
        <ListPage load={load} rowKey="id" size="small" columns={columns} pageSize={20} data-testid="complaints" empty={t('emptyState.supervisionComplaints')} />
      </Card>
      <Modal open={adding} title={t('supervision.addComplaint')} onCancel={() => setAdding(false)} onOk={() => void save()} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="enterpriseId" label={t('supervision.enterprise')} rules={[{ required: true }]}><EnterprisePickerField /></Form.Item>
          <Space>
            <Form.Item name="source" label={t('supervision.source')} rules={[{ required: true }]}><Select style={{ width: 160 }} options={SOURCES.map((s) => ({ value: s, label: t(`supervision.source_.${s}`) }))} /></Form.Item>
            <Form.Item name="receivedOn" label={t('supervision.receivedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          </Space>
          <Form.Item name="content" label={t('supervision.content')} rules={[{ required: true }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function EnterprisePickerField({ value, onChange }: { value?: number; onChange?: (v: number | null) => void }) {
  return <EnterprisePicker value={value ?? null} onChange={(v) => onChange?.(v)} />;
}
