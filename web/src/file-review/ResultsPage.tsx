// 案卷评查 results of a year: per unit and per officer, the bands, the most common defects; Excel export.
import { useState } from 'react';
import { App, Button, Card, Col, InputNumber, Row, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { useLoad } from '../app/useLoad';
import { fileReviewApi } from './api';
import type { Defect, GroupResult } from './types';
import './strings';

export default function ResultsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, loading, reload } = useLoad((signal) => fileReviewApi.results(year, signal), [year]);
  const groupColumns = [
    { title: t('fileReview.resultsPage.key'), dataIndex: 'key' },
    { title: t('fileReview.resultsPage.cases'), dataIndex: 'cases', width: 80 },
    { title: t('fileReview.resultsPage.mean'), dataIndex: 'meanScore', width: 80 },
    { title: t('fileReview.resultsPage.min'), dataIndex: 'minScore', width: 80 },
    { title: t('fileReview.band.excellent'), dataIndex: 'excellent', width: 70 },
    { title: t('fileReview.band.qualified'), dataIndex: 'qualified', width: 70 },
    { title: t('fileReview.band.unqualified'), dataIndex: 'unqualified', width: 80 },
  ];
  return (
    <Card title={t('fileReview.results')} data-testid="file-review-results"
      extra={<Space>
        <span>{t('fileReview.resultsPage.year')}</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Button icon={<DownloadOutlined />} onClick={() => fileReviewApi.exportResults(year).catch((e: unknown) => message.error(errorMessage(e)))} data-testid="file-review-export">{t('fileReview.resultsPage.export')}</Button>
      </Space>}>
      <LoadError message={error} onRetry={reload} />
      {data && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col><Statistic title={t('fileReview.resultsPage.cases')} value={data.overall.cases} /></Col>
          <Col><Statistic title={t('fileReview.resultsPage.mean')} value={data.overall.meanScore} /></Col>
          <Col><Statistic title={t('fileReview.band.excellent')} value={data.overall.excellent} /></Col>
          <Col><Statistic title={t('fileReview.band.qualified')} value={data.overall.qualified} /></Col>
          <Col><Statistic title={t('fileReview.band.unqualified')} value={data.overall.unqualified} /></Col>
        </Row>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('fileReview.resultsPage.byUnit')}>
            <Table<GroupResult> size="small" rowKey="key" loading={loading} pagination={false} dataSource={data?.byUnit ?? []} columns={groupColumns} locale={{ emptyText: <EmptyState description={t('emptyState.fileReviewResults')} /> }} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('fileReview.resultsPage.byOfficer')}>
            <Table<GroupResult> size="small" rowKey="key" loading={loading} pagination={false} dataSource={data?.byOfficer ?? []} columns={groupColumns} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('fileReview.resultsPage.defects')} style={{ marginTop: 16 }}>
        <Table<Defect> size="small" rowKey="deductionCode" loading={loading} pagination={false} dataSource={data?.defects ?? []} data-testid="file-review-defects"
          columns={[
            { title: t('fileReview.resultsPage.code'), dataIndex: 'deductionCode', width: 80 },
            { title: t('fileReview.resultsPage.item'), dataIndex: 'itemTitle', width: 140 },
            { title: t('fileReview.resultsPage.text'), dataIndex: 'text' },
            { title: t('fileReview.resultsPage.caseCount'), dataIndex: 'cases', width: 90 },
            { title: t('fileReview.resultsPage.occurrences'), dataIndex: 'occurrences', width: 90 },
            { title: t('fileReview.resultsPage.pointsLost'), dataIndex: 'pointsLost', width: 90 },
            { title: t('fileReview.resultsPage.pointsCapped'), dataIndex: 'pointsCapped', width: 110, render: (v: number) => (v ? v : '—') },
          ]} />
        {data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="file-review-cap-note">
            {t('fileReview.resultsPage.capNote', { total: data.defects.reduce((s, d) => s + d.pointsLost, 0) })}
          </Typography.Paragraph>
        )}
      </Card>
    </Card>
  );
}
