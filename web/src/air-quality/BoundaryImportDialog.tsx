import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../app/api';
import { airApi } from './api';
import type { BoundarySet } from './types';

interface Fields { source: string; licence: string; reviewNumber?: string }
interface Problem { path: string; message: string; value?: string }

/**
 * Administrators replace the district outlines with the bureau's licensed GeoJSON. The file is read in the
 * browser and sent with its source, licence and 审图号; the server checks it and answers with the refused features.
 */
export function BoundaryImportDialog({ open, current, onClose, onDone }: { open: boolean; current: BoundarySet | null; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [geojson, setGeojson] = useState<unknown>(null);
  const [failure, setFailure] = useState<{ message: string; problems: Problem[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (f: File) => {
    setFailure(null);
    try { setGeojson(JSON.parse(await f.text())); } catch { setGeojson(null); setFailure({ message: t('air.boundaries.fileUnreadable'), problems: [] }); }
  };

  const close = () => { setFile(null); setGeojson(null); setFailure(null); form.resetFields(); onClose(); };

  const submit = async (v: Fields) => {
    if (geojson === null) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = await airApi.importBoundaries({ source: v.source, licence: v.licence, reviewNumber: v.reviewNumber || undefined, geojson });
      message.success(t('air.boundaries.imported', { count: r.features }));
      close();
      onDone();
    } catch (e) {
      const problems = e instanceof ApiError ? ((e.details as { problems?: Problem[] } | undefined)?.problems ?? []) : [];
      setFailure({ message: errorMessage(e), problems: problems.slice(1) });
    } finally { setBusy(false); }
  };

  const remove = () => modal.confirm({
    title: t('air.boundaries.removeConfirm'),
    okButtonProps: { danger: true },
    okText: t('air.boundaries.remove'),
    onOk: async () => {
      try { await airApi.deleteBoundaries(); message.success(t('air.boundaries.removed')); close(); onDone(); } catch (e) { message.error(errorMessage(e)); }
    },
  });

  return (
    <Modal open={open} title={t('air.boundaries.import')} width={680} onCancel={close} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('air.boundaries.importHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}
        initialValues={{ source: current?.source ?? '', licence: current?.licence ?? '', reviewNumber: current?.reviewNumber ?? '' }}>
        <Form.Item label={t('air.boundaries.file')} required>
          <Upload.Dragger accept=".geojson,.json,application/geo+json,application/json" maxCount={1} fileList={file ? [file] : []}
            beforeUpload={(f) => { void read(f); return false; }}
            onChange={({ fileList }) => { setFile(fileList[0] ?? null); if (!fileList.length) setGeojson(null); }} data-testid="boundary-file">
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>{t('air.boundaries.file')}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item name="source" label={t('air.boundaries.source')} rules={[{ required: true, min: 2, whitespace: true }]}>
          <Input maxLength={200} placeholder={t('air.boundaries.sourcePlaceholder')} data-testid="boundary-source" />
        </Form.Item>
        <Form.Item name="licence" label={t('air.boundaries.licence')} rules={[{ required: true, min: 2, whitespace: true }]}>
          <Input maxLength={500} placeholder={t('air.boundaries.licencePlaceholder')} data-testid="boundary-licence" />
        </Form.Item>
        <Form.Item name="reviewNumber" label={t('air.boundaries.reviewNumberLabel')}>
          <Input maxLength={100} data-testid="boundary-review-number" />
        </Form.Item>
        {failure && (
          <Alert type="error" style={{ marginBottom: 12 }} message={failure.message} data-testid="boundary-error"
            description={failure.problems.length ? failure.problems.map((p) => <div key={p.path}>{p.path}: {p.message}{p.value ? ` (${p.value})` : ''}</div>) : undefined} />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={geojson === null} data-testid="boundary-submit">{t('air.boundaries.submit')}</Button>
          {(current?.features.length ?? 0) > 0 && <Button danger onClick={remove} data-testid="boundary-remove">{t('air.boundaries.remove')}</Button>}
        </Space>
      </Form>
    </Modal>
  );
}
