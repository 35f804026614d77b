import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { useAuth } from '../app/auth';
import { PageSpinner } from '../app/PageSpinner';
import { caseApi } from './api';
import { ActionModal, NextStepForm, REVIEW_POINTS } from './ActionModal';
import { ActionPanel } from './ActionPanel';
import { MemberOpinionCard } from './MemberOpinionCard';
import { NextStep, type NextStepJson } from './NextStep';
import { StageBar } from './StageBar';
import { CaseDocuments } from './CaseDocuments';
import { PartyPermits } from './PartyPermits';
import { EvidencePanel } from '../evidence/index';
import { MeasuresPanel } from '../measures/index';
import { DueDate, formatYuan, StageTag, useDirectory, Yuan } from './shared';
import type { CaseActionName, CaseDetail, CaseStage, CaseStep, LegalReview } from './types';

const MONEY_KEYS = new Set(['fineFen', 'amountFen', 'proposedFineFen']);
const DATE_KEYS = ['statementDueOn', 'hearingRequestDueOn', 'serviceDueOn', 'paymentDueOn', 'decisionDueOn', 'scheduledOn', 'noticeOn', 'requestedOn'];
const TEXT_KEYS = ['number', 'decisionNumber', 'summary', 'opinion', 'content', 'conclusion', 'reasons', 'basis', 'reason', 'record', 'location', 'court', 'receiver', 'receiptNo', 'transferTo', 'lateReason'];

/** The few facts of a step worth a line on the timeline. */
function stepLines(s: CaseStep, t: TFunction, name: (id: number) => string): string[] {
  const d = s.data;
  const lines: string[] = [];
  if (typeof d.outcome === 'string') lines.push(`${t('cases.field.outcome')}：${t(`cases.${s.kind === 'case_review' ? 'caseReviewOutcome' : 'reviewOutcome'}.${d.outcome}`)}`);
  if (s.kind === 'collective_discussion' && typeof d.decision === 'string') lines.push(`${t('cases.field.committeeDecision')}：${t(`cases.committeeDecision.${d.decision}`)}`);
  if (s.kind === 'decision' && typeof d.kind === 'string') lines.push(`${t('cases.field.decisionKind')}：${t(`cases.decisionKind.${d.kind}`)}`);
  if (typeof d.method === 'string') lines.push(`${t('cases.field.serviceMethod')}：${t(`cases.serviceMethod.${d.method}`)}`);
  if (typeof d.hostId === 'number') lines.push(`${t('cases.field.host')}：${name(d.hostId)}`);
  if (typeof d.extensionDays === 'number') lines.push(`${t('cases.field.extensionDays')}：${d.extensionDays}`);
  if (d.hearingOffered === true) lines.push(t('cases.detail.hearingOffered'));
  if (d.waived === true) lines.push(t('cases.field.waived'));
  for (const k of Object.keys(d)) if (MONEY_KEYS.has(k) && typeof d[k] === 'number' && (d[k] as number) > 0) lines.push(`${t(`cases.stepField.${k}`)}：${formatYuan(d[k] as number)}`);
  for (const k of DATE_KEYS) if (typeof d[k] === 'string') lines.push(`${t(`cases.stepField.${k}`)}：${d[k] as string}`);
  for (const k of TEXT_KEYS) if (typeof d[k] === 'string' && (d[k] as string).trim()) lines.push(`${t(`cases.stepField.${k}`)}：${d[k] as string}`);
  return lines;
}

function Section({ title, testId, children, extra }: { title: ReactNode; testId: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card title={title} size="small" data-testid={testId} extra={extra}>
      {children}
    </Card>
  );
}

