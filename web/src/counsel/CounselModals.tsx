// Forms: register a counsel; assign a review task. Dates cannot lie in the future.
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../app/useSubmit';
import { COUNSEL_KINDS, counselApi, SUBJECT_KINDS, type Counsel } from './api';
import './strings';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export function RegisterCounselModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit();
  const ok = async () => {
    const v = await form.validateFields();
    const body = { ...v, firm: v.firm || null, termFromOn: day(v.termFromOn), termToOn: day(v.termToOn) };
    if (await submit(() => counselApi.register(body), t('counsel.saved'))) { form.resetFields(); onSaved(); }
  };
  return (
    <Modal open={open} title={t('counsel.register')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'counsel-register-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'external', termFromOn: dayjs() }}>
        <Form.Item name="name" label={t('counsel.field.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="kind" label={t('counsel.field.kind')}>
          <Radio.Group options={COUNSEL_KINDS.map((k) => ({ value: k, label: t(`counsel.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="firm" label={t('counsel.field.firm')}><Input /></Form.Item>
        <Form.Item name="licenceNo" label={t('counsel.field.licenceNo')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="termFromOn" label={t('counsel.field.termFromOn')} rules={[{ required: true }]}><DatePicker disabledDate={noFuture} /></Form.Item>
        <Form.Item name="termToOn" label={t('counsel.field.termToOn')}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}

export function AssignTaskModal({ open, counsels, onClose, onSaved }: { open: boolean; counsels: Counsel[]; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit();
  const ok = async () => {
    const v = await form.validateFields();
    const body = { ...v, assignedOn: day(v.assignedOn), dueOn: day(v.dueOn) };
    if (await submit(() => counselApi.assign(body), t('counsel.saved'))) { form.resetFields(); onSaved(); }
  };
  return (
    <Modal open={open} title={t('counsel.assign')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'counsel-assign-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ subjectKind: 'major_case', assignedOn: dayjs(), dueOn: dayjs().add(7, 'day') }}>
        <Form.Item name="counselId" label={t('counsel.field.counsel')} rules={[{ required: true }]}>
          <Select options={counsels.map((c) => ({ value: c.id, label: `${c.name}（${t(`counsel.kind.${c.kind}`)}）` }))} />
        </Form.Item>
        <Form.Item name="subjectKind" label={t('counsel.field.subjectKind')}>
          <Select options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`counsel.subjectKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="subjectRef" label={t('counsel.field.subjectRef')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="subjectTitle" label={t('counsel.field.subjectTitle')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="assignedOn" label={t('counsel.field.assignedOn')} rules={[{ required: true }]}><DatePicker disabledDate={noFuture} /></Form.Item>
        <Form.Item name="dueOn" label={t('counsel.field.dueOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
