import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { useAuth } from '../app/auth';
import { errorMessage } from '../app/api';
import { CREDIT_RATINGS, creditRatingLabel, type CreditRating } from '../app/labels';
import { enterpriseApi } from './api';
import { districtOptions, useDistricts } from './useDistricts';
import { CreditRatingTag, KeyUnitTags } from './tags';
import { ImportModal } from './ImportModal';
import type { EnterpriseFilters, EnterpriseSummary, Page } from './types';

const DEFAULT_PAGE_SIZE = 20;

function intParam(v: string | null): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export default function EnterpriseListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { districts } = useDistricts();

  const filters = useMemo<EnterpriseFilters>(() => {
    const keyUnit = params.get('keyUnit');
    const rating = params.get('creditRating');
    return {
      q: params.get('q') ?? undefined,
      districtId: intParam(params.get('districtId')),
      townshipId: intParam(params.get('townshipId')),
      keyUnit: keyUnit === 'true' ? true : keyUnit === 'false' ? false : undefined,
      creditRating: (CREDIT_RATINGS as readonly string[]).includes(rating ?? '') ? (rating as CreditRating) : undefined,
    };
  }, [params]);
  const page = intParam(params.get('page')) ?? 1;
  const pageSize = intParam(params.get('pageSize')) ?? DEFAULT_PAGE_SIZE;

  const [qText, setQText] = useState(filters.q ?? '');
  useEffect(() => setQText(filters.q ?? ''), [filters.q]);

  const [data, setData] = useState<Page<EnterpriseSummary> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloadTick, setReloadTick] = useState(0);
  const [importOpen, setImportOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    enterpriseApi.list(filters, page, pageSize, ctrl.signal).then(
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
  }, [filters, page, pageSize, reloadTick]);

  /** Updates filters in the URL; any filter change goes back to page 1. */
  const update = useCallback(
    (patch: Record<string, string | number | boolean | undefined>, keepPage = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!keepPage) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  const townships = useMemo(
    () => districts.find((d) => d.id === filters.districtId)?.townships ?? [],
    [districts, filters.districtId],
  );

  const columns: TableColumnsType<EnterpriseSummary> = [
    {
      title: t('enterprise.creditCode'),
      dataIndex: 'creditCode',
      width: 190,
      render: (v: string, r) => (
        <Link to={`/enterprises/${r.id}`} data-testid="enterprise-credit-code">
          <Typography.Text code copyable={false} style={{ whiteSpace: 'nowrap' }}>
            {v}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('enterprise.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Link to={`/enterprises/${r.id}`} data-testid="enterprise-name">
          {v}
        </Link>
      ),
    },
    { title: t('enterprise.district'), dataIndex: 'districtName', width: 120 },
    { title: t('enterprise.township'), dataIndex: 'townshipName', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('enterprise.industryCode'), dataIndex: 'industryCode', width: 100 },
    {
      title: t('enterprise.keyUnitCategories'),
      dataIndex: 'keyUnitCategories',
      width: 200,
      render: (v: string[]) => <KeyUnitTags categories={v} />,
    },
    {
      title: t('enterprise.creditRating'),
      dataIndex: 'creditRating',
      width: 130,
      render: (v: CreditRating | null) => <CreditRatingTag rating={v} />,
    },
    { title: t('enterprise.outfallCount'), dataIndex: 'outfallCount', width: 90, align: 'right' },
  ];

  const onExport = async () => {
    setExporting(true);
    try {
      await enterpriseApi.export(filters);
      message.success(t('enterprise.exportDone'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const onTemplate = async () => {
    try {
      await enterpriseApi.template();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      title={t('enterprise.listTitle')}
      data-testid="enterprise-list"
      extra={
        <Space wrap>
          {can('enterprise.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/enterprises/new')} data-testid="enterprise-new">
              {t('enterprise.new')}
            </Button>
          )}
          {can('enterprise.import') && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="enterprise-import">
              {t('enterprise.import')}
            </Button>
          )}
          {can('enterprise.export') && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()} data-testid="enterprise-export">
              {t('enterprise.export')}
            </Button>
          )}
          {can('enterprise.import') && (
            <Button icon={<FileExcelOutlined />} onClick={() => void onTemplate()} data-testid="enterprise-template">
              {t('enterprise.template')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }} data-testid="enterprise-filters">
        <Input.Search
          allowClear
          value={qText}
          onChange={(e) => setQText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          placeholder={t('enterprise.searchPlaceholder')}
          enterButton={t('common.search')}
          style={{ width: 340 }}
          data-testid="enterprise-search"
        />
        <Select<number>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('enterprise.district')}
          value={filters.districtId}
          onChange={(v) => update({ districtId: v, townshipId: undefined })}
          options={districtOptions(districts, t)}
          style={{ width: 160 }}
          data-testid="filter-district"
        />
        <Select<number>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={filters.districtId ? t('enterprise.township') : t('enterprise.districtFirst')}
          disabled={!filters.districtId}
          value={filters.townshipId}
          onChange={(v) => update({ townshipId: v })}
          options={townships.map((tw) => ({ value: tw.id, label: tw.name }))}
          style={{ width: 180 }}
          data-testid="filter-township"
        />
        <Select<'true' | 'false'>
          allowClear
          placeholder={t('enterprise.keyUnit')}
          value={filters.keyUnit === undefined ? undefined : filters.keyUnit ? 'true' : 'false'}
          onChange={(v) => update({ keyUnit: v })}
          options={[
            { value: 'true', label: `${t('enterprise.keyUnit')}: ${t('common.yes')}` },
            { value: 'false', label: `${t('enterprise.keyUnit')}: ${t('common.no')}` },
          ]}
          style={{ width: 180 }}
          data-testid="filter-key-unit"
        />
        <Select<CreditRating>
          allowClear
          placeholder={t('enterprise.creditRating')}
          value={filters.creditRating}
          onChange={(v) => update({ creditRating: v })}
          options={CREDIT_RATINGS.map((r) => ({ value: r, label: creditRatingLabel(t, r) }))}
          style={{ width: 170 }}
          data-testid="filter-credit-rating"
        />
        <Button
          onClick={() => {
            setQText('');
            setParams(new URLSearchParams());
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
      <LoadError message={error} onRetry={() => setReloadTick((n) => n + 1)} />
      <Table<EnterpriseSummary>
        rowKey="id"
        size="middle"
        data-testid="enterprise-table"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={(r) => ({ 'data-testid': `enterprise-row-${r.creditCode}` }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => <span data-testid="enterprise-total">{t('common.total', { total })}</span>,
          onChange: (p, ps) => update({ page: p === 1 ? undefined : p, pageSize: ps === DEFAULT_PAGE_SIZE ? undefined : ps }, true),
        }}
      />
      <ImportModal
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onImported={() => setReloadTick((n) => n + 1)}
      />
    </Card>
  );
}
