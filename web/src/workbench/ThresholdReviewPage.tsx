// 听证标准调整复核: the legal reviewers' list after the bureau changed its hearing thresholds (行政处罚法
// 第六十三条; 环境行政处罚听证程序规定 第五条). Its total is the workbench task's count (the same query).
import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { formatYuan } from '../app/format';
import { useLoad } from '../app/useLoad';
import { workbenchApi, type ThresholdReview } from './api';

const cst = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export default function ThresholdReviewPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useLoad((signal) => workbenchApi.thresholdReview(signal), []);
  if (error) return <LoadError message={error} onRetry={reload} />;
  const figures = (f: ThresholdReview['current']) => t('workbench.thresholdReview.figures', { organisation: formatYuan(f.organisationFen), individual: formatYuan(f.individualFen) });
  return (
    <Card title={t('workbench.thresholdReview.title')} loading={loading && !data} data-testid="threshold-review" data-total={data?.total}>
      {data && (
        <>
          <Typography.Paragraph type="secondary">{t('workbench.thresholdReview.intro')}</Typography.Paragraph>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[
            { key: 'current', label: t('workbench.thresholdReview.current'), children: figures(data.current) },
            {
              key: 'previous', label: t('workbench.thresholdReview.previous'),
              children: <>{figures(data.previous)} <Typography.Text type="secondary">{data.changedAt ? t('workbench.thresholdReview.changedAt', { at: cst(data.changedAt) }) : t('workbench.thresholdReview.upgrade')}</Typography.Text></>,
            },
          ]} />
          {data.items.length === 0 ? (
            <EmptyState description={t('workbench.thresholdReview.empty')} />
          ) : (
            <>
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('workbench.thresholdReview.todo')} />
              <Table
                size="small" rowKey="id" pagination={false} dataSource={data.items}
                columns={[
                  { title: t('workbench.thresholdReview.number'), dataIndex: 'number', render: (n: string, r) => <Link to={`/cases/${r.id}`} data-testid={`threshold-case-${r.id}`}>{n}</Link> },
                  { title: t('workbench.thresholdReview.party'), dataIndex: 'enterpriseName' },
                  { title: t('workbench.thresholdReview.stage'), dataIndex: 'stage', render: (s: string) => t(`cases.stage.${s}`, { defaultValue: s }) },
                  { title: t('workbench.thresholdReview.fine'), dataIndex: 'proposedFineFen', align: 'right', render: (f: number) => formatYuan(f) },
                  { title: t('workbench.thresholdReview.hearing'), key: 'hearing', render: () => <Tag color="red">{t('workbench.thresholdReview.notOffered')}</Tag> },
                ]}
              />
            </>
          )}
        </>
      )}
    </Card>
  );
}
