import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Modal, Progress, Space, Table, Tag, Typography, Upload, type TableColumnsType, type UploadFile } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { errorMessage } from '../app/api';
import { airApi } from './api';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { AirNav } from './shared';
import type { HourlyImportSummary, ImportJob, Station } from './types';

type ErrorBody = { error: { code: string; message: string; details?: { errors?: HourlyImportSummary['errors'] } } };

function ImportDialog({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const result = job?.status === 'done' ? (job.result as HourlyImportSummary | ErrorBody) : null;
  const refused = result && 'error' in result ? result.error : null;
  const summary = result && !('error' in result) ? result : null;
  const errors = refused?.details?.errors ?? summary?.errors ?? [];

  const start = async () => {
    if (!file?.originFileObj) return;
    setFailure(null);
    try {
      let j = await airApi.importHourly(file.originFileObj as File, skipInvalid);
      setJob(j);
      while (j.status === 'running') {
        await new Promise((r) => setTimeout(r, 500));
        j = await airApi.job(j.id);
        setJob(j);
      }
      if (j.status === 'done' && !('error' in (j.result as object))) onDone();
      if (j.status === 'failed') setFailure(t('air.importFailed'));
    } catch (e) { setFailure(errorMessage(e)); }
  };

  return (
    <Modal open={open} title={t('air.importTitle')} width={760} onCancel={() => { setJob(null); setFile(null); onClose(); }} footer={null} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('air.importHelp')}</Typography.Paragraph>
        <Upload.Dragger accept=".csv,.xlsx" maxCount={1} beforeUpload={() => false} fileList={file ? [file] : []} onChange={({ fileList }) => setFile(fileList[0] ?? null)}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>{t('air.importDrop')}</p>
        </Upload.Dragger>
        <Space>
          <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>{t('air.skipInvalid')}</Checkbox>
          <Button type="primary" icon={<UploadOutlined />} disabled={!file || job?.status === 'running'} loading={job?.status === 'running'} onClick={() => void start()} data-testid="import-start">{t('air.importStart')}</Button>
          <Button icon={<DownloadOutlined />} onClick={() => void airApi.template()}>{t('air.template')}</Button>
        </Space>
        {job && <Progress percent={job.total ? Math.floor((job.done / job.total) * 100) : job.status === 'done' ? 100 : 5} status={job.status === 'failed' || refused ? 'exception' : job.status === 'done' ? 'success' : 'active'} format={() => `${t(`air.importStep.${job.step}`, { defaultValue: job.step })} ${job.done}/${job.total}`} />}
        {failure && <Alert type="error" message={failure} />}
        {refused && <Alert type="error" message={refused.message} />}
        {summary && <Alert type="success" message={t('air.importDone', { rows: summary.rows, days: summary.stationDays, skipped: summary.skipped })} />}
        {errors.length > 0 && (
          <Table size="small" rowKey={(e) => `${e.row}-${e.field}`} dataSource={errors} pagination={{ pageSize: 8, size: 'small' }} data-testid="import-errors"
            columns={[{ title: t('air.row'), dataIndex: 'row', width: 70 }, { title: t('air.field'), dataIndex: 'field', width: 120 }, { title: t('air.problem'), dataIndex: 'message' }]} />
        )}
      </Space>
    </Modal>
  );
}

export default function StationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const load = useLoad((signal) => airApi.stations(signal), []);
  const { reload } = load;
  const [importing, setImporting] = useState(false);
  const columns: TableColumnsType<Station> = [
    { title: t('air.stationCode'), dataIndex: 'code', width: 130 },
    { title: t('air.stationName'), dataIndex: 'name' },
    { title: t('air.level'), dataIndex: 'level', width: 120, render: (v) => <Tag>{t(`air.stationLevel.${v}`)}</Tag> },
    { title: t('air.district'), dataIndex: 'districtName', width: 160 },
    { title: t('air.township'), dataIndex: 'townshipName', width: 140, render: (v) => v ?? '—' },
    { title: t('air.coordinates'), width: 170, render: (_v, s) => `${s.longitude.toFixed(4)}, ${s.latitude.toFixed(4)}` },
  ];
  return (
    <div data-testid="air-stations-page">
      <AirNav />
      <Card title={t('air.nav.stations')} extra={can('quality.manage') && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-open">{t('air.importTitle')}</Button>}>
        <ListPage<Station> load={load} rowKey="id" size="small" columns={columns} pageSize={50} data-testid="stations" empty={t('emptyState.airStations')} />
      </Card>
      <ImportDialog open={importing} onClose={() => setImporting(false)} onDone={reload} />
    </div>
  );
}
