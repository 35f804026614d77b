// 三线一单: the current 环境管控单元 on a map, the site-check tool (click the map or enter lon/lat and an industry
// code), the imported versions and, for licensing staff, the GeoJSON import.
import { useMemo, useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { errorMessage } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { PageSpinner } from '../app/PageSpinner';
import { useLoad } from '../app/useLoad';
import { zoningApi } from './api';
import { ImportUnitsDialog } from './ImportUnitsDialog';
import { SiteCheckResult } from './SiteCheckResult';
import { KIND_COLOURS, ZoningMap } from './ZoningMap';
import type { SiteCheck, SiteGeometry, UnitKind, VersionListItem } from './types';

interface CheckFields { lon: number | null; lat: number | null; industryCode?: string }

export default function ZoningPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('zoning.manage');
  const [importing, setImporting] = useState(false);
  const units = useLoad((signal) => zoningApi.units(signal), []);
  const versions = useLoad((signal) => zoningApi.versions(signal), []);
  const [form] = Form.useForm<CheckFields>();
  const [site, setSite] = useState<SiteGeometry | null>(null);
  const [result, setResult] = useState<SiteCheck | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const reload = () => { units.reload(); versions.reload(); setResult(null); };

  const check = async (v: CheckFields) => {
    if (v.lon == null || v.lat == null) return;
    const s: SiteGeometry = { type: 'Point', coordinates: [v.lon, v.lat] };
    setSite(s);
    setChecking(true);
    setCheckError(null);
    try { setResult(await zoningApi.check(s, v.industryCode?.trim() || null)); } catch (e) { setResult(null); setCheckError(errorMessage(e)); } finally { setChecking(false); }
  };
  const pick = (lon: number, lat: number) => {
    form.setFieldsValue({ lon, lat });
    void check({ ...form.getFieldsValue(), lon, lat });
  };

  const importButton = manage ? (
    <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="zoning-import">{t('zoning.import.title')}</Button>
  ) : undefined;
  const features = useMemo(() => units.data?.features ?? [], [units.data]);
  const version = units.data?.version ?? null;

  let body;
  if (units.error) body = <LoadError message={units.error} onRetry={units.reload} />;
  else if (!units.data) body = <PageSpinner />;
  else if (!version) body = <EmptyState description={manage ? t('zoning.emptyManage') : t('zoning.empty')} action={importButton} />;
  else {
    body = (
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text data-testid="zoning-version">{t('zoning.currentVersion', { label: version.label, count: version.unitCount })}</Typography.Text>
              {version.demo && <Tag color="purple" data-testid="zoning-demo-tag">{t('zoning.demoData')}</Tag>}
              {(Object.keys(KIND_COLOURS) as UnitKind[]).map((k) => <Tag key={k} color={KIND_COLOURS[k]}>{t(`zoning.kind.${k}`)}</Tag>)}
            </Space>
            <ZoningMap units={features} site={site} result={result} onPick={pick} />
            <Typography.Text type="secondary">{t('zoning.clickHint')}</Typography.Text>
          </Space>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('zoning.check.title')}>
            <Form form={form} layout="vertical" onFinish={(v) => void check(v)}>
              <Space.Compact block>
                <Form.Item name="lon" label={t('zoning.check.lon')} rules={[{ required: true }]} style={{ width: '50%' }}>
                  <InputNumber min={73} max={136} step={0.001} style={{ width: '100%' }} data-testid="zoning-lon" />
                </Form.Item>
                <Form.Item name="lat" label={t('zoning.check.lat')} rules={[{ required: true }]} style={{ width: '50%' }}>
                  <InputNumber min={3} max={54} step={0.001} style={{ width: '100%' }} data-testid="zoning-lat" />
                </Form.Item>
              </Space.Compact>
              <Form.Item name="industryCode" label={t('zoning.check.industry')} extra={t('zoning.check.industryHelp')}>
                <Input maxLength={10} placeholder="C2614" data-testid="zoning-industry" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={checking} data-testid="zoning-check">{t('zoning.check.submit')}</Button>
            </Form>
            {checkError && <Typography.Paragraph type="danger" style={{ marginTop: 12 }} data-testid="zoning-check-error">{checkError}</Typography.Paragraph>}
            {result && <div style={{ marginTop: 12 }}><SiteCheckResult result={result} /></div>}
          </Card>
        </Col>
      </Row>
    );
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('zoning.title')} extra={importButton} data-testid="zoning-page">{body}</Card>
      {version && (
        <Card title={t('zoning.versions')} size="small">
          <Table<VersionListItem> rowKey="id" size="small" loading={versions.loading} dataSource={versions.data?.items ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="zoning-versions"
            columns={[
              { title: t('zoning.field.label'), dataIndex: 'label', render: (v: string, r) => <Space>{v}{r.isCurrent && <Tag color="green">{t('zoning.current')}</Tag>}{r.demo && <Tag color="purple">{t('zoning.demo')}</Tag>}</Space> },
              { title: t('zoning.field.units'), dataIndex: 'unitCount', width: 90 },
              { title: t('zoning.field.source'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
              { title: t('zoning.field.importedAt'), dataIndex: 'importedAt', width: 180, render: (v: string) => new Date(v).toLocaleString() },
              { title: t('zoning.field.importedBy'), dataIndex: 'importedBy', width: 120, render: (v: string | null) => v ?? t('zoning.system') },
            ]} />
        </Card>
      )}
      <ImportUnitsDialog open={importing} onClose={() => setImporting(false)} onDone={reload} />
    </Space>
  );
}
