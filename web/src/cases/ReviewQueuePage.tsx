// 法制审核 queue: cases waiting at the legal-review stage, and the reviewer-to-officer ratio.
import { useMemo } from 'react';
import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { caseApi, type CaseFilters } from './api';
import { CaseTable } from './CaseListPage';

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

export function ReviewerRatioNotice() {
  const { t } = useTranslation();
  // A notice beside the queue: when it cannot load, the queue is still shown without it.
  const { data: ratio } = useLoad((signal) => caseApi.reviewerRatio(signal), []);
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
  const paging = useUrlList(20);
  return (
    <Card title={t('cases.review.title')} data-testid="review-queue">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <ReviewerRatioNotice />
        <CaseTable filters={filters} paging={paging} testId="review-table" empty={t('emptyState.reviewQueue')} />
      </Space>
    </Card>
  );
}
