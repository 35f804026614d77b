// 以案释法 (public, no login): the published typical cases, each readable in full, with a CSV download.
import { Card, Collapse, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { publicListsApi } from './publicListsApi';
import './publicListsStrings';

export default function PublicTypicalCasesPage() {
  const { t } = useTranslation();
  const load = useLoad((s) => publicListsApi.typicalCases(s), []);
  const items = load.data?.items ?? [];
  return (
    <Card title={t('publicLists.typicalCases.title')} extra={<a href={publicListsApi.typicalCasesCsvHref} download data-testid="download-csv">{t('publicLists.csv')}</a>} data-testid="public-typical-cases-page" loading={load.loading && !load.data}>
      <Typography.Paragraph type="secondary">{t('publicLists.typicalCases.intro')}</Typography.Paragraph>
      <LoadError message={load.error} onRetry={load.reload} />
      {load.data && !items.length && <EmptyState description={t('publicLists.typicalCases.empty')} />}
      {items.length > 0 && (
        <Collapse data-testid="public-typical-cases-list" items={items.map((c) => ({
          key: c.id,
          label: `${c.title}（${c.districtName}，${c.publishedAt.slice(0, 10)}）`,
          children: (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('publicLists.typicalCases.facts')}><Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.facts}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t('publicLists.typicalCases.analysis')}><Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.analysis}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t('publicLists.typicalCases.lesson')}><Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.lesson}</Typography.Text></Descriptions.Item>
            </Descriptions>
          ),
        }))} />
      )}
    </Card>
  );
}
