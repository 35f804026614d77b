// The training year's figures for the year-end report: exams per unit, study, popularisation, typical cases, lapsed officers.
import { useState } from 'react';
import { App, Button, Card, Col, InputNumber, Row, Space, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { useLoad } from '../app/useLoad';
import { trainingApi } from './api';
import { TrainingNav, thisYear } from './TrainingNav';
import { STUDY_KINDS, type UnitFigures } from './types';

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

export default function YearFiguresPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear());
  const { data, error, loading, reload } = useLoad((signal) => trainingApi.figures(year, signal), [year]);
  const exportIt = async () => { try { await trainingApi.exportFigures(year); } catch (e) { message.error(errorMessage(e)); } };
  return (
    <div data-testid="training-figures-page">
      <TrainingNav />
      <Card title={t('learning.fig.title', { year })} extra={<Space>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        <Button icon={<DownloadOutlined />} onClick={() => void exportIt()} data-testid="training-figures-export">{t('learning.fig.export')}</Button>
      </Space>}>
        <LoadError message={error} onRetry={reload} />
        {data && (
          <>
            <Row gutter={24} style={{ marginBottom: 16 }}>
              <Col><Statistic title={t('learning.fig.exams')} value={data.exams.count} /></Col>
              <Col><Statistic title={t('training.coverage')} value={percent(data.exams.overall.coverage)} /></Col>
              <Col><Statistic title={t('training.passRate')} value={percent(data.exams.overall.passRate)} /></Col>
              <Col><Statistic title={t('learning.study.sessions')} value={data.study.sessions} /></Col>
              <Col><Statistic title={t('learning.pop.activities')} value={data.popularisation.overall.activities} /></Col>
              <Col><Statistic title={t('learning.pop.materialsGiven')} value={data.popularisation.overall.materialsGiven} /></Col>
              <Col><Statistic title={t('learning.fig.typicalCases')} value={data.typicalCasesPublished} /></Col>
              <Col><Statistic title={t('training.lapsed')} value={data.lapsed.count} /></Col>
            </Row>
            <Row gutter={24} style={{ marginBottom: 16 }}>
              {STUDY_KINDS.map((k) => <Col key={k}><Statistic title={t(`learning.studyKind.${k}`)} value={data.study.perKind[k]} /></Col>)}
            </Row>
          </>
        )}
        <Table<UnitFigures> size="small" rowKey="unit" loading={loading} pagination={false} dataSource={data?.exams.byUnit ?? []} data-testid="training-figures-units"
          locale={{ emptyText: <EmptyState description={t('learning.fig.noExams')} /> }}
          columns={[
            { title: t('training.unit'), dataIndex: 'unit' },
            { title: t('training.enrolled'), dataIndex: 'enrolled', width: 80 },
            { title: t('training.sat'), dataIndex: 'sat', width: 80 },
            { title: t('training.coverage'), dataIndex: 'coverage', width: 100, render: percent },
            { title: t('training.passedCount'), dataIndex: 'passed', width: 80 },
            { title: t('training.passRate'), dataIndex: 'passRate', width: 100, render: percent },
          ]} />
      </Card>
    </div>
  );
}
