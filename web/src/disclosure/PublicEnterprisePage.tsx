// An enterprise's public page (no login): identity (法人 data), permits, positive-list status, the 12-quarter
// compliance grid (src/compliance, derived from records) and its published decisions; a link to report a data error.
import { Link, useParams } from 'react-router-dom';
import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../app/useLoad';
import { LoadError } from '../app/LoadError';
import { EmptyState } from '../app/EmptyState';
import { formatYuan } from '../app/format';
import { publicApi } from './api';
import { DownloadLinks, StatusTag } from './PublicDecisionsPage';
import type { PublicDecision } from './types';
import { ComplianceGrid, complianceApi } from '../compliance';

export default function PublicEnterprisePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useLoad((s) => publicApi.enterprise(id, s), [id]);
  const e = load.data;
  const compliance = useLoad((s) => complianceApi.enterprise(id, s), [id]);
  const c = compliance.data;
  return (
    <Card title={e?.name ?? t('disclosure.public.enterprise')} loading={load.loading && !e} extra={e && <DownloadLinks filter={{ enterpriseId: e.id }} />} data-testid="public-enterprise-page">
      <LoadError message={load.error} onRetry={load.reload} />
      {e && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('disclosure.field.creditCode')}>{e.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.field.district')}><Link to={`/public/districts/${e.districtId}`}>{e.districtName}</Link></Descriptions.Item>
            {c && <Descriptions.Item label={t('compliance.enterprise.industry')}>{c.enterprise.industryCode}</Descriptions.Item>}
            {c && (
              <Descriptions.Item label={t('compliance.enterprise.positiveList')}>
                <span data-testid="positive-list-status">{c.positiveList.listed ? <Tag color="green">{t('compliance.enterprise.onList', { since: c.positiveList.since })}</Tag> : t('compliance.enterprise.notOnList')}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <LoadError message={compliance.error} onRetry={compliance.reload} />
          {c && (
            <>
              <Typography.Title level={5}>{t('compliance.enterprise.permits')}</Typography.Title>
              <Table
                rowKey={(p) => `${p.number}-${p.validFrom}`} size="small" dataSource={c.permits} pagination={false} scroll={{ x: 500 }} style={{ marginBottom: 16 }} data-testid="public-permits"
                locale={{ emptyText: t('compliance.enterprise.noPermits') }}
                columns={[
                  { title: t('compliance.enterprise.permitNumber'), dataIndex: 'number' },
                  { title: t('compliance.enterprise.permitStatus'), dataIndex: 'status', render: (v: string) => t(`compliance.permitStatus.${v}`, { defaultValue: v }) },
                  { title: t('compliance.enterprise.validity'), key: 'v', render: (_: unknown, p) => `${p.validFrom} ~ ${p.validTo ?? '—'}` },
                ]}
              />
              <Typography.Title level={5}>{t('compliance.grid.title')}</Typography.Title>
              <ComplianceGrid grid={c} />
            </>
          )}
          <Typography.Title level={5}>{t('compliance.enterprise.decisions')}</Typography.Title>
          <Table<PublicDecision>
            rowKey="id" size="middle" dataSource={e.decisions} pagination={false} scroll={{ x: 600 }} data-testid="public-enterprise-decisions"
            locale={{ emptyText: <EmptyState description={t('disclosure.public.enterpriseEmpty')} /> }}
            columns={[
              { title: t('disclosure.field.decisionNumber'), dataIndex: 'decisionNumber', render: (v: string, d) => <Link to={`/public/decisions/${d.id}`}>{v}</Link> },
              { title: t('disclosure.field.penaltyContent'), key: 'c', render: (_: unknown, d) => d.record?.penaltyContent ?? '—' },
              { title: t('disclosure.field.fine'), key: 'f', render: (_: unknown, d) => (d.record ? formatYuan(d.record.fineFen) : '—') },
              { title: t('disclosure.field.decidedOn'), dataIndex: 'decidedOn' },
              { title: t('disclosure.field.status'), key: 's', render: (_: unknown, d) => <StatusTag d={d} /> },
            ]}
          />
          {/* 报告数据错误: the public form, prefilled with this page. */}
          <div style={{ marginTop: 16 }}><Link to={`/public/error-reports?kind=enterprise&id=${e.id}`} data-testid="report-error-link">{t('disclosure.correction.report')}</Link></div>
        </>
      )}
    </Card>
  );
}