function ReviewCard({ r, t }: { r: LegalReview; t: TFunction }) {
  return (
    <div data-testid={`review-${r.id}`} data-outcome={r.outcome} style={{ marginBottom: 12 }}>
      <Space wrap>
        <Tag color={r.outcome === 'passed' ? 'green' : r.outcome === 'returned' ? 'orange' : 'red'}>{t(`cases.reviewOutcome.${r.outcome}`)}</Tag>
        <span>{r.reviewerName}</span>
        <Typography.Text type="secondary">{dayjs(r.reviewedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey="point"
        style={{ marginTop: 8 }}
        dataSource={REVIEW_POINTS.map((p) => ({ point: p, ...r.findings[p] }))}
        columns={[
          { title: t('cases.detail.reviewPoint'), dataIndex: 'point', width: 160, render: (p: string) => t(`cases.reviewPoint.${p}`) },
          { title: t('cases.detail.finding'), dataIndex: 'ok', width: 90, render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{ok ? t('cases.finding.ok') : t('cases.finding.notOk')}</Tag> },
          { title: t('cases.field.note'), dataIndex: 'note' },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{t('cases.field.opinion')}：{r.opinion}</Typography.Paragraph>
    </div>
  );
}

export default function CaseDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { name } = useDirectory();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [tick, setTick] = useState(0);
  const [action, setAction] = useState<CaseActionName | null>(null);

  useEffect(() => {
    if (!id) return;
    const ctrl = new AbortController();
    setError(null);
    caseApi.get(id, ctrl.signal).then(setCase, (e: unknown) => {
      if (!ctrl.signal.aborted) setError(e instanceof Error ? e : new Error(String(e)));
    });
    return () => ctrl.abort();
  }, [id, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  if (error) {
    if (error instanceof ApiError && error.status === 404) {
      return <Result status="404" title="404" subTitle={error.message} extra={<Button onClick={() => navigate('/cases')}>{t('common.back')}</Button>} />;
    }
    return <Alert type="error" showIcon message={error.message} action={<Button size="small" onClick={reload}>{t('common.retry')}</Button>} />;
  }
  if (!c || String(c.id) !== id) return <PageSpinner />;

  // What the server adds for the case page: 下一步 and the stages this case goes through.
  const detail = c as CaseDetail & { nextStep?: NextStepJson | null; stagePath?: CaseStage[] };
  const na = <span style={{ color: '#bfbfbf' }}>—</span>;
  const n = c.notification;
  const major = (Object.keys(c.major) as (keyof CaseDetail['major'])[]).filter((k) => c.major[k]);
  const serviceDueOn = [...c.steps].reverse().find((s) => s.kind === 'decision')?.data.serviceDueOn as string | undefined;
  const outstanding = Math.max(0, c.amountDueFen - c.paidFen);
  const heldOn = [...c.steps].reverse().find((s) => s.kind === 'hearing_held')?.occurredOn;
  // The next step, when this user may take it now, has its form open on the page (no modal to open).
  const inlineAction = c.actions.find((a) => a.allowed && a.action === detail.nextStep?.what)?.action ?? null;
  const onDone = (done: CaseActionName | null) => (updated: CaseDetail) => {
    setAction(null);
    setCase(updated);
    if (done) message.success(t('cases.detail.stepDone', { action: t(`cases.action.${done}`) }));
  };
  // 暂定: the stored deadline of this kind and date was computed on a provisional holiday calendar.
  const provisional = (kind: string, dueOn: string | null | undefined) => !!c.deadlines?.some((d) => d.kind === kind && d.dueOn === dueOn && d.provisional);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="case-detail" data-case-id={c.id} data-stage={c.stage} data-version={c.version}>
      <NextStep next={detail.nextStep} name={name} />
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
            <span data-testid="case-number">{c.number}</span>
            <StageTag stage={c.stage} />
          </Space>
        }
        extra={
          <Space>
            {/* The discretion calculator (自由裁量) and the first-violation exemption (首违不罚) of this case. */}
            <Link to={`/discretion?caseId=${c.id}`} data-testid="case-discretion-link">
              <Button>{t('menu.discretion')}</Button>
            </Link>
            <Link to={`/exemptions/cases/${c.id}`} data-testid="case-exemption-link">
              <Button>{t('menu.exemptions')}</Button>
            </Link>
            {can('audit.read') && (
              <Link to={`/audit?entity=case&entityId=${c.id}`}>
                <Button icon={<AuditOutlined />}>{t('cases.detail.audit')}</Button>
              </Link>
            )}
          </Space>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('cases.field.party')}>
            <Link to={`/enterprises/${c.enterprise.id}`} data-testid="case-party">{c.enterprise.name}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.creditCode')}>{c.enterprise.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.legalRepresentative')}>{c.enterprise.legalRepresentative}</Descriptions.Item>
          <Descriptions.Item label={t('cases.field.district')}>{c.districtName}</Descriptions.Item>
          <Descriptions.Item label={t('cases.field.cause')} span={2}>{c.cause}</Descriptions.Item>
          <Descriptions.Item label={t('cases.field.actOn')}>{c.actOn}</Descriptions.Item>
          <Descriptions.Item label={t('cases.field.filedOn')}>{c.filedOn}</Descriptions.Item>
          <Descriptions.Item label={t('cases.field.decisionDueOn')}>
            <DueDate dueOn={c.decisionDueOn} done={!!c.decidedOn} testId="case-decision-due" provisional={provisional('decision', c.decisionDueOn)} />
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.field.officers')} span={2}>
            <Space wrap data-testid="case-officers">
              {c.officers.map((o) => (
                <Tag key={o.id} color={o.lead ? 'green' : undefined}>
                  {o.displayName}
                  {o.credentialNo ? `（${o.credentialNo}）` : ''}
                  {o.lead ? ` · ${t('cases.detail.leadOfficer')}` : ''}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.field.major')}>
            {major.length ? major.map((k) => <Tag key={k} color="volcano">{t(`cases.major.${k}`)}</Tag>) : na}
          </Descriptions.Item>
        </Descriptions>
        <PartyPermits caseId={c.id} />
      </Card>

      <StageBar c={detail} suspended={detail.nextStep?.what === 'await_police'} />

      <ActionPanel actions={c.actions} archived={c.archivedAt !== null} onPick={(a) => {
        if (a === inlineAction) document.querySelector('[data-testid="next-step-form"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        else setAction(a);
      }} />
      {inlineAction && action === null && <NextStepForm key={`${inlineAction}-${c.version}`} c={c} action={inlineAction} onDone={onDone(inlineAction)} />}
      <MemberOpinionCard c={c} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Section title={t('cases.detail.timeline')} testId="case-timeline">
            <Timeline
              items={c.steps.map((s) => ({
                key: s.id,
                color: s.kind === 'legal_review' || s.kind === 'collective_discussion' ? 'purple' : s.kind === 'decision' ? 'red' : 'green',
                children: (
                  <div data-testid={`step-${s.kind}`}>
                    <Space wrap size={4}>
                      <Typography.Text strong>{t(`cases.step.${s.kind}`, { defaultValue: s.kind })}</Typography.Text>
                      <Typography.Text type="secondary">{s.occurredOn}</Typography.Text>
                      {s.actorId !== null && <Typography.Text type="secondary">· {name(s.actorId)}</Typography.Text>}
                    </Space>
                    {s.officerIds.length > 0 && (
                      <div><Typography.Text type="secondary">{t('cases.field.officers')}：{s.officerIds.map(name).join('、')}</Typography.Text></div>
                    )}
                    {stepLines(s, t, name).map((l, i) => (
                      <div key={i} style={{ whiteSpace: 'pre-wrap' }}>{l}</div>
                    ))}
                  </div>
                ),
              }))}
            />
          </Section>
        </Col>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Section title={t('cases.detail.deadlines')} testId="case-deadlines">
              <Descriptions size="small" column={2}>
                <Descriptions.Item label={t('cases.field.decisionDueOn')}><DueDate dueOn={c.decisionDueOn} done={!!c.decidedOn} provisional={provisional('decision', c.decisionDueOn)} /></Descriptions.Item>
                <Descriptions.Item label={t('cases.stepField.statementDueOn')}><DueDate dueOn={n?.statementDueOn} done={!!c.decidedOn || c.statementWaived} provisional={provisional('statement', n?.statementDueOn)} /></Descriptions.Item>
                <Descriptions.Item label={t('cases.stepField.hearingRequestDueOn')}><DueDate dueOn={n?.hearingRequestDueOn} done={!!c.hearing || !!c.decidedOn} provisional={provisional('hearingRequest', n?.hearingRequestDueOn)} /></Descriptions.Item>
                <Descriptions.Item label={t('cases.stepField.serviceDueOn')}><DueDate dueOn={serviceDueOn} done={!!c.servedOn} provisional={provisional('service', serviceDueOn)} /></Descriptions.Item>
                <Descriptions.Item label={t('cases.stepField.paymentDueOn')}><DueDate dueOn={c.paymentDueOn} done={!!c.closedAt || (c.paymentDueOn !== null && outstanding === 0)} provisional={provisional('payment', c.paymentDueOn)} /></Descriptions.Item>
              </Descriptions>
            </Section>

            <Section title={t('cases.detail.proposalAndDecision')} testId="case-decision">
              <Descriptions size="small" column={2} bordered>
                <Descriptions.Item label={t('cases.field.proposedPenalty')}>
                  {c.proposal ? c.proposal.penaltyKinds.map((k) => t(`cases.penaltyKind.${k}`)).join('、') : na}
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.field.proposedFine')}><Yuan fen={c.proposal?.fineFen} testId="case-proposed-fine" /></Descriptions.Item>
                {c.proposal && (
                  <Descriptions.Item label={t('cases.field.penaltyBasis')} span={2}>{c.proposal.penaltyBasis}</Descriptions.Item>
                )}
                <Descriptions.Item label={t('cases.field.decisionNumber')}><span data-testid="case-decision-number">{c.decisionNumber ?? '—'}</span></Descriptions.Item>
                <Descriptions.Item label={t('cases.field.decisionKind')}>{c.decisionKind ? t(`cases.decisionKind.${c.decisionKind}`) : na}</Descriptions.Item>
                <Descriptions.Item label={t('cases.field.decidedOn')}>{c.decidedOn ?? na}</Descriptions.Item>
                <Descriptions.Item label={t('cases.field.decidedFine')}><Yuan fen={c.decisionFineFen} testId="case-decided-fine" /></Descriptions.Item>
                <Descriptions.Item label={t('cases.field.servedOn')}>{c.servedOn ?? na}</Descriptions.Item>
                <Descriptions.Item label={t('cases.field.notifiedOn')}>{n?.servedOn ?? na}</Descriptions.Item>
              </Descriptions>
            </Section>

            <Section title={`${t('cases.detail.legalReviews')} (${c.reviews.length})`} testId="case-reviews">
              {c.reviews.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.detail.noReviews')} /> : c.reviews.map((r) => <ReviewCard key={r.id} r={r} t={t} />)}
            </Section>

            <Section title={`${t('cases.detail.discussions')} (${c.discussions.length})`} testId="case-discussions">
              {c.discussions.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.detail.noDiscussions')} />
              ) : (
                c.discussions.map((d) => (
                  <div key={d.meetingId} style={{ marginBottom: 12 }} data-testid={`discussion-${d.meetingId}`}>
                    <Space wrap>
                      <Link to="/committee">{t('cases.detail.meetingOf', { on: d.heldOn, id: d.meetingId })}</Link>
                      <Tag color={d.decision === 'approve' ? 'green' : 'orange'}>{t(`cases.committeeDecision.${d.decision}`)}</Tag>
                    </Space>
                    <div>{d.conclusion}</div>
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                      {d.opinions.map((o) => <li key={o.memberId}>{name(o.memberId)}：{o.opinion}</li>)}
                    </ul>
                  </div>
                ))
              )}
            </Section>

            <Section title={t('cases.detail.hearing')} testId="case-hearing">
              {c.hearing ? (
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label={t('cases.field.requestedOn')}>{c.hearing.requestedOn}</Descriptions.Item>
                  <Descriptions.Item label={t('cases.field.host')}><span data-testid="hearing-host">{c.hearing.hostId ? name(c.hearing.hostId) : '—'}</span></Descriptions.Item>
                  <Descriptions.Item label={t('cases.field.noticeOn')}>{c.hearing.noticeOn ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('cases.field.scheduledOn')}>{c.hearing.scheduledOn ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('cases.field.location')}>{c.hearing.location ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('cases.field.heldOn')}>{c.hearing.heldAt ? heldOn ?? '—' : '—'}</Descriptions.Item>
                  {c.hearing.record && <Descriptions.Item label={t('cases.field.hearingRecord')} span={2}>{c.hearing.record}</Descriptions.Item>}
                </Descriptions>
              ) : (
                <Typography.Text type="secondary">{n?.hearingOffered ? t('cases.detail.hearingOfferedNotRequested') : t('cases.detail.noHearing')}</Typography.Text>
              )}
            </Section>

            <Section title={t('cases.detail.payments')} testId="case-payments">
              {c.decisionKind === null ? (
                <Typography.Text type="secondary">{t('cases.detail.noDecisionYet')}</Typography.Text>
              ) : (
                <Row gutter={16}>
                  <Col span={8}><Statistic title={t('cases.detail.amountDue')} valueRender={() => <Yuan fen={c.amountDueFen} testId="payment-due" />} /></Col>
                  <Col span={8}><Statistic title={t('cases.detail.paid')} valueRender={() => <Yuan fen={c.paidFen} testId="payment-paid" />} /></Col>
                  <Col span={8}><Statistic title={t('cases.detail.outstanding')} valueRender={() => <Yuan fen={outstanding} testId="payment-outstanding" />} /></Col>
                </Row>
              )}
              {c.decisionFineFen !== null && c.amountDueFen > c.decisionFineFen && (
                <Typography.Paragraph type="warning" data-testid="payment-surcharge">
                  {t('cases.detail.surcharge', { amount: formatYuan(c.amountDueFen - c.decisionFineFen) })}
                </Typography.Paragraph>
              )}
              {c.payments.length > 0 && (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={c.payments}
                  columns={[
                    { title: t('cases.field.paidOn'), dataIndex: 'paidOn', width: 120 },
                    { title: t('cases.field.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
                    { title: t('cases.field.receiptNo'), dataIndex: 'receiptNo', render: (v: string | null) => v ?? '—' },
                  ]}
                />
              )}
            </Section>

            <CaseDocuments caseId={c.id} version={c.version} />
            <EvidencePanel caseId={c.id} canUpload={can('case.write') && c.stage !== 'archived'} steps={c.steps} onUploaded={reload} />
            <MeasuresPanel caseId={c.id} canWrite={can('measure.write') && c.stage !== 'archived'} />
          </Space>
        </Col>
      </Row>

      <ActionModal
        c={c}
        action={action}
        onClose={() => setAction(null)}
        onDone={onDone(action)}
      />
    </Space>
  );
}
