// 环评审批: the applications with their clocks (enterprise users: their own), and the online application.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { eiaApi } from './api';
import { ApplyModal } from './ApplyModal';
import { ClockTag } from './ClockTag';
import type { ApplicationListItem } from './types';

export const STATUS_COLOR: Record<string, string> = {
  received: 'blue', 'correction-requested': 'orange', accepted: 'processing', filed: 'cyan', approved: 'green', refused: 'red', verified: 'green', revoked: 'magenta',
};

export default function EiaListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const mayApply = can('licensing.apply') || can('licensing.manage');
  const [applying, setApplying] = useState(false);
  const load = useLoad((signal) => eiaApi.list(signal), []);
  const applyButton = mayApply ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="eia-apply">{t('eia.apply')}</Button> : undefined;
  return (
    <Card title={t('eia.title')} data-testid="eia-page"
      extra={<Space>{can('licensing.read') && <Link to="/licensing/board" data-testid="eia-board-link">{t('eia.board.title')}</Link>}{applyButton}</Space>}>
      <ListPage<ApplicationListItem>
        load={load} rowKey="id" data-testid="eia-list"
        empty={mayApply ? t('eia.emptyApply') : t('eia.empty')} emptyAction={applyButton}
        columns={[
          { title: t('eia.field.projectName'), dataIndex: 'projectName', render: (v: string, a) => <Link to={`/licensing/${a.id}`} data-testid={`eia-row-${a.id}`}>{v}</Link> },
          { title: t('eia.field.enterprise'), dataIndex: 'enterpriseName', width: 180 },
          { title: t('eia.field.category'), dataIndex: 'category', width: 90, render: (c: string) => t(`eia.category.${c}`) },
          { title: t('eia.field.status'), dataIndex: 'status', width: 110, render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`eia.status.${s}`)}</Tag> },
          { title: t('eia.field.receivedOn'), dataIndex: 'receivedOn', width: 110 },
          { title: t('eia.clock.title'), key: 'clock', width: 240, render: (_: unknown, a) => <ClockTag clock={a.clock} /> },
          { title: t('eia.field.documentNumber'), dataIndex: 'documentNumber', width: 160 },
        ]}
      />
      <ApplyModal open={applying} onClose={() => setApplying(false)} onSaved={(id) => { setApplying(false); navigate(`/licensing/${id}`); }} />
    </Card>
  );
}
