import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Checkbox, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { districtOptions, useDistricts } from '../enterprises/useDistricts';
import { caseApi, type CaseFilters } from './api';
import { DueDate, StageTag, STAGES, staffOptions, useDirectory, Yuan } from './shared';
import type { CaseStage, CaseSummary, PageOf } from './types';

const DEFAULT_PAGE_SIZE = 20;

function intParam(v: string | null): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The case table: used by the case list and by the review queue (a fixed stage). */
export function CaseTable({ filters, page, pageSize, onPage, testId, reloadKey = 0 }: {
  filters: CaseFilters;
  page: number;
  pageSize: number;
  onPage(page: number, pageSize: number): void;
  testId: string;
  reloadKey?: number;
}) {
  const { t } = useTranslation();
  const [data, setData] = useState<PageOf<CaseSummary> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    caseApi.list(filters, page, pageSize, ctrl.signal).then(
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
  }, [filters, page, pageSize, tick, reloadKey]);

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.field.number'),
      dataIndex: 'number',
      width: 170,
      render: (v: string, r) => <Link to={`/cases/${r.id}`} data-testid="case-link">{v}</Link>,
    },
    { title: t('cases.field.party'), dataIndex: 'enterpriseName', ellipsis: true },
    { title: t('cases.field.cause'), dataIndex: 'cause', ellipsis: true },
    { title: t('cases.field.stage'), dataIndex: 'stage', width: 130, render: (s: CaseStage) => <StageTag stage={s} /> },
    { title: t('cases.field.district'), dataIndex: 'districtName', width: 110 },
    { title: t('cases.field.filedOn'), dataIndex: 'filedOn', width: 110 },
    {
      title: t('cases.field.decisionDueOn'),
      dataIndex: 'decisionDueOn',
      width: 170,
      render: (v: string, r) => <DueDate dueOn={v} done={r.decisionKind !== null} />,
    },
    {
      title: t('cases.field.fine'),
      width: 140,
      align: 'right',
      render: (_: unknown, r) => <Yuan fen={r.decisionFineFen ?? r.proposal?.fineFen ?? null} />,
    },
  ];

  return (
    <>
      <LoadError message={error} onRetry={() => setTick((n) => n + 1)} />
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        data-testid={testId}
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={(r) => ({ 'data-testid': `case-row-${r.number}`, 'data-stage': r.stage }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => <span data-testid={`${testId}-total`}>{t('common.total', { total })}</span>,
          onChange: onPage,
        }}
      />
    </>
  );
}

export default function CaseListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { districts } = useDistricts();
  const { staff } = useDirectory();

  const filters = useMemo<CaseFilters>(() => {
    const stage = params.get('stage');
    return {
      stage: (STAGES as readonly string[]).includes(stage ?? '') ? (stage as CaseStage) : undefined,
      districtId: intParam(params.get('districtId')),
      officerId: intParam(params.get('officerId')),
      overdue: params.get('overdue') === 'true' || undefined,
      q: params.get('q') ?? undefined,
    };
  }, [params]);
  const page = intParam(params.get('page')) ?? 1;
  const pageSize = intParam(params.get('pageSize')) ?? DEFAULT_PAGE_SIZE;
  const [qText, setQText] = useState(filters.q ?? '');
  useEffect(() => setQText(filters.q ?? ''), [filters.q]);

  const update = useCallback(
    (patch: Record<string, string | number | boolean | undefined>, keepPage = false) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '' || v === false) next.delete(k);
          else next.set(k, String(v));
        }
        if (!keepPage) next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  return (
    <Card
      title={t('cases.listTitle')}
      data-testid="case-list"
      extra={<Typography.Text type="secondary">{t('cases.sortedByDeadline')}</Typography.Text>}
    >
      <Space wrap style={{ marginBottom: 16 }} data-testid="case-filters">
        <Input.Search
          allowClear
          value={qText}
          onChange={(e) => setQText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          placeholder={t('cases.searchPlaceholder')}
          enterButton={t('common.search')}
          style={{ width: 320 }}
          data-testid="case-search"
        />
        <Select<CaseStage>
          allowClear
          placeholder={t('cases.field.stage')}
          value={filters.stage}
          onChange={(v) => update({ stage: v })}
          options={STAGES.map((s) => ({ value: s, label: t(`cases.stage.${s}`) }))}
          style={{ width: 160 }}
          data-testid="filter-stage"
        />
        <Select<number>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('cases.field.district')}
          value={filters.districtId}
          onChange={(v) => update({ districtId: v })}
          options={districtOptions(districts, t)}
          style={{ width: 160 }}
          data-testid="filter-district"
        />
        <Select<number>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('cases.field.officer')}
          value={filters.officerId}
          onChange={(v) => update({ officerId: v })}
          options={staffOptions(staff, (s) => s.role === 'enforcement_officer')}
          style={{ width: 200 }}
          data-testid="filter-officer"
        />
        <Checkbox checked={!!filters.overdue} onChange={(e) => update({ overdue: e.target.checked || undefined })} data-testid="filter-overdue">
          {t('cases.filter.overdueOnly')}
        </Checkbox>
        <Button
          onClick={() => {
            setQText('');
            setParams(new URLSearchParams());
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
      <CaseTable
        filters={filters}
        page={page}
        pageSize={pageSize}
        testId="case-table"
        onPage={(p, ps) => update({ page: p === 1 ? undefined : p, pageSize: ps === DEFAULT_PAGE_SIZE ? undefined : ps }, true)}
      />
    </Card>
  );
}
