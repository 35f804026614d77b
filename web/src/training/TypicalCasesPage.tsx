// 以案释法: typical cases drafted from closed cases (identity removed by rule), reviewed, then published.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Modal, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { trainingApi } from './api';
import { TrainingNav } from './TrainingNav';
import type { TypicalCase, TypicalCaseStatus } from './types';

export const STATUS_COLOR: Record<TypicalCaseStatus, string> = { draft: 'default', submitted: 'blue', returned: 'orange', published: 'green' };

function DraftModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [caseId, setCaseId] = useState<number | null>(null);
  const { busy, submit } = useSubmit();
  const closed = useLoad((signal) => (open ? trainingApi.closedCases(signal) : Promise.resolve(null)), [open]);
  const onOk = async () => {
    if (caseId === null) return;
    let created: TypicalCase | null = null;
    const ok = await submit(async () => { created = await trainingApi.draftTypicalCase(caseId); }, t('learning.tc.drafted'));
    if (ok && created) navigate(`/training/typical-cases/${(created as TypicalCase).id}`);
  };
  return (
    <Modal open={open} title={t('learning.tc.draft')} onCancel={onClose} onOk={() => void onOk()} okButtonProps={{ disabled: caseId === null, 'data-testid': 'tc-draft-ok' } as never} confirmLoading={busy} destroyOnHidden>
      <p>{t('learning.tc.draftHelp')}</p>
      <Select style={{ width: '100%' }} showSearch optionFilterProp="label" loading={closed.loading} value={caseId ?? undefined} onChange={setCaseId} data-testid="tc-case"
        placeholder={t('learning.tc.pickCase')} options={(closed.data ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.cause}` }))} />
    </Modal>
  );
}

export default function TypicalCasesPage() {
  const { t } = useTranslation();
  const [drafting, setDrafting] = useState(false);
  const load = useLoad((signal) => trainingApi.typicalCases(signal), []);
  const draftButton = load.data?.canDraft ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)} data-testid="tc-draft">{t('learning.tc.draft')}</Button> : undefined;
  return (
    <div data-testid="typical-cases-page">
      <TrainingNav />
      <Card title={t('learning.tc.title')} extra={draftButton}>
        <ListPage<TypicalCase>
          load={load}
          rowKey="id"
          data-testid="tc-list"
          empty={t('learning.tc.empty')}
          emptyAction={draftButton}
          columns={[
            { title: t('learning.tc.caseTitle'), dataIndex: 'title', render: (v: string, c) => <Link to={`/training/typical-cases/${c.id}`}>{v}</Link> },
            { title: t('learning.tc.district'), dataIndex: 'districtName', width: 120 },
            { title: t('learning.tc.status'), dataIndex: 'status', width: 100, render: (s: TypicalCaseStatus) => <Tag color={STATUS_COLOR[s]}>{t(`learning.tcStatus.${s}`)}</Tag> },
            { title: t('learning.tc.publishedAt'), dataIndex: 'publishedAt', width: 130, render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '—') },
          ]}
        />
      </Card>
      <DraftModal open={drafting} onClose={() => setDrafting(false)} />
    </div>
  );
}
