// The enterprise picked from the registry, and its outfalls, for the permit application form. Talks to the
// enterprises API directly: the enterprises pages show permits (EnterprisePermitsCard), so permits may not import them.
import { useEffect, useRef, useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';

interface Summary { id: number; name: string; creditCode: string; districtName?: string | null }
export interface EnterpriseOutfall { id: number; code: string; name: string; kind: 'water' | 'air' }

export function EnterprisePick({ value, onChange, testId }: { value?: number; onChange?: (v: number | undefined) => void; testId: string }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: number; label: string; e: Summary }[]>([]);
  const seq = useRef(0);
  const search = (q: string) => {
    const mine = ++seq.current;
    api<{ items: Summary[] }>('/enterprises', { query: { q: q.trim() || undefined, page: 1, pageSize: 20 } }).then(
      (r) => { if (mine === seq.current) setOptions(r.items.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）`, e }))); },
      () => undefined,
    );
  };
  useEffect(() => search(''), []);
  return (
    <Select<number> showSearch allowClear filterOption={false} value={value} onChange={(v) => onChange?.(v)} onSearch={search} options={options}
      style={{ minWidth: 360 }} placeholder={t('permits.hint.enterpriseSearch')} data-testid={testId}
      optionRender={(o) => {
        const e = (o.data as { e: Summary }).e;
        return (
          <div data-testid={`enterprise-option-${e.id}`}>
            <Typography.Text strong>{e.name}</Typography.Text> <Typography.Text type="secondary">{e.creditCode}</Typography.Text>
          </div>
        );
      }} />
  );
}

/** The enterprise's own outfalls (the permitted ones must be among them). */
export function useEnterpriseOutfalls(enterpriseId: number | null): EnterpriseOutfall[] {
  const [list, setList] = useState<EnterpriseOutfall[]>([]);
  useEffect(() => {
    if (!enterpriseId) { setList([]); return undefined; }
    const ctrl = new AbortController();
    api<{ outfalls: EnterpriseOutfall[] }>(`/enterprises/${encodeURIComponent(String(enterpriseId))}`, { signal: ctrl.signal }).then((e) => setList(e.outfalls), () => setList([]));
    return () => ctrl.abort();
  }, [enterpriseId]);
  return list;
}
