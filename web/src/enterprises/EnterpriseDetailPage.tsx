import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Result, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { useAuth } from '../app/auth';
import { outfallKindLabel } from '../app/labels';
import { PageSpinner } from '../app/PageSpinner';
import { CreditRatingTag, KeyUnitTags } from './tags';
import { useEnterprise } from './useEnterprise';
import type { Outfall } from './types';
import { EnterprisePermitsCard } from '../permits';

function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

export default function EnterpriseDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { enterprise: e, loading, error, reload } = useEnterprise(id);

  if (loading && !e) return <PageSpinner />;
  if (error) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Result
          status="404"
          title="404"
          subTitle={error.message || t('enterprise.notFound')}
          extra={<Button onClick={() => navigate('/enterprises')}>{t('common.back')}</Button>}
        />
      );
    }
    return (
      <Alert
        type="error"
        showIcon
        message={error.message}
        action={
          <Button size="small" onClick={reload}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!e) return null;

  const na = <span style={{ color: '#bfbfbf' }}>—</span>;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="enterprise-detail">
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
            <span data-testid="enterprise-detail-name">{e.name}</span>
          </Space>
        }
        extra={
          <Space>
            {can('audit.read') && (
              <Link to={`/audit?entity=enterprise&entityId=${e.id}`}>
                <Button icon={<AuditOutlined />}>{t('enterprise.viewAudit')}</Button>
              </Link>
            )}
            {e.actions.includes('edit') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/enterprises/${e.id}/edit`)} data-testid="enterprise-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions bordered size="middle" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }}>
          <Descriptions.Item label={t('enterprise.creditCode')}>
            <Typography.Text copyable data-testid="enterprise-detail-credit-code">
              {e.creditCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.name')}>{e.name}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.legalRepresentative')}>{e.legalRepresentative}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.district')}>{e.districtName}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.township')}>{e.townshipName ?? na}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.industryCode')}>{e.industryCode}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.address')} span={2}>
            {e.address || na}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.coordinates')}>
            {e.longitude !== null && e.latitude !== null ? `${e.longitude}, ${e.latitude}` : na}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.keyUnitCategories')}>
            <KeyUnitTags categories={e.keyUnitCategories} />
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.creditRating')}>
            <CreditRatingTag rating={e.creditRating} />
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.version')}>{e.version}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.createdAt')}>{formatTime(e.createdAt, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.updatedAt')}>{formatTime(e.updatedAt, i18n.language)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`${t('enterprise.outfalls')} (${e.outfalls.length})`}>
        <Table<Outfall>
          rowKey="id"
          size="small"
          data-testid="enterprise-outfalls"
          dataSource={e.outfalls}
          pagination={false}
          locale={{ emptyText: t('enterprise.noOutfalls') }}
          columns={[
            { title: t('enterprise.outfallCode'), dataIndex: 'code', width: 140 },
            { title: t('enterprise.outfallName'), dataIndex: 'name' },
            {
              title: t('enterprise.outfallKind'),
              dataIndex: 'kind',
              width: 140,
              render: (k: string) => <Tag color={k === 'water' ? 'blue' : 'purple'}>{outfallKindLabel(t, k)}</Tag>,
            },
          ]}
        />
      </Card>
      {(can('licensing.read') || can('licensing.apply')) && <EnterprisePermitsCard enterpriseId={e.id} />}
    </Space>
  );
}
