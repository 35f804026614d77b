import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Select, Space, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ListPage, ListSearch, useUrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { useAuth } from '../app/auth';
import { errorMessage } from '../app/api';
import { CREDIT_RATINGS, creditRatingLabel, type CreditRating } from '../app/labels';
import { enterpriseApi } from './api';
import { useDistricts } from './useDistricts';
import { DistrictSelect } from './DistrictSelect';
import { CreditRatingTag, KeyUnitTags } from './tags';
import { ImportModal } from './ImportModal';
import type { EnterpriseFilters, EnterpriseSummary } from './types';

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
  const list = useUrlList(DEFAULT_PAGE_SIZE);
  const { params, page, pageSize, update } = list;
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

  const load = useLoad((signal) => enterpriseApi.list(filters, page, pageSize, signal), [filters, page, pageSize]);
  const [importOpen, setImportOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

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
      <ListPage<EnterpriseSummary>
        load={load}
        paging={list}
        totalTestId="enterprise-total"
        empty={t('emptyState.enterprises')}
        filtersTestId="enterprise-filters"
        filters={<>
          <ListSearch value={filters.q} onSearch={(q) => update({ q })} placeholder={t('enterprise.searchPlaceholder')} width={340} testId="enterprise-search" />
          <DistrictSelect districts={districts} value={filters.districtId} onChange={(v) => update({ districtId: v, townshipId: undefined })} placeholder={t('enterprise.district')} />
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
          <Button onClick={list.reset}>{t('common.reset')}</Button>
        </>}
        rowKey="id"
        data-testid="enterprise-table"
        columns={columns}
        scroll={{ x: 1100 }}
        onRow={(r) => ({ 'data-testid': `enterprise-row-${r.creditCode}` }) as HTMLAttributes<HTMLElement>}
      />
      <ImportModal
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onImported={load.reload}
      />
    </Card>
  );
}
