// 监督执法正面清单 (public, no login): enterprise names and districts only, with a CSV download.
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { publicListsApi, type PositiveListItem } from './publicListsApi';
import './publicListsStrings';

export default function PublicPositiveListPage() {
  const { t } = useTranslation();
  const load = useLoad((s) => publicListsApi.positiveList(s), []);
  return (
    <Card title={t('publicLists.positiveList.title')} extra={<a href={publicListsApi.positiveListCsvHref} download data-testid="download-csv">{t('publicLists.csv')}</a>} data-testid="public-positive-list-page">
      <Typography.Paragraph type="secondary">{t('publicLists.positiveList.intro')}</Typography.Paragraph>
      <ListPage<PositiveListItem>
        load={load}
        rowKey={(r) => `${r.enterpriseName}-${r.districtName}`}
        data-testid="public-positive-list"
        empty={t('publicLists.positiveList.empty')}
        columns={[
          { title: t('publicLists.positiveList.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('publicLists.positiveList.district'), dataIndex: 'districtName', width: 120 },
          { title: t('publicLists.positiveList.publishedAt'), dataIndex: 'publishedAt', width: 120, render: (v: string | null) => (v ? v.slice(0, 10) : '—') },
        ]}
      />
    </Card>
  );
}
