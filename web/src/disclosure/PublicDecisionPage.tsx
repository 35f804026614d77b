// One published decision (public, no login): the 双公示 fields as redacted when published; a withdrawn one shows
// only its withdrawal and the reason (行政处罚法 第四十八条第二款).
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Descriptions, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../app/useLoad';
import { LoadError } from '../app/LoadError';
import { formatYuan } from '../app/format';
import { publicApi } from './api';
import { StatusTag } from './PublicDecisionsPage';

export default function PublicDecisionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useLoad((s) => publicApi.decision(id, s), [id]);
  const d = load.data;
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  if (!d) return <Spin data-testid="page-loading" />;
  const r = d.record;
  return (
    <Card title={<span>{d.decisionNumber} <StatusTag d={d} /></span>} extra={<Link to="/public">{t('disclosure.public.back')}</Link>} data-testid="public-decision-page">
      {d.status === 'withdrawn' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="withdrawal-notice"
          message={t('disclosure.public.withdrawnOn', { on: d.withdrawnOn })} description={`${t('disclosure.field.withdrawalReason')}：${d.withdrawalReason ?? ''}`} />
      )}
      {d.corrections.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="correction-notice" message={t('disclosure.correction.title')}
          description={d.corrections.map((c, i) => (
            <div key={i}>{t('disclosure.correction.line', { on: c.correctedOn, field: t(`disclosure.field.${c.field}`), from: c.from, to: c.to, note: c.note })}</div>
          ))} />
      )}
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label={t('disclosure.field.party')}>
          {d.enterpriseId ? <Link to={`/public/enterprises/${d.enterpriseId}`}>{d.partyName}</Link> : d.partyName}
        </Descriptions.Item>
        {r?.creditCode && <Descriptions.Item label={t('disclosure.field.creditCode')}>{r.creditCode}</Descriptions.Item>}
        <Descriptions.Item label={t('disclosure.field.decisionNumber')}>{d.decisionNumber}</Descriptions.Item>
        {r && (
          <>
            <Descriptions.Item label={t('disclosure.field.violation')}>{r.violation}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.field.facts')}><span data-testid="decision-facts">{r.facts}</span></Descriptions.Item>
            <Descriptions.Item label={t('disclosure.field.basis')}>{r.basis}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.field.penaltyContent')}>{r.penaltyContent}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.field.fine')}>{formatYuan(r.fineFen)}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.field.agency')}>{r.agency}</Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('disclosure.field.decidedOn')}>{d.decidedOn}</Descriptions.Item>
        <Descriptions.Item label={t('disclosure.field.district')}>{d.districtName}</Descriptions.Item>
        <Descriptions.Item label={t('disclosure.field.publishedOn')}>{d.publishedOn}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 16 }}>
        {/* 报告数据错误: the public form, prefilled with this record. */}
        <Link to={`/public/error-reports?kind=penalty-decision&id=${d.id}`} data-testid="report-error-link">{t('disclosure.correction.report')}</Link>
      </Space>
    </Card>
  );
}
