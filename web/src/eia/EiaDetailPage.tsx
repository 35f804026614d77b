// One EIA application: project, site on the 三线一单 map with the check stored at intake, materials and 容缺
// items, the clock with its paused periods, notices, and the actions the server says are open now
// (受理, 补正告知, 不计时期间, 容缺补交, 批复 / 不予批准, 告知承诺核查); documents as Word.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, Modal, Radio, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { refusalText } from '../app/format';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { useAuth } from '../app/auth';
import { SiteCheckResult, ZoningMap, zoningApi } from '../zoning';
import { eiaApi } from './api';
import { ClockTag } from './ClockTag';
import { STATUS_COLOR } from './EiaListPage';
import type { ActionState, ApplicationDetail, PauseKind } from './types';

function PauseModal({ detail, open, onClose, onSaved }: { detail: ApplicationDetail; open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: PauseKind; startOn: Dayjs; noticeOn: Dayjs; note?: string }>();
  const { busy, submit } = useSubmit();
  const onOk = async () => {
    const v = await form.validateFields();
    if (await submit(() => eiaApi.pause(detail.id, { kind: v.kind, startOn: v.startOn.format('YYYY-MM-DD'), noticeOn: v.noticeOn.format('YYYY-MM-DD'), note: v.note ?? null }), t('eia.pause.started'))) onSaved();
  };
  return (
    <Modal open={open} title={t('eia.pause.start')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'eia-pause-submit' } as Record<string, string>}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'expert-review', startOn: dayjs(detail.todayOn), noticeOn: dayjs(detail.todayOn) }}>
        <Form.Item name="kind" label={t('eia.pause.kind')}><Select options={(['expert-review', 'technical-assessment', 'hearing', 'publicity'] as const).map((k) => ({ value: k, label: t(`eia.pauseKind.${k}`) }))} /></Form.Item>
        <Form.Item name="startOn" label={t('eia.pause.startOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="noticeOn" label={t('eia.pause.noticeOn')} extra={t('eia.pause.noticeBasis')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="note" label={t('eia.pause.note')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

function DecisionModal({ detail, kind, grounds, onClose, onSaved }: { detail: ApplicationDetail; kind: 'approval' | 'refusal' | null; grounds: { code: string; item: string; text: string }[]; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ grounds: string[]; text: string }>();
  const { busy, submit } = useSubmit();
  const onOk = async () => {
    const v = await form.validateFields();
    if (await submit(() => eiaApi.decide(detail.id, { decision: kind!, grounds: v.grounds ?? [], text: v.text ?? '' }), t('eia.decided'))) onSaved();
  };
  return (
    <Modal open={kind !== null} title={kind ? t(`eia.decision.${kind}`) : ''} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden width={720} okButtonProps={{ 'data-testid': 'eia-decision-submit' } as Record<string, string>}>
      <Form form={form} layout="vertical" preserve={false}>
        {kind === 'refusal' && (
          <Form.Item name="grounds" label={t('eia.decision.grounds')} rules={[{ required: true }]}>
            <Checkbox.Group data-testid="eia-grounds" style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={grounds.map((g) => ({ value: g.code, label: `${g.item}${g.text}` }))} />
          </Form.Item>
        )}
        <Form.Item name="text" label={t('eia.decision.text')}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}

function VerifyModal({ detail, open, onClose, onSaved }: { detail: ApplicationDetail; open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ outcome: 'confirmed' | 'false'; reason: string; verifiedOn: Dayjs }>();
  const { busy, submit } = useSubmit();
  const onOk = async () => {
    const v = await form.validateFields();
    if (await submit(() => eiaApi.verify(detail.id, { outcome: v.outcome, reason: v.reason, verifiedOn: v.verifiedOn.format('YYYY-MM-DD') }), t('eia.verified'))) onSaved();
  };
  return (
    <Modal open={open} title={t('eia.verify')} onCancel={onClose} onOk={() => void onOk()} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ outcome: 'confirmed', verifiedOn: dayjs(detail.todayOn) }}>
        <Form.Item name="outcome"><Radio.Group options={[{ value: 'confirmed', label: t('eia.verifyOutcome.confirmed') }, { value: 'false', label: t('eia.verifyOutcome.false') }]} /></Form.Item>
        <Form.Item name="reason" label={t('eia.verifyReason')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="verifiedOn" label={t('eia.verifiedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function EiaDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useAuth();
  const load = useLoad((signal) => eiaApi.detail(id!, signal), [id]);
  const units = useLoad((signal) => (can('licensing.read') ? zoningApi.units(signal) : Promise.resolve(null)), []);
  const grounds = useLoad((signal) => eiaApi.catalogue(signal), []);
  const { busy, submit } = useSubmit();
  const [pausing, setPausing] = useState(false);
  const [deciding, setDeciding] = useState<'approval' | 'refusal' | null>(null);
  const [verifying, setVerifying] = useState(false);
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  const d = load.data;
  if (!d) return <Card loading />;
  const action = (name: string): ActionState | undefined => d.actions.find((a) => a.name === name);
  const done = () => { setPausing(false); setDeciding(null); setVerifying(false); load.reload(); };
  const button = (name: string, label: string, onClick: () => void, danger = false) => {
    const a = action(name);
    if (!a) return null;
    const b = <Button key={name} danger={danger} type={name === 'approve' ? 'primary' : 'default'} disabled={!a.allowed || busy} onClick={onClick} data-testid={`eia-action-${name}`}>{label}</Button>;
    return a.allowed ? b : <Tooltip key={name} title={refusalText(t, a.refusal?.code, a.refusal?.citation)}><span data-testid={`eia-blocked-${name}`} data-code={a.refusal?.code}>{b}</span></Tooltip>;
  };
  const openPause = d.pauses.find((p) => p.endOn === null);
  const outstanding = d.tolerated.filter((x) => x.suppliedOn === null);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="eia-detail">
      <Card title={<Space>{d.projectName}<Tag color={STATUS_COLOR[d.status]} data-testid="eia-status" data-status={d.status}>{t(`eia.status.${d.status}`)}</Tag></Space>}
        extra={<Space wrap>
          {button('accept', t('eia.actions.accept'), () => void submit(() => eiaApi.accept(d.id), t('eia.accepted')).then((ok) => ok && load.reload()))}
          {button('notice', t('eia.actions.notice'), () => void submit(() => eiaApi.notice(d.id), t('eia.noticeIssued')).then((ok) => ok && load.reload()))}
          {button('pause', t('eia.actions.pause'), () => setPausing(true))}
          {button('resume', t('eia.actions.resume'), () => void submit(() => eiaApi.resume(d.id, d.todayOn), t('eia.pause.ended')).then((ok) => ok && load.reload()))}
          {button('resubmit', t('eia.actions.resubmit'), () => void submit(() => eiaApi.resubmit(d.id, d.materials.map((m) => m.code)), t('eia.resubmitted')).then((ok) => ok && load.reload()))}
          {outstanding.length > 0 && action('supply') && outstanding.map((x) => (
            <Button key={x.code} onClick={() => void submit(() => eiaApi.supply(d.id, { code: x.code, suppliedOn: d.todayOn }), t('eia.supplied')).then((ok) => ok && load.reload())} data-testid={`eia-supply-${x.code}`}>
              {t('eia.actions.supply', { name: d.materials.find((m) => m.code === x.code)?.name ?? x.code })}
            </Button>
          ))}
          {button('publicity', t('eia.actions.publicity'), () => void submit(() => eiaApi.publicity(d.id, d.todayOn), t('eia.publicityStarted')).then((ok) => ok && load.reload()))}
          {button('hearing-notice', t('eia.actions.hearingNotice'), () => void submit(() => eiaApi.hearingNotice(d.id, d.todayOn), t('eia.hearingNoticed')).then((ok) => ok && load.reload()))}
          {button('hearing-request', t('eia.actions.hearingRequest'), () => void submit(() => eiaApi.hearingRequest(d.id, d.todayOn), t('eia.hearingRequested')).then((ok) => ok && load.reload()))}
          {button('approve', t('eia.actions.approve'), () => setDeciding('approval'))}
          {button('refuse', t('eia.actions.refuse'), () => setDeciding('refusal'), true)}
          {button('verify', t('eia.actions.verify'), () => setVerifying(true))}
          {d.documentNumber && d.decision !== 'filing' && <Button icon={<DownloadOutlined />} onClick={() => void eiaApi.document(d.id)} data-testid="eia-document">{d.documentNumber}</Button>}
        </Space>}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('eia.field.enterprise')}>{d.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('eia.field.kind')}>{t(`eia.kind.${d.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('eia.field.category')}>{t(`eia.category.${d.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('eia.field.catalogueItem')}>{d.catalogueEntry ? `${d.catalogueEntry.item} ${d.catalogueEntry.description}` : d.catalogueItem}</Descriptions.Item>
          <Descriptions.Item label={t('eia.field.industryCode')}>{d.industryCode}</Descriptions.Item>
          <Descriptions.Item label={t('eia.field.investmentYuan')}>{(d.investmentFen / 100).toLocaleString()}</Descriptions.Item>
          <Descriptions.Item label={t('eia.field.siteAddress')}>{d.siteAddress}</Descriptions.Item>
          <Descriptions.Item label={t('eia.field.receivedOn')}>{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t('eia.field.acceptedOn')}>{d.acceptedOn ?? '—'}{d.deemedAccepted ? ` (${t('eia.clock.deemedAccepted')})` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('eia.clock.title')}><ClockTag clock={d.clock} /></Descriptions.Item>
          {d.clock.decision && <Descriptions.Item label={t('eia.clock.statutoryDue')}><span data-testid="eia-statutory-due">{d.clock.decision.statutoryDueOn}</span>（{d.clock.decision.statutoryDays}{t('eia.clock.days')}，{d.clock.decision.statutoryCitation.law}{d.clock.decision.statutoryCitation.article}）</Descriptions.Item>}
          {d.clock.decision?.promisedDueOn && <Descriptions.Item label={t('eia.clock.promisedDue')}>{d.clock.decision.promisedDueOn}（{d.clock.decision.promisedWorkingDays}{t('eia.clock.workingDays')}）</Descriptions.Item>}
          {d.acceptancePublicityEndsOn && <Descriptions.Item label={t('eia.acceptancePublicity')}>{d.acceptedOn} ~ {d.acceptancePublicityEndsOn}</Descriptions.Item>}
          {d.approvalPublicityStartOn && <Descriptions.Item label={t('eia.approvalPublicity')}><span data-testid="eia-approval-publicity">{d.approvalPublicityStartOn} ~ {d.approvalPublicityEndsOn}</span></Descriptions.Item>}
          {(d.hearingNoticeOn || d.sensitiveArea) && <Descriptions.Item label={t('eia.hearing.title')}>
            <span data-testid="eia-hearing">{d.hearingNoticeOn
              ? t('eia.hearing.noticed', { on: d.hearingNoticeOn, due: d.hearingRequestDueOn }) + (d.hearingRequestedOn ? `；${t('eia.hearing.requested', { on: d.hearingRequestedOn })}` : '')
              : t('eia.hearing.required')}</span>
          </Descriptions.Item>}
          {d.verificationDueOn && <Descriptions.Item label={t('eia.verificationDueOn')}>{d.verificationDueOn}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('eia.siteCheck')} data-testid="eia-site-check">
            <ZoningMap units={units.data?.features ?? []} site={d.site} result={d.siteCheck} height={320} testId="eia-map" />
            {d.siteCheck ? <div style={{ marginTop: 12 }}><SiteCheckResult result={d.siteCheck} /></div> : <Typography.Text type="secondary">{t('eia.noSiteCheck')}</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('eia.materials')}>
            <Table size="small" rowKey="code" pagination={false} dataSource={d.materials} data-testid="eia-materials"
              locale={{ emptyText: <EmptyState description={t('eia.noMaterials')} /> }}
              columns={[
                { title: t('eia.material'), dataIndex: 'name' },
                { title: t('eia.field.status'), key: 's', width: 150, render: (_: unknown, m) => (m.supplied ? <Tag color="green">{t('eia.supplied')}</Tag>
                  : m.tolerated ? <Tag color="orange">{t('eia.toleratedUntil', { on: m.tolerated.supplyByOn })}</Tag> : <Tag color="red">{t('eia.missing')}</Tag>) },
              ]} />
          </Card>
        </Col>
      </Row>
      <Card title={t('eia.pause.title')}>
        <Table size="small" rowKey="id" pagination={false} dataSource={d.pauses} data-testid="eia-pauses"
          locale={{ emptyText: <EmptyState description={t('eia.pause.empty')} /> }}
          columns={[
            { title: t('eia.pause.kind'), dataIndex: 'kind', render: (k: string) => t(`eia.pauseKind.${k}`) },
            { title: t('eia.pause.startOn'), dataIndex: 'startOn' }, { title: t('eia.pause.endOn'), dataIndex: 'endOn', render: (v: string | null) => v ?? t('eia.pause.open') },
            { title: t('eia.pause.noticeOn'), dataIndex: 'noticeOn' }, { title: t('eia.pause.note'), dataIndex: 'note' },
          ]} />
        {openPause && <Typography.Text type="warning">{t('eia.pause.running')}</Typography.Text>}
      </Card>
      {d.notices.length > 0 && (
        <Card title={t('eia.notices')}>
          {d.notices.map((n) => (
            <Space key={n.id} direction="vertical">
              <Button icon={<DownloadOutlined />} onClick={() => void eiaApi.noticeDocument(d.id, n.id)} data-testid={`eia-notice-${n.id}`}>{n.number}（{n.issuedOn}）</Button>
              <Typography.Text>{n.missing.map((m) => m.name).join('；')}</Typography.Text>
            </Space>
          ))}
        </Card>
      )}
      <PauseModal detail={d} open={pausing} onClose={() => setPausing(false)} onSaved={done} />
      <DecisionModal detail={d} kind={deciding} grounds={grounds.data?.refusalGrounds ?? []} onClose={() => setDeciding(null)} onSaved={done} />
      <VerifyModal detail={d} open={verifying} onClose={() => setVerifying(false)} onSaved={done} />
    </Space>
  );
}
