import { useState } from 'react';
import { Segmented, Select, Space } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { supervisionApi } from './api';

const TABS = ['risk', 'weights', 'lists', 'draws', 'complaints'] as const;

export function SupervisionNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = TABS.find((k) => pathname.startsWith(`/supervision/${k}`)) ?? 'risk';
  return (
    <Space style={{ marginBottom: 16 }} wrap>
      <Segmented data-testid="supervision-nav" value={current} onChange={(v) => navigate(`/supervision/${v}`)} options={TABS.map((k) => ({ value: k, label: t(`supervision.nav.${k}`) }))} />
    </Space>
  );
}

/** Searches the registry by name or credit code. */
export function EnterprisePicker({ value, onChange }: { value: number | null; onChange(id: number | null): void }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  return (
    <Select showSearch allowClear style={{ width: 320 }} placeholder={t('supervision.pickEnterprise')} value={value ?? undefined} filterOption={false}
      onSearch={(q) => { if (q.trim()) void supervisionApi.searchEnterprises(q).then((r) => setOptions(r.items.map((e) => ({ value: e.id, label: e.name }))), () => {}); }}
      onChange={(v) => onChange((v as number | undefined) ?? null)} options={options} data-testid="enterprise-picker" />
  );
}

export const cst = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—');
