// 执法全过程记录: a case's evidence files (photos, body-camera video, audio, scans, PDFs) with upload.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Alert, Button, Card, Col, DatePicker, Form, Image, Input, InputNumber, Progress, Row, Select, Space, Table, Tag, Tooltip, Typography, Upload,
  type UploadFile,
} from 'antd';
import {
  AudioOutlined, DownloadOutlined, FileOutlined, FilePdfOutlined, InboxOutlined, UploadOutlined, VideoCameraOutlined,
} from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage, messageWithoutField } from '../app/api';
import { evidenceApi, type EvidenceTarget } from './api';
import { EVIDENCE_KINDS, type EvidenceFormValues, type EvidenceItem, type EvidenceKind, type EvidenceList, type EvidenceOwnerKind } from './types';

export interface EvidencePanelProps {
  /** A case's evidence, or (`owner`) the files of another record: study-session materials, activity photos. */
  caseId?: number;
  owner?: { kind: EvidenceOwnerKind; id: number };
  /** The card's title (default: the case evidence title). */
  title?: string;
  /** Whether the user may upload (case.write and the case not archived); the server checks again. */
  canUpload: boolean;
  /** The case's steps, so an upload can be attached to one (optional). */
  steps?: { id: number; kind: string; occurredOn: string }[];
  /** Called after a successful upload (e.g. to refresh the case timeline). */
  onUploaded?: () => void;
}

const FORM_FIELDS = ['kind', 'stepId', 'device', 'capturedAt', 'location', 'longitude', 'latitude', 'note'] as const;

/** Browsers render these inline; HEIC and TIFF get an icon. */
const THUMBNAIL_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/bmp', 'image/gif']);

function kindFromMime(mime: string): EvidenceKind {
  if (mime.startsWith('image/')) return 'photo';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime === 'application/pdf') return 'pdf';
  return 'other';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

