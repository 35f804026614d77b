// Staff register a request handed in or posted; 第三十一条 gives the day it counts as received.
import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../app/useSubmit';
import { infoRequestApi } from './api';

interface Values {
  channel: 'in_person' | 'post'; applicantKind: 'citizen' | 'organisation'; applicantName: string; idNumber: string; phone: string; address?: string;
  description: string; provisionForm: 'paper' | 'electronic' | 'inspection'; receivedOn: Dayjs;
}

export function RegisterModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useSubmit();
  const channel = Form.useWatch('channel', form);
  const ok = async () => {
    const { receivedOn, ...v } = await form.validateFields();
    const on = receivedOn.format('YYYY-MM-DD');
    const body = { ...v, ...(v.channel === 'in_person' ? { submittedOn: on } : { signedForOn: on }) };
    if (await submit(() => infoRequestApi.register(body), t('infoRequests.saved'))) { form.resetFields(); onSaved(); }
  };
  return (
    <Modal open={open} title={t('infoRequests.register')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'ir-register-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ channel: 'in_person', applicantKind: 'citizen', provisionForm: 'paper', receivedOn: dayjs() }}>
        <Form.Item name="channel" label={t('infoRequests.field.channel')}>
          <Radio.Group options={(['in_person', 'post'] as const).map((c) => ({ value: c, label: t(`infoRequests.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t(channel === 'post' ? 'infoRequests.date.signedFor' : 'infoRequests.date.handedIn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="applicantKind" label={t('infoRequests.field.applicantKind')}>
          <Radio.Group options={(['citizen', 'organisation'] as const).map((k) => ({ value: k, label: t(`infoRequests.applicantKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="applicantName" label={t('infoRequests.field.applicantName')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="idNumber" label={t('infoRequests.field.idNumber')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="phone" label={t('infoRequests.field.phone')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="address" label={t('infoRequests.field.address')}><Input /></Form.Item>
        <Form.Item name="description" label={t('infoRequests.field.description')} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="provisionForm" label={t('infoRequests.field.provisionForm')}>
          <Radio.Group options={(['paper', 'electronic', 'inspection'] as const).map((k) => ({ value: k, label: t(`infoRequests.provisionForm.${k}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
