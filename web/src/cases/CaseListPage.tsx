import { useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Checkbox, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { ListPage, ListSearch, useUrlList, type UrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { districtOptions, useDistricts } from '../enterprises/index';
import { caseApi, type CaseFilters } from './api';
import { DueDate, StageTag, STAGES, staffOptions, useDirectory, Yuan } from './shared';
import type { CaseStage, CaseSummary } from './types';

function intParam(v: string | null): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The case table: used by the case list, the review queue and the committee page (a fixed stage); paged through the URL. */
export function CaseTable({ filters, paging, testId, empty, emptyAction, reloadKey = 0 }: {
  filters: CaseFilters;
  paging: UrlList;
  testId: string;
  /** What an empty list means and what to do next (an i18n string), with an optional action. */
  empty: string;
  emptyAction?: ReactNode;
  reloadKey?: number;
}) {
  const { t } = useTranslation();
  const { page, pageSize } = paging;
  const load = useLoad((signal) => caseApi.list(filters, page, pageSize, signal), [filters, page, pageSize, reloadKey]);

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
      render: (v: string, r) => <DueDate dueOn={v} done={r.decisionKind !== null} provisional={r.decisionDueProvisional} />,
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
    {load.data?.totalCapped && (
      <Typography.Paragraph type="secondary" data-testid={`${testId}-capped`}>{t('cases.totalCapped', { cap: load.data.total })}</Typography.Paragraph>
    )}
    <ListPage<CaseSummary>
      load={load}
      paging={paging}
      rowKey="id"
      data-testid={testId}
      totalTestId={`${testId}-total`}
      columns={columns}
      scroll={{ x: 1100 }}
      onRow={(r) => ({ 'data-testid': `case-row-${r.number}`, 'data-stage': r.stage }) as HTMLAttributes<HTMLElement>}
      empty={empty}
      emptyAction={emptyAction}
    />
    </>
  );
}

export default function CaseListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const paging = useUrlList(20);
  const { params, update } = paging;
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
  const filtered = Object.values(filters).some((v) => v !== undefined);
  // Cases come from leads: with nothing filed yet, the next step is on the lead list (who may register or file one).
  const emptyAction = filtered
    ? <Button onClick={paging.reset} data-testid="case-empty-reset">{t('common.reset')}</Button>
    : (can('case.write') || can('case.file')) && <Link to="/leads"><Button type="primary" data-testid="case-empty-leads">{t('emptyState.casesToLeads')}</Button></Link>;

  return (
    <Card
      title={t('cases.listTitle')}
      data-testid="case-list"
      extra={<Typography.Text type="secondary">{t('cases.sortedByDeadline')}</Typography.Text>}
    >
      <Space wrap style={{ marginBottom: 16 }} data-testid="case-filters">
        <ListSearch value={filters.q} onSearch={(q) => update({ q })} placeholder={t('cases.searchPlaceholder')} testId="case-search" />
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
        <Button onClick={paging.reset}>{t('common.reset')}</Button>
      </Space>
      <CaseTable
        filters={filters}
        paging={paging}
        testId="case-table"
        empty={t(filtered ? 'emptyState.casesFiltered' : 'emptyState.cases')}
        emptyAction={emptyAction}
      />
    </Card>
  );
}
