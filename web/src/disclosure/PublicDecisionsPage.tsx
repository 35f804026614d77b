// 行政处罚公示 (public, no login): the published decisions with filters, downloads (CSV, xlsx), the data
// dictionary and the Atom feed. Plain table; the filters and page are in the URL.
import { Link } from 'react-router-dom';
import { Card, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage, useUrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { formatYuan } from '../app/format';
import { publicApi, type PublicFilter } from './api';
import type { PublicDecision } from './types';

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export function DownloadLinks({ filter }: { filter: PublicFilter }) {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid="public-downloads">
      <a href={publicApi.csvHref(filter)} download data-testid="download-csv">{t('disclosure.public.csv')}</a>
      <a href={publicApi.xlsxHref(filter)} download data-testid="download-xlsx">{t('disclosure.public.xlsx')}</a>
      <a href={publicApi.feedHref(filter)} data-testid="feed-link">{t('disclosure.public.feed')}</a>
      <a href={publicApi.dictionaryHref} target="_blank" rel="noreferrer">{t('disclosure.public.dictionary')}</a>
    </Space>
  );
}

export function StatusTag({ d }: { d: PublicDecision }) {
  const { t } = useTranslation();
  return d.status === 'withdrawn' ? <Tag color="red">{t('disclosure.status.withdrawn')}</Tag> : <Tag color="green">{t('disclosure.status.published')}</Tag>;
}

export default function PublicDecisionsPage() {
  const { t } = useTranslation();
  const list = useUrlList(20);
  const filter: PublicFilter = { districtId: num(list.params.get('districtId')), year: num(list.params.get('year')) };
  const districts = useLoad((s) => publicApi.districts(s), []);
  const load = useLoad((s) => publicApi.list({ ...filter, page: list.page, pageSize: list.pageSize }, s).then((r) => ({ items: r.items, total: r.total })), [filter.districtId, filter.year, list.page, list.pageSize]);
  return (
    <Card title={t('disclosure.public.title')} extra={<DownloadLinks filter={filter} />} data-testid="public-decisions-page">
      <Typography.Paragraph type="secondary">{t('disclosure.public.intro')}</Typography.Paragraph>
      <ListPage<PublicDecision>
        load={load}
        paging={list}
        rowKey="id"
        data-testid="public-decisions-list"
        empty={t('disclosure.public.empty')}
        filters={
          <Space wrap>
            <Select allowClear placeholder={t('disclosure.field.district')} style={{ minWidth: 160 }} value={filter.districtId}
              options={(districts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} onChange={(v) => list.update({ districtId: v })} data-testid="filter-district" />
            <InputNumber placeholder={t('disclosure.field.year')} min={2000} max={2100} value={filter.year} onChange={(v) => list.update({ year: v ?? undefined })} data-testid="filter-year" />
          </Space>
        }
        scroll={{ x: 720 }}
        columns={[
          { title: t('disclosure.field.decisionNumber'), dataIndex: 'decisionNumber', render: (v: string, d) => <Link to={`/public/decisions/${d.id}`}>{v}</Link> },
          { title: t('disclosure.field.party'), dataIndex: 'partyName', render: (v: string, d) => (d.enterpriseId ? <Link to={`/public/enterprises/${d.enterpriseId}`}>{v}</Link> : v) },
          { title: t('disclosure.field.penaltyContent'), key: 'content', render: (_: unknown, d) => d.record?.penaltyContent ?? '—' },
          { title: t('disclosure.field.fine'), key: 'fine', width: 130, render: (_: unknown, d) => (d.record ? formatYuan(d.record.fineFen) : '—') },
          { title: t('disclosure.field.decidedOn'), dataIndex: 'decidedOn', width: 120 },
          { title: t('disclosure.field.district'), dataIndex: 'districtName', width: 110 },
          { title: t('disclosure.field.status'), key: 'status', width: 90, render: (_: unknown, d) => <StatusTag d={d} /> },
        ]}
      />
    </Card>
  );
}
