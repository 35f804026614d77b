// The create form (one per kind) and the follow-up event form, as modals.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormInstance, InputProps, SelectProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage, messageWithCitation, messageWithoutField } from '../app/api';
import {
  DAILY_PENALTY_GROUNDS, DETENTION_SITUATIONS, RELEASE_GROUNDS, RESTRICTION_GROUNDS, SEIZURE_GROUNDS, SUSPENSION_GROUNDS,
} from '../../../src/measures/rules/kinds';
import { REINSPECTION_FINDINGS } from '../../../src/measures/rules/daily-penalty';
import { DETENTION_OUTCOMES } from '../../../src/measures/rules/detention-transfer';
import { CRIME_OUTCOMES } from '../../../src/measures/rules/crime-transfer';
import { measureApi } from './api';
import type { DirectoryEntry, MeasureEvent, MeasureKind, MeasureView } from './types';
import './strings';

type Values = Record<string, unknown>;

/** Shows an API error on its field when the form has it (400/409/422), else returns the message for a banner. */
function showApiError(form: FormInstance, e: unknown, t: TFunction): string {
  if (!(e instanceof ApiError)) return errorMessage(e);
  const message = messageWithCitation(messageWithoutField(e), e, (law, article) => t('app.citation', { law, article }));
  if (e.field && [400, 409, 422].includes(e.status)) {
    const path = e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (form.getFieldInstance(path) !== undefined || form.getFieldValue(path) !== undefined) {
      form.setFields([{ name: path, errors: [message] }]);
      return '';
    }
  }
  return e.field ? `${e.field}: ${message}` : message;
}

const dateRule = [{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }];
const required = [{ required: true }];
const optionsOf = (t: TFunction, prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

/** Form.Item hands its control `value` and `onChange`: these wrappers pass them on. */
const DateInput = (props: InputProps) => <Input type="date" style={{ width: 180 }} {...props} />;

function OfficerSelect({ officers, multiple, ...props }: { officers: DirectoryEntry[]; multiple?: boolean } & SelectProps) {
  return (
    <Select
      {...props}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      optionFilterProp="label"
      options={officers.map((o) => ({ value: o.id, label: o.credentialNo ? `${o.displayName}（${o.credentialNo}）` : o.displayName }))}
    />
  );
}

function useOfficers(open: boolean): DirectoryEntry[] {
  const [officers, setOfficers] = useState<DirectoryEntry[]>([]);
  useEffect(() => {
    if (!open) return;
    const ctl = new AbortController();
    measureApi.officers(ctl.signal).then((r) => setOfficers(r.items)).catch(() => setOfficers([]));
    return () => ctl.abort();
  }, [open]);
  return officers;
}

function KindFields({ kind }: { kind: MeasureKind }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`measures.field.${k}`);
  const mode = Form.useWatch('mode');
  switch (kind) {
    case 'daily_penalty':
      return (
        <>
          <Form.Item name="ground" label={f('ground')} rules={required}><Select options={optionsOf(t, 'measures.dailyGround', DAILY_PENALTY_GROUNDS)} /></Form.Item>
          <Form.Item name="violation" label={f('violation')} rules={required}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="orderNumber" label={f('orderNumber')} rules={required}><Input /></Form.Item>
          <Form.Item name="orderServedOn" label={f('orderServedOn')} rules={dateRule}><DateInput /></Form.Item>
        </>
      );
    case 'seizure':
      return (
        <>
          <Form.Item name="mode" label={f('mode')} rules={required} initialValue="seal">
            <Radio.Group options={['seal', 'detain'].map((v) => ({ value: v, label: t(`measures.mode.${v}`) }))} />
          </Form.Item>
          <Form.Item name="ground" label={f('ground')} rules={required}><Select options={optionsOf(t, 'measures.seizureGround', SEIZURE_GROUNDS)} /></Form.Item>
          <Form.Item name="seriousPollutionCaused" valuePropName="checked" initialValue={false}><Checkbox>{f('seriousPollutionCaused')}</Checkbox></Form.Item>
          <Form.Item name="decisionNumber" label={f('decisionNumber')} rules={required}><Input /></Form.Item>
          <Space>
            <Form.Item name="decidedOn" label={f('decidedOn')} rules={dateRule}><DateInput /></Form.Item>
            <Form.Item name="implementedOn" label={f('implementedOn')} rules={dateRule}><DateInput /></Form.Item>
          </Space>
          <Form.Item name="emergency" valuePropName="checked" initialValue={false}><Checkbox>{f('emergency')}</Checkbox></Form.Item>
          <Form.List name="items" initialValue={[{ name: '', specification: '', quantity: '', location: '' }]}>
            {(fields, { add, remove }) => (
              <Form.Item label={f('items')} required>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: f('itemName') }]}><Input placeholder={f('itemName')} /></Form.Item>
                    <Form.Item name={[field.name, 'specification']}><Input placeholder={f('itemSpecification')} /></Form.Item>
                    <Form.Item name={[field.name, 'quantity']}><Input placeholder={f('itemQuantity')} style={{ width: 100 }} /></Form.Item>
                    <Form.Item name={[field.name, 'location']}><Input placeholder={f('itemLocation')} /></Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', specification: '', quantity: '', location: '' })}>{t('measures.addItem')}</Button>
              </Form.Item>
            )}
          </Form.List>
        </>
      );
    case 'production_restriction':
      return (
        <>
          <Form.Item name="mode" label={f('mode')} rules={required} initialValue="restriction">
            <Radio.Group options={['restriction', 'suspension'].map((v) => ({ value: v, label: t(`measures.mode.${v}`) }))} />
          </Form.Item>
          <Form.Item name="ground" label={f('ground')} rules={required}>
            <Select options={optionsOf(t, 'measures.restrictionGround', mode === 'suspension' ? SUSPENSION_GROUNDS : RESTRICTION_GROUNDS)} />
          </Form.Item>
          <Form.Item name="decisionNumber" label={f('decisionNumber')} rules={required}><Input /></Form.Item>
          <Space>
            <Form.Item name="decidedOn" label={f('decidedOn')} rules={dateRule}><DateInput /></Form.Item>
            <Form.Item name="servedOn" label={f('servedOn')} rules={dateRule}><DateInput /></Form.Item>
          </Space>
          <Form.Item name="requirements" label={f('requirements')} rules={required}><Input.TextArea rows={2} /></Form.Item>
        </>
      );
    case 'detention_transfer':
      return (
        <>
          <Form.Item name="situation" label={f('situation')} rules={required}><Select options={optionsOf(t, 'measures.situation', DETENTION_SITUATIONS)} /></Form.Item>
          <Form.List name="persons" initialValue={[{ name: '', position: '' }]}>
            {(fields, { add, remove }) => (
              <Form.Item label={f('persons')} required>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: f('personName') }]}><Input placeholder={f('personName')} /></Form.Item>
                    <Form.Item name={[field.name, 'position']}><Input placeholder={f('personPosition')} /></Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', position: '' })}>{t('measures.addPerson')}</Button>
              </Form.Item>
            )}
          </Form.List>
          <Form.Item name="facts" label={f('facts')} rules={required}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="decidedOn" label={f('decidedOn')} rules={dateRule}><DateInput /></Form.Item>
        </>
      );
    case 'crime_transfer':
      return (
        <>
          <Form.Item name="suspectedCrime" label={f('suspectedCrime')} rules={required}><Input placeholder="污染环境罪" /></Form.Item>
          <Form.Item name="facts" label={f('facts')} rules={required}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="reportOn" label={f('reportOn')} rules={dateRule}><DateInput /></Form.Item>
        </>
      );
  }
}

