import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Space, Statistic, Table, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, errorMessage, messageWithoutField } from '../app/api';
import { enterpriseApi } from './api';
import type { ImportResult, ImportRowError } from './types';

interface Props {
  open: boolean;
  onClose(): void;
  onImported(): void;
}

function rowErrorsFrom(e: ApiError): ImportRowError[] | null {
  const d = e.details as { errors?: unknown } | undefined;
  if (d && Array.isArray(d.errors)) return d.errors as ImportRowError[];
  return null;
}

const FIELD_LABELS: Record<string, string> = {
  creditCode: 'enterprise.creditCode',
  name: 'enterprise.name',
  legalRepresentative: 'enterprise.legalRepresentative',
  district: 'enterprise.district',
  districtId: 'enterprise.district',
  township: 'enterprise.township',
  townshipId: 'enterprise.township',
  industryCode: 'enterprise.industryCode',
  address: 'enterprise.address',
  longitude: 'enterprise.longitude',
  latitude: 'enterprise.latitude',
  keyUnitCategories: 'enterprise.keyUnitCategories',
  creditRating: 'enterprise.creditRating',
  outfalls: 'enterprise.outfalls',
};

/** `creditCode` → 统一社会信用代码; `outfalls.1.code` → 排放口 2 编号; unknown names as given. */
function fieldLabel(t: TFunction, field: string): string {
  const [head, ...rest] = field.split('.');
  const key = FIELD_LABELS[head];
  if (!key) return field;
  if (head === 'outfalls' && rest.length) {
    const idx = Number(rest[0]);
    const sub = rest[1] === 'code' ? 'enterprise.outfallCode' : rest[1] === 'name' ? 'enterprise.outfallName' : rest[1] === 'kind' ? 'enterprise.outfallKind' : null;
    return `${t(key)} ${Number.isInteger(idx) ? idx + 1 : rest[0]}${sub ? ` ${t(sub)}` : ''}`;
  }
  return t(key);
}

function ErrorTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportRowError & { key: string }>
      size="small"
      data-testid="import-errors"
      rowKey="key"
      dataSource={errors.map((e, i) => ({ ...e, key: `${e.row}-${e.field}-${i}` }))}
      pagination={errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 70 },
        {
          title: t('import.field'),
          dataIndex: 'field',
          width: 180,
          render: (f: string) => <span title={f}>{fieldLabel(t, f)}</span>,
        },
        { title: t('import.message'), dataIndex: 'message' },
      ]}
    />
  );
}

export function ImportModal({ open, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [refused, setRefused] = useState<{ message: string; errors: ImportRowError[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setFileList([]);
    setSkipInvalid(false);
    setResult(null);
    setRefused(null);
    setError(null);
    setSubmitting(false);
  };

  const submit = async (skip: boolean) => {
    if (!file) {
      setError(t('import.noFile'));
      return;
    }
    setSubmitting(true);
    setError(null);
    setRefused(null);
    setResult(null);
    try {
      const r = await enterpriseApi.import(file, skip);
      setResult(r);
      onImported();
    } catch (e) {
      const rowErrors = e instanceof ApiError ? rowErrorsFrom(e) : null;
      if (e instanceof ApiError && e.status === 422 && rowErrors) {
        setRefused({ message: messageWithoutField(e), errors: rowErrors });
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={760}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose} data-testid="import-close">
            {t('common.close')}
          </Button>
          {refused && (
            <Button
              danger
              loading={submitting}
              onClick={() => {
                setSkipInvalid(true);
                void submit(true);
              }}
              data-testid="import-resubmit-skip"
            >
              {t('import.resubmitSkip')}
            </Button>
          )}
          <Button
            type="primary"
            loading={submitting}
            disabled={!file}
            onClick={() => void submit(skipInvalid)}
            data-testid="import-submit"
          >
            {t('import.submit')}
          </Button>
        </Space>
      }
    >
      <div data-testid="import-modal">
        <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          multiple={false}
          fileList={fileList}
          beforeUpload={(f) => {
            if (!/\.xlsx$/i.test(f.name)) {
              setError(t('import.onlyXlsx'));
              return Upload.LIST_IGNORE;
            }
            setFile(f);
            setFileList([{ uid: f.uid, name: f.name, status: 'done', size: f.size }]);
            setResult(null);
            setRefused(null);
            setError(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setFileList([]);
            setResult(null);
            setRefused(null);
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.selectFile')}</p>
        </Upload.Dragger>
        <Checkbox
          checked={skipInvalid}
          onChange={(e) => setSkipInvalid(e.target.checked)}
          style={{ marginTop: 12 }}
          data-testid="import-skip-invalid"
        >
          {t('import.skipInvalid')}
        </Checkbox>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} data-testid="import-error" />}
        {refused && (
          <div style={{ marginTop: 16 }} data-testid="import-refused">
            <Alert type="error" showIcon message={refused.message} />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('import.errorsTitle')}
            </Typography.Title>
            <ErrorTable errors={refused.errors} />
          </div>
        )}
        {result && (
          <div style={{ marginTop: 16 }} data-testid="import-result">
            <Alert type={result.errors.length ? 'warning' : 'success'} showIcon message={t('import.result')} />
            <Space size={48} style={{ marginTop: 16 }}>
              <Statistic title={t('import.created')} value={result.created} data-testid="import-created" />
              <Statistic title={t('import.updated')} value={result.updated} data-testid="import-updated" />
              <Statistic title={t('import.skipped')} value={result.skipped} data-testid="import-skipped" />
            </Space>
            {result.errors.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('import.errorsTitle')}
                </Typography.Title>
                <ErrorTable errors={result.errors} />
              </>
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}
