// Record a meeting held: attendees (users and names), agenda linked by kind and id, and the law studied before business.
import { Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { AGENDA_KINDS, MEETING_KINDS, meetingApi, type LawStudy } from './api';
import './strings';

interface Values {
  kind: string; title: string; heldOn: Dayjs; attendeeUserIds?: number[]; attendeeNames?: string[];
  agenda?: { kind: string; ref?: string; title: string }[]; studied: boolean; lawStudy?: LawStudy; minutes?: string;
}

export function RecordMeetingModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useSubmit();
  const staff = useLoad((signal) => (open ? meetingApi.staff(signal) : Promise.resolve({ items: [] })), [open]);
  const studied = Form.useWatch('studied', form);
  const ok = async () => {
    const v = await form.validateFields();
    const body = {
      kind: v.kind, title: v.title, heldOn: v.heldOn.format('YYYY-MM-DD'), attendeeUserIds: v.attendeeUserIds ?? [], attendeeNames: v.attendeeNames ?? [],
      agenda: (v.agenda ?? []).map((a) => ({ ...a, ref: a.ref || null })), lawStudy: v.studied ? v.lawStudy : null, minutes: v.minutes || null,
    };
    if (await submit(() => meetingApi.record(body), t('meetings.saved'))) { form.resetFields(); onSaved(); }
  };
  return (
    <Modal open={open} width={720} title={t('meetings.record')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'meeting-record-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'party_group', heldOn: dayjs(), studied: true }}>
        <Form.Item name="kind" label={t('meetings.field.kind')}>
          <Select options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('meetings.field.title')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="heldOn" label={t('meetings.field.heldOn')} rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
        <Form.Item name="attendeeUserIds" label={t('meetings.field.attendeeUserIds')}>
          <Select mode="multiple" optionFilterProp="label" options={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
        </Form.Item>
        <Form.Item name="attendeeNames" label={t('meetings.field.attendeeNames')}><Select mode="tags" open={false} /></Form.Item>
        <Form.List name="agenda">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'kind']} initialValue="other"><Select style={{ width: 140 }} options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`meetings.agendaKind.${k}`) }))} /></Form.Item>
                  <Form.Item name={[f.name, 'ref']}><Input placeholder={t('meetings.field.agendaRef')} style={{ width: 180 }} /></Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}><Input placeholder={t('meetings.field.agendaTitle')} style={{ width: 260 }} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Form.Item><Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>{t('meetings.addAgenda')}</Button></Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item name="studied" valuePropName="checked"><Checkbox>{t('meetings.hasLawStudy')}</Checkbox></Form.Item>
        {studied && (
          <>
            <Form.Item name={['lawStudy', 'topic']} label={t('meetings.field.topic')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name={['lawStudy', 'materials']} label={t('meetings.field.materials')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name={['lawStudy', 'speaker']} label={t('meetings.field.speaker')} rules={[{ required: true }]}><Input /></Form.Item>
          </>
        )}
        <Form.Item name="minutes" label={t('meetings.field.minutes')}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}
