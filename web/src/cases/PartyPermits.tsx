// The party's discharge permits on the case page, shown when the case's legal basis cites 排污许可管理条例 (the
// server says whether it applies; the permits capability supplies the list through cases' provider hook).
import { Link } from 'react-router-dom';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useLoad } from '../app/useLoad';

interface PartyPermit {
  id: number; number: string; managementClass: 'key' | 'simplified' | 'registration'; status: 'active' | 'superseded' | 'revoked' | 'cancelled';
  validFrom: string; validTo: string | null; endedOn: string | null; validOn: boolean; outfalls: { code: string; limits: number }[];
}

export function PartyPermits({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const load = useLoad((signal) => api<{ applies: boolean; permits: PartyPermit[] }>(`/cases/${caseId}/party-permits`, { signal }), [caseId]);
  if (!load.data?.applies) return null;
  const list = load.data.permits;
  return (
    <div data-testid="case-party-permits" data-count={list.length} style={{ marginTop: 12 }}>
      <Typography.Text strong style={{ marginRight: 8 }}>{t('cases.partyPermits.title')}</Typography.Text>
      {list.length === 0 ? <Tag color="red" data-testid="case-party-no-permit">{t('cases.partyPermits.none')}</Tag> : (
        <Space direction="vertical" size={2}>
          {list.map((p) => (
            <Space key={p.id} wrap data-testid={`case-party-permit-${p.id}`}>
              <Link to={`/permits/${p.id}`}>{p.number}</Link>
              <Tag>{t(`cases.partyPermits.class.${p.managementClass}`)}</Tag>
              <Tag color={p.validOn ? 'green' : 'red'}>{p.validOn ? t('cases.partyPermits.valid') : t(`cases.partyPermits.status.${p.status}`)}</Tag>
              <Typography.Text type="secondary">{p.validFrom} ~ {p.validTo ?? '—'}{p.endedOn ? `（${p.endedOn}）` : ''}</Typography.Text>
              {p.outfalls.length > 0 && <Typography.Text type="secondary">{p.outfalls.map((o) => `${o.code}×${o.limits}`).join('、')}</Typography.Text>}
            </Space>
          ))}
        </Space>
      )}
    </div>
  );
}
