import { useEffect, useMemo, useState } from 'react';
import { Alert, AutoComplete, Button, Card, Col, Input, Row, Tag, Typography, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../app/api';
import { ListPage, useUrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
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

export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const list = useUrlList(DEFAULT_PAGE_SIZE);
  const { params, page, pageSize } = list;
  const entity = params.get('entity') ?? '';
  const entityId = params.get('entityId') ?? '';

  const [entityText, setEntityText] = useState(entity);
  const [entityIdText, setEntityIdText] = useState(entityId);
  useEffect(() => setEntityText(entity), [entity]);
  useEffect(() => setEntityIdText(entityId), [entityId]);

  const load = useLoad((signal) => api<AuditPage>('/audit', {
    query: { entity: entity || undefined, entityId: entityId || undefined, page, pageSize }, signal,
  }), [entity, entityId, page, pageSize]);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  /** A filter change (also from a clicked entity in the table) goes back to page 1. */
  const apply = (patch: Record<string, string | undefined>) => list.update(patch);

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
        <Typography.Link onClick={() => apply({ entity: v, entityId: undefined })}>{v}</Typography.Link>
      ),
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      width: 100,
      render: (v: string, r) => (
        <Typography.Link onClick={() => apply({ entity: r.entity, entityId: v })}>{v}</Typography.Link>
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
      <ListPage<AuditEntry>
        load={load}
        paging={list}
        pageSizeOptions={[20, 50, 100]}
        empty={t('emptyState.audit')}
        filters={<>
          <AutoComplete
            allowClear
            value={entityText}
            options={KNOWN_ENTITIES.map((e) => ({ value: e }))}
            onChange={(v: string) => setEntityText(v ?? '')}
            onSelect={(v: string) => apply({ entity: v })}
            style={{ width: 260 }}
            data-testid="audit-filter-entity"
          >
            <Input placeholder={t('audit.entityPlaceholder')} onPressEnter={() => apply({ entity: entityText.trim(), entityId: entityIdText.trim() })} />
          </AutoComplete>
          <Input
            allowClear
            value={entityIdText}
            onChange={(e) => setEntityIdText(e.target.value)}
            onPressEnter={() => apply({ entity: entityText.trim(), entityId: entityIdText.trim() })}
            placeholder={t('audit.entityIdPlaceholder')}
            style={{ width: 140 }}
            data-testid="audit-filter-entity-id"
          />
          <Button type="primary" onClick={() => apply({ entity: entityText.trim(), entityId: entityIdText.trim() })}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              setEntityText('');
              setEntityIdText('');
              list.reset();
            }}
          >
            {t('common.reset')}
          </Button>
        </>}
        rowKey="seq"
        data-testid="audit-table"
        columns={columns}
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
      />
    </Card>
  );
}
