// Licensing staff import a 三线一单 unit set from GeoJSON: the file is read in the browser and sent whole; the server
// checks every feature and answers with the problems per feature index, or makes the set the current version.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../app/api';
import { zoningApi } from './api';

interface Fields { label: string; source?: string }
interface Problem { index: number | null; path: string; message: string; value?: string }

export function ImportUnitsDialog({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [geojson, setGeojson] = useState<unknown>(null);
  const [failure, setFailure] = useState<{ message: string; problems: Problem[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (f: File) => {
    setFailure(null);
    try { setGeojson(JSON.parse(await f.text())); } catch { setGeojson(null); setFailure({ message: t('zoning.import.unreadable'), problems: [] }); }
  };
  const close = () => { setFile(null); setGeojson(null); setFailure(null); form.resetFields(); onClose(); };

  const submit = async (v: Fields) => {
    if (geojson === null) { setFailure({ message: t('zoning.import.fileRequired'), problems: [] }); return; }
    setBusy(true);
    setFailure(null);
    try {
      const r = await zoningApi.importUnits({ label: v.label, source: v.source || undefined, geojson });
      message.success(t('zoning.import.done', { count: r.units }));
      close();
      onDone();
    } catch (e) {
      const problems = e instanceof ApiError ? ((e.details as { problems?: Problem[] } | undefined)?.problems ?? []) : [];
      setFailure({ message: problems.length ? t('zoning.import.refused', { count: problems.length }) : errorMessage(e), problems });
    } finally { setBusy(false); }
  };

  return (
    <Modal open={open} title={t('zoning.import.title')} width={720} onCancel={close} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('zoning.import.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('zoning.import.file')} required>
          <Upload.Dragger accept=".geojson,.json,application/geo+json,application/json" maxCount={1} fileList={file ? [file] : []}
            beforeUpload={(f) => { void read(f); return false; }}
            onChange={({ fileList }) => { setFile(fileList[0] ?? null); if (!fileList.length) setGeojson(null); }} data-testid="zoning-import-file">
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>{t('zoning.import.file')}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item name="label" label={t('zoning.import.label')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} placeholder={t('zoning.import.labelPlaceholder')} data-testid="zoning-import-label" />
        </Form.Item>
        <Form.Item name="source" label={t('zoning.import.source')}>
          <Input maxLength={500} placeholder={t('zoning.import.sourcePlaceholder')} data-testid="zoning-import-source" />
        </Form.Item>
        {failure && (
          <Alert type="error" style={{ marginBottom: 12 }} message={failure.message} data-testid="zoning-import-error"
            description={failure.problems.length ? (
              <div style={{ maxHeight: 240, overflow: 'auto' }}>
                {failure.problems.map((p, i) => (
                  <div key={i} data-testid="zoning-import-problem">
                    {p.index === null ? '' : t('zoning.import.feature', { index: p.index })} {p.message}{p.value ? ` (${p.value})` : ''} — <Typography.Text code>{p.path}</Typography.Text>
                  </div>
                ))}
              </div>
            ) : undefined} />
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="zoning-import-submit">{t('zoning.import.submit')}</Button>
      </Form>
    </Modal>
  );
}
