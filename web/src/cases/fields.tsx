// Form controls for case forms: dates as 'YYYY-MM-DD', amounts in yuan, staff and enterprise pickers.
import { useEffect, useRef, useState } from 'react';
import { DatePicker, InputNumber, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { enterpriseApi } from '../enterprises/index';
import { staffOptions, useDirectory } from './shared';
import type { StaffMember } from './types';

type EnterpriseSummary = Awaited<ReturnType<typeof enterpriseApi.list>>['items'][number];

/** antd DatePicker in a wrapper carrying the test id; the form value is a Dayjs. */
export function DateField({ value, onChange, testId, id }: { value?: Dayjs | null; onChange?: (v: Dayjs | null) => void; testId: string; id?: string }) {
  return (
    <div data-testid={testId}>
      <DatePicker id={id} value={value} onChange={(v) => onChange?.(v)} format="YYYY-MM-DD" style={{ width: '100%' }} />
    </div>
  );
}

export const civilOf = (v: Dayjs | null | undefined): string => (v ? v.format('YYYY-MM-DD') : '');
export const dayOf = (on: string | null | undefined): Dayjs | undefined => (on ? dayjs(on, 'YYYY-MM-DD') : undefined);

/** An amount in yuan with two decimals, kept as a string so no binary fraction creeps in. */
export function YuanField({ value, onChange, testId, id }: { value?: string | null; onChange?: (v: string | null) => void; testId: string; id?: string }) {
  const { t } = useTranslation();
  return (
    <InputNumber<string>
      id={id}
      stringMode
      min="0"
      precision={2}
      step="1000"
      value={value ?? null}
      onChange={(v) => onChange?.(v)}
      addonAfter={t('cases.yuan')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** Picks staff from the directory; `filter` narrows the list (e.g. officers holding credentials). */
export function StaffSelect({
  value, onChange, multiple, filter, testId, id,
}: {
  value?: number | number[] | null;
  onChange?: (v: number | number[] | undefined) => void;
  multiple?: boolean;
  filter?: (s: StaffMember) => boolean;
  testId: string;
  id?: string;
}) {
  const { staff } = useDirectory();
  return (
    <Select<number | number[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      optionFilterProp="label"
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      options={staffOptions(staff, filter)}
      data-testid={testId}
    />
  );
}

/** Enterprise picker searching the registry (GET /api/enterprises?q=): full-width options with name, credit code and district. */
export function EnterpriseSelect({ value, onChange, testId, id }: { value?: number; onChange?: (v: number | undefined) => void; testId: string; id?: string }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: number; label: string; enterprise: EnterpriseSummary }[]>([]);
  const [searching, setSearching] = useState(false);
  const seq = useRef(0);
  const search = (q: string) => {
    const mine = ++seq.current;
    setSearching(true);
    enterpriseApi.list({ q: q.trim() || undefined }, 1, 20).then(
      (r) => {
        if (mine !== seq.current) return;
        setOptions(r.items.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）`, enterprise: e })));
        setSearching(false);
      },
      () => mine === seq.current && setSearching(false),
    );
  };
  useEffect(() => search(''), []);
  return (
    <Select<number>
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(v) => onChange?.(v)}
      onSearch={search}
      options={options}
      style={{ width: '100%' }}
      popupMatchSelectWidth
      optionRender={(o) => {
        const e = (o.data as { enterprise: EnterpriseSummary }).enterprise;
        return (
          <div style={{ display: 'flex', gap: 12, justifyContent: 'space-between', whiteSpace: 'normal' }} data-testid={`enterprise-option-${e.id}`}>
            <Typography.Text strong>{e.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>{e.creditCode}</Typography.Text>
            <Typography.Text type="secondary">{e.districtName}{e.townshipName ? ` · ${e.townshipName}` : ''}</Typography.Text>
          </div>
        );
      }}
      placeholder={t('cases.lead.enterpriseSearch')}
      notFoundContent={searching ? <Spin size="small" /> : undefined}
      data-testid={testId}
    />
  );
}
