// 法制审核 queue: cases waiting at the legal-review stage, and the reviewer-to-officer ratio.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseApi, type CaseFilters } from './api';
import { CaseTable } from './CaseListPage';
import type { ReviewerRatio } from './types';

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

export function ReviewerRatioNotice() {
  const { t } = useTranslation();
  const [ratio, setRatio] = useState<ReviewerRatio | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    caseApi.reviewerRatio(ctrl.signal).then(setRatio, () => undefined);
    return () => ctrl.abort();
  }, []);
  if (!ratio) return null;
  const figures = t('cases.review.ratio', {
    reviewers: ratio.reviewers, officers: ratio.officers, ratio: ratio.ratio === null ? '—' : pct(ratio.ratio), minimum: pct(ratio.minimum),
  });
  if (ratio.belowMinimum) {
    return <Alert type="warning" showIcon message={t('cases.review.ratioLow')} description={figures} data-testid="reviewer-ratio-warning" />;
  }
  return <Typography.Text type="secondary" data-testid="reviewer-ratio">{figures}</Typography.Text>;
}

export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const filters = useMemo<CaseFilters>(() => ({ stage: 'legal_review' }), []);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  return (
    <Card title={t('cases.review.title')} data-testid="review-queue">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <ReviewerRatioNotice />
        <CaseTable filters={filters} page={page.page} pageSize={page.pageSize} onPage={(p, ps) => setPage({ page: p, pageSize: ps })} testId="review-table" />
      </Space>
    </Card>
  );
}