function formatInstant(iso: string | null, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

function Thumbnail({ item }: { item: EvidenceItem }) {
  const box = { width: 56, height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 24, color: '#8c8c8c' } as const;
  if (THUMBNAIL_TYPES.has(item.mimeType)) {
    return <Image src={item.contentUrl} alt={item.fileName} width={56} height={56} style={{ objectFit: 'cover' }} data-testid="evidence-thumbnail" />;
  }
  const icon = item.mimeType.startsWith('video/') ? <VideoCameraOutlined />
    : item.mimeType.startsWith('audio/') ? <AudioOutlined />
      : item.mimeType === 'application/pdf' ? <FilePdfOutlined /> : <FileOutlined />;
  return <div style={box}>{icon}</div>;
}

interface FormShape extends Omit<EvidenceFormValues, 'capturedAt'> { capturedAt?: Dayjs | null }

export function EvidencePanel({ caseId, owner, title, canUpload, steps, onUploaded }: EvidencePanelProps) {
  const ownerKind = owner?.kind;
  const ownerId = owner?.id;
  const target = useCallback((): EvidenceTarget => (ownerKind !== undefined && ownerId !== undefined ? { kind: ownerKind, id: ownerId } : caseId!), [caseId, ownerKind, ownerId]);
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<EvidenceList | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [form] = Form.useForm<FormShape>();
  const abortRef = useRef<AbortController | null>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    setLoading(true);
    setLoadError(null);
    try {
      setData(await evidenceApi.list(target(), signal));
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setLoadError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [target]);

  useEffect(() => {
    const ac = new AbortController();
    void load(ac.signal);
    return () => {
      ac.abort();
      abortRef.current?.abort();
    };
  }, [load]);

  const limits = data?.limits;
  const kindLabel = (k: string) => t(`evidence.kinds.${k}`, { defaultValue: k });

  const pick = (f: File) => {
    setUploadError(null);
    setNotice(null);
    if (limits && f.size > limits.maxBytes) {
      setUploadError(t('evidence.tooLarge', { max: formatBytes(limits.maxBytes) }));
      return Upload.LIST_IGNORE;
    }
    setFile(f);
    setFileList([{ uid: `${f.name}-${f.size}`, name: `${f.name} (${formatBytes(f.size)})`, status: 'done' }]);
    if (!form.isFieldTouched('kind')) form.setFieldValue('kind', kindFromMime(f.type));
    return false; // held until the form is submitted
  };

  const submit = async (v: FormShape) => {
    if (!file) {
      setUploadError(t('evidence.noFile'));
      return;
    }
    setUploadError(null);
    setNotice(null);
    setProgress(0);
    const ac = new AbortController();
    abortRef.current = ac;
    try {
      const values: EvidenceFormValues = { ...v, device: v.device?.trim() || undefined, capturedAt: v.capturedAt ? v.capturedAt.toISOString() : undefined };
      const saved = await evidenceApi.upload(target(), file, values, setProgress, ac.signal);
      setNotice(saved.stored === 'existing' ? t('evidence.storedExisting', { name: saved.fileName }) : t('evidence.uploaded', { name: saved.fileName }));
      setFile(null);
      setFileList([]);
      form.resetFields(['note']);
      await load();
      onUploaded?.();
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      if (e instanceof ApiError && e.field && (FORM_FIELDS as readonly string[]).includes(e.field)) {
        form.setFields([{ name: e.field as (typeof FORM_FIELDS)[number], errors: [messageWithoutField(e)] }]);
      } else if (e instanceof ApiError && e.code === 'EVIDENCE_FILE_TOO_LARGE') {
        const max = (e.details as { maxBytes?: number } | undefined)?.maxBytes ?? limits?.maxBytes;
        setUploadError(max ? t('evidence.tooLarge', { max: formatBytes(max) }) : messageWithoutField(e));
      } else {
        setUploadError(e instanceof ApiError ? messageWithoutField(e) : errorMessage(e));
      }
    } finally {
      setProgress(null);
      abortRef.current = null;
    }
  };

  const uploading = progress !== null;

  return (
    <Card title={title ?? t('evidence.title')} size="small" data-testid="evidence-panel">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {loadError && (
          <Alert type="error" showIcon message={loadError} action={<Button size="small" onClick={() => void load()}>{t('common.retry')}</Button>} />
        )}
        <Table<EvidenceItem>
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={(data?.items.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: t('evidence.empty') }}
          data-testid="evidence-list"
          columns={[
            { title: '', key: 'thumb', width: 72, render: (_, r) => <Thumbnail item={r} /> },
            {
              title: t('evidence.file'),
              key: 'file',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <a href={r.contentUrl} download={r.fileName} data-testid="evidence-download">
                    <DownloadOutlined /> {r.fileName}
                  </a>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatBytes(r.sizeBytes)} ·{' '}
                    <Tooltip title={`SHA-256 ${r.sha256}`}>
                      <Typography.Text type="secondary" copyable={{ text: r.sha256 }} style={{ fontSize: 12 }}>
                        {r.sha256.slice(0, 12)}…
                      </Typography.Text>
                    </Tooltip>
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('evidence.kind'),
              key: 'kind',
              width: 110,
              render: (_, r) => (
                <Space direction="vertical" size={2}>
                  <Tag>{kindLabel(r.kind)}</Tag>
                  {r.stepKind && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`cases.step.${r.stepKind}`, { defaultValue: r.stepKind })}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('evidence.capture'),
              key: 'capture',
              render: (_, r) => (
                <Space direction="vertical" size={0} style={{ fontSize: 12 }}>
                  <span>{formatInstant(r.capturedAt, i18n.language)}</span>
                  {r.device && <span>{t('evidence.device')}: {r.device}</span>}
                  {r.location && <span>{r.location}</span>}
                  {r.longitude !== null && r.latitude !== null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.longitude.toFixed(5)}, {r.latitude.toFixed(5)}
                    </Typography.Text>
                  )}
                  {r.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.note}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('evidence.uploadedBy'),
              key: 'uploaded',
              width: 170,
              render: (_, r) => (
                <Space direction="vertical" size={0} style={{ fontSize: 12 }}>
                  <span>{r.uploadedByName}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(r.createdAt, i18n.language)}</Typography.Text>
                </Space>
              ),
            },
          ]}
        />

        {canUpload && (
          <Form<FormShape> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: 'photo' }} disabled={uploading} data-testid="evidence-upload-form">
            <Upload.Dragger
              multiple={false}
              maxCount={1}
              fileList={fileList}
              beforeUpload={pick}
              onRemove={() => { setFile(null); setFileList([]); }}
              accept={limits?.mimeTypes.join(',')}
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{t('evidence.drop')}</p>
              {limits && <p className="ant-upload-hint">{t('evidence.limitHint', { max: formatBytes(limits.maxBytes) })}</p>}
            </Upload.Dragger>
            <Row gutter={12} style={{ marginTop: 12 }}>
              <Col xs={24} md={6}>
                <Form.Item name="kind" label={t('evidence.kind')} rules={[{ required: true }]}>
                  <Select options={EVIDENCE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} data-testid="evidence-kind" />
                </Form.Item>
              </Col>
              {steps && steps.length > 0 && (
                <Col xs={24} md={6}>
                  <Form.Item name="stepId" label={t('evidence.step')}>
                    <Select
                      allowClear
                      options={steps.map((s) => ({ value: s.id, label: `${s.occurredOn} ${t(`cases.step.${s.kind}`, { defaultValue: s.kind })}` }))}
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={6}>
                <Form.Item name="device" label={t('evidence.device')} tooltip={t('evidence.deviceHint')}>
                  <Input maxLength={200} placeholder="DSJ-…" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="capturedAt" label={t('evidence.capturedAt')}>
                  <DatePicker showTime style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="location" label={t('evidence.location')}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="longitude" label={t('evidence.longitude')}>
                  <InputNumber min={73} max={136} step={0.000001} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="latitude" label={t('evidence.latitude')}>
                  <InputNumber min={3} max={54} step={0.000001} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="note" label={t('evidence.note')}>
                  <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
                </Form.Item>
              </Col>
            </Row>
            {uploadError && <Alert type="error" showIcon message={uploadError} style={{ marginBottom: 12 }} data-testid="evidence-upload-error" />}
            {notice && <Alert type="success" showIcon message={notice} style={{ marginBottom: 12 }} />}
            {uploading && <Progress percent={progress ?? 0} size="small" style={{ marginBottom: 12 }} />}
            <Space>
              <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={uploading} disabled={!file} data-testid="evidence-submit">
                {t('evidence.upload')}
              </Button>
              {uploading && <Button disabled={false} onClick={() => abortRef.current?.abort()}>{t('common.cancel')}</Button>}
            </Space>
          </Form>
        )}
      </Space>
    </Card>
  );
}

export default EvidencePanel;
