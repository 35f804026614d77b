// The violation catalogue in the case forms: one picker (违法行为 → 违反条款, 处罚依据, legal range,
// exemption entries) for the filing and the proposal, and the benchmark calculator embedded in the
// proposal (行政处罚法 第三十四条), whose result fills the proposed fine.
import { useEffect, useState } from 'react';
import { Alert, Radio, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api';
import { formatYuan } from '../app/format';
import { discretionApi } from './api';
import { rangeText, RecordedTag } from './DiscretionCalculator';
import type { Calculation, CaseDiscretion, Table, Violation } from './types';
import './strings';

let violationsOnce: Promise<Violation[]> | null = null;
let tablesOnce: Promise<Table[]> | null = null;

function once<T>(get: () => Promise<T> | null, set: (p: Promise<T> | null) => void, load: () => Promise<T>): Promise<T> {
  let p = get();
  if (!p) {
    p = load();
    set(p);
    // A failed load is tried again next time.
    p.catch(() => set(null));
  }
  return p;
}

/** The catalogue in force today, loaded once per page load. `ready` turns true when it has arrived. */
export function useViolations() {
  const [items, setItems] = useState<Violation[]>([]);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    once(() => violationsOnce, (p) => { violationsOnce = p; }, () => discretionApi.violations().then((r) => r.items)).then(
      (v) => { if (live) { setItems(v); setReady(true); } },
      (e: unknown) => { if (live) setError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, []);
  return { items, ready, error };
}

/** The violation whose title the text (e.g. a 案由 drafted from it) contains; the longest title wins. */
export function violationNamedIn(items: Violation[], text: string | null | undefined): Violation | undefined {
  if (!text) return undefined;
  return items.filter((v) => text.includes(v.title)).sort((a, b) => b.title.length - a.title.length)[0];
}

/** Picks a violation (value: its benchmark code). Options span the form's width: title, code, provisions and range. */
export function ViolationSelect({ value, onChange, testId, id }: { value?: string | null; onChange?: (v: string | undefined, violation?: Violation) => void; testId: string; id?: string }) {
  const { t } = useTranslation();
  const { items, ready, error } = useViolations();
  return (
    <>
      <Select<string>
        id={id}
        showSearch
        allowClear
        value={value ?? undefined}
        optionFilterProp="label"
        placeholder={t('caseForms.violation.placeholder')}
        loading={!ready && !error}
        onChange={(v) => onChange?.(v, items.find((x) => x.code === v))}
        options={items.map((v) => ({ value: v.code, label: `${v.code} ${v.title}`, violation: v }))}
        optionRender={(o) => {
          const v = (o.data as { violation: Violation }).violation;
          return (
            <div style={{ whiteSpace: 'normal', lineHeight: 1.4 }}>
              <div><Typography.Text strong>{v.title}</Typography.Text> <Tag>{v.code}</Tag></div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('caseForms.violation.line', { violated: v.violatedText, penalty: v.penaltyText, range: rangeText(v) })}
              </Typography.Text>
            </div>
          );
        }}
        data-testid={testId}
        data-ready={ready}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 4 }} />}
    </>
  );
}

