// One step of an application: 补正告知 (date, all missing materials), 受理 (date, on-site check), 审批决定
// (issue or refuse with reasons). The server's refusal (e.g. the 3-day notice period has passed) is shown as it comes.
import { Checkbox, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../app/useSubmit';
import { permitApi } from './api';
import type { Application } from './types';

export type Step = 'notice' | 'accept' | 'decide';

interface Values { on: Dayjs; missingMaterials?: string; onSiteCheck?: boolean; outcome?: 'approve' | 'refuse'; reasons?: string; number?: string }

export function ApplicationStepModal({ application, step, onClose, onDone }: { application: Application | null; step: Step; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useSubmit();
  const outcome = Form.useWatch('outcome', form);
  const run = async (v: Values) => {
    const on = v.on.format('YYYY-MM-DD');
    const a = application!;
    const work = step === 'notice' ? () => permitApi.notice(a.id, { noticedOn: on, missingMaterials: v.missingMaterials ?? '' })
      : step === 'accept' ? () => permitApi.accept(a.id, { acceptedOn: on, onSiteCheck: v.onSiteCheck })
        : () => permitApi.decide(a.id, { outcome: v.outcome ?? 'approve', decidedOn: on, reasons: v.reasons || null, number: v.number || null });
    if (await submit(work, t('permits.saved'))) { form.resetFields(); onDone(); }
  };
  return (
    <Modal open={application !== null} title={t(`permits.step.${step}`)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'permit-step-ok' } as never}>
      <Form form={form} layout="vertical" onFinish={run} initialValues={{ on: dayjs(), outcome: 'approve', onSiteCheck: application?.onSiteCheck ?? false }} data-testid="permit-step-form">
        <Form.Item name="on" label={t('permits.field.date')} rules={[{ required: true }]}>
          <DatePicker data-testid="permit-step-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {step === 'notice' && (
          <Form.Item name="missingMaterials" label={t('permits.field.missingMaterials')} rules={[{ required: true, whitespace: true }]} extra={t('permits.hint.notice')}>
            <Input.TextArea rows={3} data-testid="permit-step-missing" />
          </Form.Item>
        )}
        {step === 'accept' && application?.managementClass === 'key' && (
          <Form.Item name="onSiteCheck" valuePropName="checked"><Checkbox>{t('permits.field.onSiteCheck')}</Checkbox></Form.Item>
        )}
        {step === 'decide' && (
          <>
            <Form.Item name="outcome" label={t('permits.field.outcome')}>
              <Radio.Group data-testid="permit-step-outcome">
                <Radio value="approve">{t('permits.outcome.approve')}</Radio>
                <Radio value="refuse">{t('permits.outcome.refuse')}</Radio>
              </Radio.Group>
            </Form.Item>
            {outcome === 'approve' && application?.kind === 'new' && (
              <Form.Item name="number" label={t('permits.field.number')} extra={t('permits.hint.number')} initialValue={application?.proposedNumber ?? undefined}>
                <Input data-testid="permit-step-number" />
              </Form.Item>
            )}
            <Form.Item name="reasons" label={t('permits.field.reasons')} rules={[{ required: outcome === 'refuse', whitespace: true }]}>
              <Input.TextArea rows={3} data-testid="permit-step-reasons" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
