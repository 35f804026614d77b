import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, AutoComplete, Button, Card, Col, Input, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { api, errorMessage } from '../app/api';
import { roleLabel } from '../app/labels';

import type { z } from 'zod';
import type { auditEntrySchema, auditListSchema, chainCheckSchema } from '../../../src/platform/audit/schema';

export type AuditEntry = z.output<typeof auditEntrySchema>;
type AuditPage = z.output<typeof auditListSchema>;
type VerifyResult = z.output<typeof chainCheckSchema>;

const KNOWN_ENTITIES = ['enterprise', 'enterprise_import', 'user', 'organisation'];
const DEFAULT_PAGE_SIZE = 20;

function Json({ value, testId }: { value: unknown; testId: string }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <pre className="ecogov-json" data-testid={testId}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function positiveInt(v: string | null, dflt: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : dflt;
}

export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const entity = params.get('entity') ?? '';
  const entityId = params.get('entityId') ?? '';
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);

  const [entityText, setEntityText] = useState(entity);
  const [entityIdText, setEntityIdText] = useState(entityId);
  useEffect(() => setEntityText(entity), [entity]);
  useEffect(() => setEntityIdText(entityId), [entityId]);

  const [data, setData] = useState<AuditPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    api<AuditPage>('/audit', {
      query: { entity: entity || undefined, entityId: entityId || undefined, page, pageSize },
      signal: ctrl.signal,
    }).then(
      (r) => {
        setData(r);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [entity, entityId, page, pageSize, tick]);

  const apply = (patch: Record<string, string | number | undefined>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      return next;
    });
  };

  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    setVerifyError(null);
    try {
      setVerify(await api<VerifyResult>('/audit/verify'));
    } catch (e) {
      setVerifyError(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  const fmt = useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    });
    return (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : f.format(d);
    };
  }, [i18n.language]);

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => fmt(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 130 },
    { title: t('audit.role'), dataIndex: 'actorRole', width: 140, render: (v: string) => roleLabel(t, v) },
    { title: t('audit.action'), dataIndex: 'action', width: 160, render: (v: string) => <Tag>{v}</Tag> },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      width: 120,
      render: (v: string) => (
        <Typography.Link onClick={() => apply({ entity: v, entityId: undefined, page: undefined })}>{v}</Typography.Link>
      ),
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      width: 100,
      render: (v: string, r) => (
        <Typography.Link onClick={() => apply({ entity: r.entity, entityId: v, page: undefined })}>{v}</Typography.Link>
      ),
    },
    { title: t('audit.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card
      title={t('audit.title')}
      data-testid="audit-page"
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void runVerify()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      }
    >
      {verify && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          closable
          onClose={() => setVerify(null)}
          type={verify.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          message={
            verify.ok
              ? t('audit.verifyOk', { checked: verify.checked })
              : verify.firstBrokenSeq !== undefined
                ? t('audit.verifyBroken', { seq: verify.firstBrokenSeq, checked: verify.checked })
                : t('audit.verifyBrokenNoSeq', { checked: verify.checked })
          }
          description={!verify.ok && verify.reason ? verify.reason : undefined}
        />
      )}
      {verifyError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message={verifyError} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <AutoComplete
          allowClear
          value={entityText}
          options={KNOWN_ENTITIES.map((e) => ({ value: e }))}
          onChange={(v: string) => setEntityText(v ?? '')}
          onSelect={(v: string) => apply({ entity: v, page: undefined })}
          style={{ width: 260 }}
          data-testid="audit-filter-entity"
        >
          <Input placeholder={t('audit.entityPlaceholder')} onPressEnter={() => apply({ entity: entityText.trim(), entityId: entityIdText.trim(), page: undefined })} />
        </AutoComplete>
        <Input
          allowClear
          value={entityIdText}
          onChange={(e) => setEntityIdText(e.target.value)}
          onPressEnter={() => apply({ entity: entityText.trim(), entityId: entityIdText.trim(), page: undefined })}
          placeholder={t('audit.entityIdPlaceholder')}
          style={{ width: 140 }}
          data-testid="audit-filter-entity-id"
        />
        <Button type="primary" onClick={() => apply({ entity: entityText.trim(), entityId: entityIdText.trim(), page: undefined })}>
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            setEntityText('');
            setEntityIdText('');
            setParams(new URLSearchParams());
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
      <LoadError message={error} onRetry={() => setTick((n) => n + 1)} />
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        data-testid="audit-table"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        expandable={{
          expandedRowRender: (r) => (
            <div>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <Json value={r.before} testId={`audit-before-${r.seq}`} />
                </Col>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <Json value={r.after} testId={`audit-after-${r.seq}`} />
                </Col>
              </Row>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                {t('audit.hash')}: <Typography.Text code>{r.hash}</Typography.Text>
                <br />
                {t('audit.prevHash')}: <Typography.Text code>{r.prevHash}</Typography.Text>
              </Typography.Paragraph>
            </div>
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, ps) => apply({ page: p === 1 ? undefined : p, pageSize: ps === DEFAULT_PAGE_SIZE ? undefined : ps }),
        }}
      />
    </Card>
  );
}
