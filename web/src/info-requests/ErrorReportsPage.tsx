// 报告数据错误: the reports on the records the user's unit answers for, with their clocks; answer once.
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Radio, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { infoRequestApi, type ErrorReport } from './api';

export default function ErrorReportsPage() {
  const { t } = useTranslation();
  const load = useLoad((signal) => infoRequestApi.errorReports(signal), []);
  const [answering, setAnswering] = useState<ErrorReport | null>(null);
  const [form] = Form.useForm<{ outcome: 'corrected' | 'rejected'; note: string; field?: string; value?: string }>();
  const outcome = Form.useWatch('outcome', form);
  // A published decision is corrected here (the record changes); other kinds are corrected in their own register.
  const correctsRecord = answering?.recordKind === 'penalty-decision';
  const { busy, submit } = useSubmit();
  const ok = async () => {
    const { field, value, ...v } = await form.validateFields();
    const body = v.outcome === 'corrected' && correctsRecord && field && value ? { ...v, correction: { field, value } } : v;
    if (await submit(() => infoRequestApi.answer(answering!.id, body), t('infoRequests.saved'))) { setAnswering(null); form.resetFields(); load.reload(); }
  };
  return (
    <Card title={t('infoRequests.errors.title')} data-testid="error-reports-page">
      <ListPage<ErrorReport>
        load={load}
        rowKey="id"
        data-testid="error-reports-list"
        empty={t('infoRequests.errors.empty')}
        columns={[
          { title: t('infoRequests.errors.ticket'), dataIndex: 'ticket', width: 170 },
          { title: t('infoRequests.errors.recordKind'), dataIndex: 'recordKind', width: 130, render: (v: string) => t(`infoRequests.recordKind.${v}`, { defaultValue: v }) },
          { title: t('infoRequests.errors.recordId'), dataIndex: 'recordId', width: 100 },
          { title: t('infoRequests.errors.description'), dataIndex: 'description', ellipsis: true },
          { title: t('infoRequests.field.dueOn'), dataIndex: 'dueOn', width: 150, render: (v: string, e) => (
            <>{e.status === 'open' ? <Tag color={e.overdue ? 'red' : undefined}>{v}</Tag> : v}{e.dueProvisional && <Tag color="gold">{t('infoRequests.provisional')}</Tag>}</>
          ) },
          { title: t('infoRequests.field.status'), dataIndex: 'status', width: 110, render: (v: string) => <Tag>{t(`infoRequests.errors.status.${v}`)}</Tag> },
          { title: '', key: 'act', width: 100, render: (_: unknown, e) => (e.status === 'open'
            ? <Button size="small" onClick={() => setAnswering(e)} data-testid={`er-answer-${e.id}`}>{t('infoRequests.errors.answerAction')}</Button> : null) },
        ]}
      />
      <Modal open={answering !== null} title={t('infoRequests.errors.answerAction')} onOk={() => void ok()} onCancel={() => setAnswering(null)} confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ outcome: 'corrected' }}>
          <Form.Item name="outcome" label={t('infoRequests.errors.outcome')} rules={[{ required: true }]}>
            <Radio.Group options={(['corrected', 'rejected'] as const).map((o) => ({ value: o, label: t(`infoRequests.errors.status.${o}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('infoRequests.errors.note')} rules={[{ required: true, max: 4000 }]}><Input.TextArea rows={3} data-testid="er-note" /></Form.Item>
          {outcome === 'corrected' && correctsRecord && (
            <>
              <Form.Item name="field" label={t('infoRequests.errors.correctionField')} rules={[{ required: true }]}>
                <Select data-testid="er-correction-field" options={['violation', 'facts', 'basis', 'penaltyContent', 'agency'].map((f) => ({ value: f, label: t(`disclosure.field.${f}`) }))} />
              </Form.Item>
              <Form.Item name="value" label={t('infoRequests.errors.correctionValue')} rules={[{ required: true, max: 4000 }]}><Input.TextArea rows={3} data-testid="er-correction-value" /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