export function CreateMeasureModal({ caseId, kind, onClose, onCreated }: { caseId: number; kind: MeasureKind | null; onClose: () => void; onCreated: (m: MeasureView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const officers = useOfficers(kind !== null);

  useEffect(() => {
    if (kind) { form.resetFields(); setError(''); }
  }, [kind, form]);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    setError('');
    try {
      const created = await measureApi.create(caseId, { ...values, kind } as never);
      message.success(t('measures.created'));
      onCreated(created);
    } catch (e) {
      setError(showApiError(form, e, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open={kind !== null} title={kind ? `${t('measures.add')}：${t(`measures.kind.${kind}`)}` : ''} onCancel={onClose} onOk={submit}
      confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} width={720} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {kind && (
        <Form form={form} layout="vertical" data-testid="measure-create-form">
          <Form.Item name="responsibleOfficerId" label={t('measures.field.responsibleOfficerId')} rules={required}>
            <OfficerSelect officers={officers} />
          </Form.Item>
          <KindFields kind={kind} />
          <Form.Item name="note" label={t('measures.field.note')}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function EventFields({ event, measure, officers }: { event: MeasureEvent; measure: MeasureView; officers: DirectoryEntry[] }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`measures.field.${k}`);
  const outcome = Form.useWatch('outcome');
  const approved = Form.useWatch('approved');
  const lateReason = <Form.Item name="lateReason" label={f('lateReason')}><Input /></Form.Item>;
  const note = <Form.Item name="note" label={f('note')}><Input.TextArea rows={2} /></Form.Item>;
  switch (event) {
    case 'reinspection':
      return (
        <>
          <Form.Item name="inspectedOn" label={f('inspectedOn')} rules={dateRule}><DateInput /></Form.Item>
          <Form.Item name="officerIds" label={f('officerIds')} rules={required}><OfficerSelect officers={officers} multiple /></Form.Item>
          <Form.Item name="finding" label={f('finding')} rules={required}><Radio.Group options={optionsOf(t, 'measures.finding', REINSPECTION_FINDINGS)} /></Form.Item>
          {note}
        </>
      );
    case 'decide':
      return (
        <>
          <Form.Item name="decidedOn" label={f('decidedOn')} rules={dateRule}><DateInput /></Form.Item>
          <Form.Item name="decisionNumber" label={f('dailyDecisionNumber')}><Input /></Form.Item>
        </>
      );
    case 'extension':
      return (
        <>
          <Form.Item name="approvedOn" label={f('approvedOn')} rules={dateRule}><DateInput /></Form.Item>
          {measure.kind === 'seizure'
            ? <Form.Item name="days" label={f('days')} rules={required}><InputNumber min={1} max={30} /></Form.Item>
            : <Form.Item name="months" label={f('months')} rules={required}><InputNumber min={1} max={3} /></Form.Item>}
          <Form.Item name="reason" label={f('reason')} rules={required}><Input.TextArea rows={2} /></Form.Item>
        </>
      );
    case 'release':
      return (
        <>
          <Form.Item name="releasedOn" label={f('releasedOn')} rules={dateRule}><DateInput /></Form.Item>
          <Form.Item name="ground" label={f('releaseGround')} rules={required}><Select options={optionsOf(t, 'measures.releaseGround', RELEASE_GROUNDS)} /></Form.Item>
          {note}
        </>
      );
    case 'plan':
      return (
        <>
          <Form.Item name="filedOn" label={f('filedOn')} rules={dateRule}><DateInput /></Form.Item>
          <Form.Item name="summary" label={f('summary')} rules={required}><Input.TextArea rows={3} /></Form.Item>
        </>
      );
    case 'lifting':
      return (
        <>
          <Form.Item name="liftedOn" label={f('liftedOn')} rules={dateRule}><DateInput /></Form.Item>
          {note}
        </>
      );
    case 'approval':
      return (
        <>
          <Form.Item name="decidedOn" label={f('decidedOn')} rules={dateRule}><DateInput /></Form.Item>
          <Form.Item name="approved" label={f('approved')} rules={required} initialValue>
            <Radio.Group options={[{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }]} />
          </Form.Item>
          <Form.Item name="reason" label={f('reason')} rules={approved === false ? required : []}><Input.TextArea rows={2} /></Form.Item>
          {lateReason}
        </>
      );
    case 'transfer':
      return (
        <>
          <Form.Item name="transferredOn" label={f('transferredOn')} rules={dateRule}><DateInput /></Form.Item>
          <Form.Item name="receivingOrgan" label={f('receivingOrgan')} rules={required}><Input placeholder="烟台市公安局" /></Form.Item>
          {measure.kind === 'crime_transfer' && <Form.Item name="materialsText" label={f('materials')}><Input.TextArea rows={3} /></Form.Item>}
          {lateReason}
        </>
      );
    case 'outcome':
      return (
        <>
          <Form.Item name="outcome" label={f('outcome')} rules={required}>
            <Select options={optionsOf(t, 'measures.outcomeValue', measure.kind === 'detention_transfer' ? DETENTION_OUTCOMES : CRIME_OUTCOMES)} />
          </Form.Item>
          <Form.Item name="decidedOn" label={f('decidedOn')} rules={dateRule}><DateInput /></Form.Item>
          {outcome === 'detained' && <Form.Item name="detentionDays" label={f('detentionDays')} rules={required}><InputNumber min={5} max={15} /></Form.Item>}
          {note}
        </>
      );
  }
}

export function EventModal({ measure, event, onClose, onSaved }: { measure: MeasureView | null; event: MeasureEvent | null; onClose: () => void; onSaved: (m: MeasureView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const open = measure !== null && event !== null;
  const officers = useOfficers(open && event === 'reinspection');

  useEffect(() => {
    if (open) { form.resetFields(); setError(''); }
  }, [open, form]);

  async function submit() {
    if (!measure || !event) return;
    const { materialsText, ...values } = await form.validateFields();
    if (typeof materialsText === 'string') values.materials = materialsText.split('\n').map((s) => s.trim()).filter(Boolean);
    setSaving(true);
    setError('');
    try {
      const saved = await measureApi.record(measure.id, event, values as never);
      message.success(t('measures.saved'));
      onSaved(saved);
    } catch (e) {
      setError(showApiError(form, e, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open={open} title={event ? t(`measures.event.${event}`) : ''} onCancel={onClose} onOk={submit} confirmLoading={saving}
      okText={t('common.save')} cancelText={t('common.cancel')} width={600} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {open && (
        <Form form={form} layout="vertical" data-testid={`measure-event-form-${event}`}>
          <EventFields event={event} measure={measure} officers={officers} />
        </Form>
      )}
    </Modal>
  );
}
