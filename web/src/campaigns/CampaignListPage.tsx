// 专项整治: the campaigns, and the create modal for those who manage them.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { campaignApi } from './api';
import { CampaignFormModal } from './CampaignForm';
import type { CampaignListItem } from './types';
import { YearFiguresCard } from './YearFiguresCard';

export default function CampaignListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('campaign.manage');
  const [creating, setCreating] = useState(false);
  const load = useLoad((signal) => campaignApi.list(signal), []);
  const createButton = manage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">{t('campaigns.create')}</Button>
  ) : undefined;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
    <Card title={t('campaigns.title')} extra={createButton} data-testid="campaigns-page">
      <ListPage<CampaignListItem>
        load={load}
        rowKey="id"
        data-testid="campaigns-list"
        empty={manage ? t('campaigns.emptyManage') : t('campaigns.empty')}
        emptyAction={createButton}
        columns={[
          { title: t('campaigns.field.name'), dataIndex: 'name', render: (v: string, c) => <Link to={`/campaigns/${c.id}`}>{v}</Link> },
          { title: t('campaigns.field.kind'), dataIndex: 'kind', width: 160, render: (k: string | null) => (k ? t(`campaigns.field.kinds.${k}`) : '—') },
          { title: t('campaigns.field.period'), key: 'period', width: 210, render: (_: unknown, c) => `${c.startsOn} ~ ${c.endsOn}` },
          { title: t('campaigns.figures.targets'), dataIndex: 'targetCount', width: 100 },
          { title: t('campaigns.figures.problems'), dataIndex: 'problemCount', width: 100 },
          { title: t('campaigns.openItems'), dataIndex: 'openCount', width: 110, render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : 0) },
        ]}
      />
      <CampaignFormModal open={creating} onClose={() => setCreating(false)} onSaved={() => { setCreating(false); load.reload(); }} />
    </Card>
    <YearFiguresCard />
    </Space>
  );
}
