// 谁执法谁普法: the year's plan and responsibility list per department, the activities (六进) and their figures.
import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { EvidencePanel } from '../evidence/index';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { trainingApi } from './api';
import { TrainingNav, thisYear } from './TrainingNav';
import { AUDIENCE_KINDS, type Activity, type AudienceKind, type PlanItem } from './types';

interface PlanValues { title: string; items: { departmentId: number; content: string; responsiblePerson: string; dueOn: Dayjs }[] }
interface ActivityValues { itemId: number; title: string; heldOn: Dayjs; place: string; audience: AudienceKind; materialsGiven: number; attendance: number; photos: string[] }

function PlanModal({ year, open, onClose, onDone }: { year: number; open: boolean; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const { busy, submit } = useSubmit();
  const depts = useLoad((signal) => (open ? trainingApi.departments(signal) : Promise.resolve(null)), [open]);
  const onOk = async () => {
    const v = await form.validateFields();
    const ok = await submit(() => trainingApi.createPlan({
      year, title: v.title, items: (v.items ?? []).map((i) => ({ ...i, dueOn: i.dueOn.format('YYYY-MM-DD') })),
    }), t('learning.pop.planCreated'));
    if (ok) { form.resetFields(); onDone(); }
  };
  return (
    <Modal open={open} title={t('learning.pop.createPlan', { year })} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden width={760}>
      <Form form={form} layout="vertical" initialValues={{ title: t('learning.pop.planTitle', { year }), items: [] }}>
        <Form.Item name="title" label={t('learning.pop.title')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input /></Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'departmentId']} rules={[{ required: true }]}><Select style={{ width: 160 }} placeholder={t('learning.pop.department')} options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} /></Form.Item>
                  <Form.Item name={[f.name, 'content']} rules={[{ required: true, whitespace: true }]}><Input placeholder={t('learning.pop.content')} style={{ width: 220 }} /></Form.Item>
                  <Form.Item name={[f.name, 'responsiblePerson']} rules={[{ required: true, whitespace: true }]}><Input placeholder={t('learning.pop.responsible')} style={{ width: 110 }} /></Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}><DatePicker placeholder={t('learning.pop.dueOn')} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ dueOn: dayjs(`${year}-12-31`) })} icon={<PlusOutlined />}>{t('learning.pop.addItem')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function ActivityModal({ items, open, onClose, onDone }: { items: PlanItem[]; open: boolean; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActivityValues>();
  const { busy, submit } = useSubmit();
  const onOk = async () => {
    const v = await form.validateFields();
    const ok = await submit(() => trainingApi.recordActivity({ ...v, heldOn: v.heldOn.format('YYYY-MM-DD'), photos: v.photos ?? [] }), t('learning.pop.activityRecorded'));
    if (ok) { form.resetFields(); onDone(); }
  };
  return (
    <Modal open={open} title={t('learning.pop.recordActivity')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ heldOn: dayjs(), audience: 'enterprise', materialsGiven: 0, attendance: 0, photos: [] }}>
        <Form.Item name="itemId" label={t('learning.pop.item')} rules={[{ required: true }]}>
          <Select options={items.map((i) => ({ value: i.id, label: `${i.departmentName}：${i.content}` }))} />
        </Form.Item>
        <Form.Item name="title" label={t('learning.pop.activityTitle')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="heldOn" label={t('learning.pop.heldOn')} rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="audience" label={t('learning.pop.audience')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={AUDIENCE_KINDS.map((a) => ({ value: a, label: t(`learning.audience.${a}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('learning.pop.place')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="materialsGiven" label={t('learning.pop.materialsGiven')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
          <Form.Item name="attendance" label={t('learning.pop.attendance')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        </Space>
        <Form.Item name="photos" label={t('learning.pop.photos')} extra={t('learning.pop.photosHelp')}><Select mode="tags" open={false} /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function PopularisationPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const [planning, setPlanning] = useState(false);
  const [recording, setRecording] = useState(false);
  const { submit } = useSubmit();
  const load = useLoad((signal) => trainingApi.popularisation(year, signal), [year]);
  const d = load.data;
  const manage = d?.canManage ?? false;
  const planButton = manage && d && !d.plan ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="pop-create-plan">{t('learning.pop.createPlan', { year })}</Button> : undefined;
  const activityButton = manage && d && d.items.length > 0 ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="pop-record-activity">{t('learning.pop.recordActivity')}</Button> : undefined;
  const itemsLoad = { ...load, data: d ? d.items : null };
  const activitiesLoad = { ...load, data: d ? d.activities : null };
  return (
    <div data-testid="popularisation-page">
      <TrainingNav />
      <Card title={d?.plan ? d.plan.title : t('learning.pop.title')} extra={<Space><InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />{planButton}</Space>}>
        {d && (
          <Row gutter={24} style={{ marginBottom: 16 }}>
            <Col><Statistic title={t('learning.pop.items')} value={d.progress.overall.items} /></Col>
            <Col><Statistic title={t('learning.pop.done')} value={d.progress.overall.done} /></Col>
            <Col><Statistic title={t('learning.pop.overdue')} value={d.progress.overall.overdue} /></Col>
            <Col><Statistic title={t('learning.pop.activities')} value={d.figures.overall.activities} /></Col>
            <Col><Statistic title={t('learning.pop.materialsGiven')} value={d.figures.overall.materialsGiven} /></Col>
            <Col><Statistic title={t('learning.pop.attendance')} value={d.figures.overall.attendance} /></Col>
          </Row>
        )}
        <ListPage<PlanItem>
          load={itemsLoad}
          rowKey="id"
          data-testid="pop-items"
          empty={t('learning.pop.emptyItems')}
          emptyAction={planButton}
          columns={[
            { title: t('learning.pop.department'), dataIndex: 'departmentName', width: 160 },
            { title: t('learning.pop.content'), dataIndex: 'content' },
            { title: t('learning.pop.responsible'), dataIndex: 'responsiblePerson', width: 110 },
            { title: t('learning.pop.dueOn'), dataIndex: 'dueOn', width: 120 },
            { title: t('learning.pop.activities'), dataIndex: 'activities', width: 90 },
            {
              title: t('learning.pop.status'), key: 'status', width: 160, render: (_: unknown, i: PlanItem) => (i.doneOn ? <Tag color="green">{t('learning.pop.doneOn', { on: i.doneOn })}</Tag>
                : manage ? <Button size="small" onClick={() => void submit(() => trainingApi.itemDone(i.id, dayjs().format('YYYY-MM-DD')), t('learning.pop.markedDone')).then((ok) => ok && load.reload())}>{t('learning.pop.markDone')}</Button>
                  : <Tag>{t('learning.pop.open')}</Tag>),
            },
          ]}
        />
      </Card>
      <Card title={t('learning.pop.activityList')} style={{ marginTop: 16 }} extra={activityButton}>
        <ListPage<Activity>
          load={activitiesLoad}
          rowKey="id"
          data-testid="pop-activities"
          empty={t('learning.pop.emptyActivities')}
          emptyAction={activityButton}
          columns={[
            { title: t('learning.pop.heldOn'), dataIndex: 'heldOn', width: 120 },
            { title: t('learning.pop.activityTitle'), dataIndex: 'title' },
            { title: t('learning.pop.department'), dataIndex: 'departmentName', width: 140 },
            { title: t('learning.pop.audience'), dataIndex: 'audience', width: 100, render: (a: AudienceKind) => <Tag>{t(`learning.audience.${a}`)}</Tag> },
            { title: t('learning.pop.place'), dataIndex: 'place' },
            { title: t('learning.pop.materialsGiven'), dataIndex: 'materialsGiven', width: 110 },
            { title: t('learning.pop.attendance'), dataIndex: 'attendance', width: 100 },
            { title: t('learning.pop.photos'), dataIndex: 'photos', render: (p: string[]) => p.join('；') || '—' },
          ]}
          expandable={{ expandedRowRender: (a) => <div data-testid={`pop-activity-detail-${a.id}`}><EvidencePanel owner={{ kind: 'popularisation_activity', id: a.id }} title={t('learning.pop.photoFiles')} canUpload={manage} /></div> }}
        />
      </Card>
      <PlanModal year={year} open={planning} onClose={() => setPlanning(false)} onDone={() => { setPlanning(false); load.reload(); }} />
      <ActivityModal items={d?.items ?? []} open={recording} onClose={() => setRecording(false)} onDone={() => { setRecording(false); load.reload(); }} />
    </div>
  );
}
