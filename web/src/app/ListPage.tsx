// One list page: filters above, the load error with a retry, the table with its pagination, and an
// empty state that says what to do next. Paged lists keep page, page size and filters in the URL.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Input, Space, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';
import { LoadError } from './LoadError';
import type { Loaded } from './useLoad';

const positiveInt = (v: string | null): number | undefined => {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
};

export interface UrlList {
  params: URLSearchParams;
  page: number;
  pageSize: number;
  defaultPageSize: number;
  /** Sets (or, for undefined and '', removes) URL parameters; a filter change goes back to page 1. */
  update(patch: Record<string, string | number | boolean | undefined>, keepPage?: boolean): void;
  /** Clears every filter and the paging. */
  reset(): void;
}

/** Filters, page and page size of a list, kept in the URL (a list can be bookmarked and shared). */
export function useUrlList(defaultPageSize = 20): UrlList {
  const [params, setParams] = useSearchParams();
  const update = useCallback((patch: Record<string, string | number | boolean | undefined>, keepPage = false) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!keepPage) next.delete('page');
      return next;
    });
  }, [setParams]);
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return {
    params,
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: positiveInt(params.get('pageSize')) ?? defaultPageSize,
    defaultPageSize,
    update,
    reset,
  };
}

/** A paged answer of the API, or a whole list (paged in the browser). */
type ListData<T> = { items: T[]; total: number } | { items: T[] } | T[];

export interface ListPageProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'locale'> {
  /** The list as useLoad gives it. */
  load: Loaded<ListData<T> | null>;
  /** Filter controls shown above the table. */
  filters?: ReactNode;
  filtersTestId?: string;
  /** What the empty list means and what to do next (an i18n string), with an optional action. */
  empty: string;
  emptyAction?: ReactNode;
  /** Server paging through the URL; without it the list is paged in the browser (`pageSize`), or not at all (false). */
  paging?: UrlList;
  pageSize?: number | false;
  pageSizeOptions?: number[];
  totalTestId?: string;
  'data-testid'?: string;
}

export function ListPage<T extends object>({ load, filters, filtersTestId, empty, emptyAction, paging, pageSize = 20, pageSizeOptions, totalTestId, ...table }: ListPageProps<T>) {
  const { t } = useTranslation();
  const { items, total } = useMemo(() => {
    const d = load.data;
    if (!d) return { items: [] as T[], total: 0 };
    if (Array.isArray(d)) return { items: d, total: d.length };
    return { items: d.items, total: 'total' in d ? d.total : d.items.length };
  }, [load.data]);
  const showTotal = (n: number) => <span data-testid={totalTestId}>{t('common.total', { total: n })}</span>;
  const pagination: TableProps<T>['pagination'] = paging
    ? {
      current: paging.page, pageSize: paging.pageSize, total, showSizeChanger: true, pageSizeOptions: pageSizeOptions ?? [10, 20, 50, 100], showTotal,
      onChange: (p, ps) => paging.update({ page: p === 1 ? undefined : p, pageSize: ps === paging.defaultPageSize ? undefined : ps }, true),
    }
    : pageSize === false ? false : { pageSize, showTotal, hideOnSinglePage: true };
  return (
    <>
      {filters && <Space wrap style={{ marginBottom: 16 }} data-testid={filtersTestId}>{filters}</Space>}
      <LoadError message={load.error} onRetry={load.reload} />
      <Table<T>
        size="middle"
        {...table}
        loading={load.loading}
        dataSource={items}
        pagination={pagination}
        locale={{ emptyText: <EmptyState description={empty} action={emptyAction} /> }}
      />
    </>
  );
}

/** The free-text search of a list: typed freely, applied on Enter or the button, and cleared when the URL's value is. */
export function ListSearch({ value, onSearch, placeholder, width = 320, testId }: {
  value: string | undefined; onSearch(q: string | undefined): void; placeholder: string; width?: number; testId?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim() || undefined)}
      placeholder={placeholder}
      enterButton={t('common.search')}
      style={{ width }}
      data-testid={testId}
    />
  );
}