/** What the chosen violation brings: the legal range and the exemption entries that cover it. */
export function ViolationSummary({ violation }: { violation: Violation }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2} style={{ marginBottom: 12 }} data-testid="violation-summary" data-code={violation.code}>
      <Typography.Text><Typography.Text type="secondary">{t('caseForms.violation.range')}：</Typography.Text><span data-testid="violation-range">{rangeText(violation)}</span></Typography.Text>
      {violation.exemptions.length > 0 && (
        <Typography.Text type="secondary" data-testid="violation-exemptions">
          {t('caseForms.violation.exemptions', { list: violation.exemptions.map((e) => e.title).join('；') })}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * The benchmark calculator inside the proposal: each factor's level, the fine and the legal range.
 * Only the factors the case's records settle (违法次数, from `GET /api/discretion/cases/:caseId`) are
 * pre-set, marked 据系统记录 and still changeable; the officer judges every other one. `onLevel` sets one
 * factor; `onComputed` gets the fine, or null while incomplete.
 */
export function EmbeddedCalculator({ caseId, tableId, levels, baseFen, onLevel, onComputed }: {
  caseId: number; tableId: number; levels: Record<string, string>; baseFen: number | null;
  /** `preset`: a level from the records, which never replaces one already chosen. */
  onLevel(factor: string, level: string, preset?: boolean): void; onComputed(fineFen: number | null, calc: Calculation | null): void;
}) {
  const { t } = useTranslation();
  const [tables, setTables] = useState<Table[] | null>(null);
  const [recorded, setRecorded] = useState<CaseDiscretion['recorded'] | null>(null);
  const [calc, setCalc] = useState<Calculation | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    once(() => tablesOnce, (p) => { tablesOnce = p; }, () => discretionApi.tables().then((r) => r.items)).then(
      (v) => live && setTables(v), (e: unknown) => live && setError(errorMessage(e)));
    return () => { live = false; };
  }, []);
  useEffect(() => {
    const ctrl = new AbortController();
    // Without the record the officer chooses the level himself: a failed load only leaves it unset.
    discretionApi.ofCase(caseId, ctrl.signal).then((r) => setRecorded(r.recorded), () => undefined);
    return () => ctrl.abort();
  }, [caseId]);
  const table = tables?.find((x) => x.id === tableId);
  // A recorded level is pre-set where the table has that level and the officer has not chosen one (again after a change of violation).
  const presets = Object.entries(recorded ?? {}).filter(([key, r]) => table?.factors.some((f) => f.key === key && f.levels.some((l) => l.key === r.level)));
  const unsetPresets = presets.filter(([key]) => !levels[key]);
  useEffect(() => {
    for (const [key, r] of unsetPresets) onLevel(key, r.level, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unsetPresets.map(([k]) => k).join()]);
  const complete = Boolean(table && table.factors.every((f) => levels[f.key]) && (table.range.kind === 'amount' || baseFen !== null));
  const key = JSON.stringify(levels);
  useEffect(() => {
    if (!table || !complete) { setCalc(null); onComputed(null, null); return; }
    const ctrl = new AbortController();
    setError(null);
    discretionApi.calculate(table.id, levels, table.range.kind === 'amount' ? null : baseFen, ctrl.signal).then(
      (r) => { setCalc(r.calculation); onComputed(r.calculation.fineFen, r.calculation); },
      (e: unknown) => { if (!ctrl.signal.aborted) { setCalc(null); setError(errorMessage(e)); onComputed(null, null); } },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [table?.id, complete, key, baseFen]);
  if (!table) return error ? <Alert type="error" showIcon message={error} /> : null;
  return (
    <div data-testid="proposal-calculator" data-complete={complete} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 16 }}>
      <Typography.Text strong>{t('caseForms.calc.title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{t('caseForms.calc.hint')}</Typography.Paragraph>
      {table.factors.map((f) => (
        <div key={f.key} style={{ marginBottom: 4 }}>
          <Typography.Text style={{ display: 'inline-block', width: 88 }}>{f.label}</Typography.Text>
          <Radio.Group size="small" optionType="button" value={levels[f.key]} data-testid={`calc-factor-${f.key}`}
            onChange={(e) => onLevel(f.key, e.target.value as string)}
            options={f.levels.map((l) => ({ value: l.key, label: l.label }))} />
          {presets.filter(([key]) => key === f.key).map(([key, r]) => <RecordedTag key={key} factor={key} r={r} label={f.levels.find((l) => l.key === r.level)!.label} />)}
        </div>
      ))}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      {calc && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="calc-result" data-fen={calc.fineFen}>
          {t('caseForms.calc.result', { fine: formatYuan(calc.fineFen), min: formatYuan(calc.legalMinFen), max: formatYuan(calc.legalMaxFen) })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
