// A district's public compliance page (no login): the 12-quarter grid of its enterprises' records together,
// and its decisions' downloads and feed.
import { Link, useParams } from 'react-router-dom';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../app/useLoad';
import { LoadError } from '../app/LoadError';
import { complianceApi } from './api';
import { ComplianceGrid } from './ComplianceGrid';

export default function PublicDistrictPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useLoad((s) => complianceApi.district(id, s), [id]);
  const d = load.data;
  return (
    <Card title={d ? t('compliance.district.title', { name: d.district.name }) : t('compliance.district.loading')} loading={load.loading && !d}
      extra={<Link to="/public">{t('disclosure.public.back')}</Link>} data-testid="public-district-page">
      <LoadError message={load.error} onRetry={load.reload} />
      {d && (
        <>
          <Typography.Paragraph>{t('compliance.district.enterprises', { n: d.enterpriseCount })}</Typography.Paragraph>
          <Typography.Title level={5}>{t('compliance.grid.title')}</Typography.Title>
          <ComplianceGrid grid={d} />
          <Typography.Title level={5}>{t('compliance.district.decisions')}</Typography.Title>
          <Link to={`/public?districtId=${d.district.id}`}>{t('compliance.district.decisionList')}</Link>
          {/* Plain links: the browser downloads the streamed files and reads the feed itself. */}
          <Space wrap style={{ marginTop: 8, display: 'flex' }} data-testid="district-downloads">
            <a href={`/api/public/decisions.csv?districtId=${d.district.id}`} download>{t('disclosure.public.csv')}</a>
            <a href={`/api/public/decisions.xlsx?districtId=${d.district.id}`} download>{t('disclosure.public.xlsx')}</a>
            <a href={`/api/public/feeds/districts/${d.district.id}`}>{t('disclosure.public.feed')}</a>
          </Space>
        </>
      )}
    </Card>
  );
}
