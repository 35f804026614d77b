// The benchmark calculator: choose the violation and each factor's level; the fine and one line per
// factor saying how it moved the amount. With `caseId` it shows the calculation stored on the case and
// how the proposed and decided fines depart from it, and can store a new one (the lead can place
// <DiscretionCalculator caseId={…} /> inside the case page).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, InputNumber, Radio, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { useLoad } from '../app/useLoad';
import { formatYuan, refusalText, yuanToFen, fenToYuanInput } from '../app/format';
import { discretionApi } from './api';
import type { Calculation, CaseDiscretion, Citation, FactorLine, Judged, Table as BenchmarkTable } from './types';
import './strings';

export const provisionText = (c: Citation) => `《${c.law}》${c.article}${c.paragraph ?? ''}${c.item ? `第${c.item}项` : ''}`;

export function rangeText(t: Pick<BenchmarkTable, 'range'>): string {
  const r = t.range;
  if (r.kind === 'amount') return r.minFen === 0 ? `${formatYuan(r.maxFen)} 以下` : `${formatYuan(r.minFen)} – ${formatYuan(r.maxFen)}`;
  if (r.kind === 'percent_of_base') return `${r.baseLabel} ${r.minPercent}% – ${r.maxPercent}%`;
  return `${r.baseLabel} ${r.minMultiple} – ${r.maxMultiple} 倍（不足 ${formatYuan(r.baseFloorFen)} 按 ${formatYuan(r.baseFloorFen)} 计）`;
}

function JudgedLine({ label, j, reason, testId }: { label: string; j: Judged | null; reason: string | null; testId: string }) {
  const { t } = useTranslation();
  if (!j) return null;
  return (
    <div data-testid={testId} data-departs={j.departs} data-ok={j.outcome.ok}>
      <Typography.Text strong>{label}：</Typography.Text>{formatYuan(j.fineFen)}{' '}
      {j.departs ? <Tag color="orange">{t('discretion.calc.departs', { d: `${j.differenceFen > 0 ? '+' : '−'}${formatYuan(Math.abs(j.differenceFen))}` })}</Tag> : <Tag color="green">{t('discretion.calc.sameAsComputed')}</Tag>}
      {!j.outcome.ok && <Alert type="error" showIcon style={{ marginTop: 4 }} message={refusalText(t, j.outcome.code, j.outcome.citation)} />}
      {j.departs && <div><Typography.Text type="secondary">{t('discretion.calc.reason')}：{reason ?? t('discretion.calc.noReason')}</Typography.Text></div>}
    </div>
  );
}

/** 据系统记录: the level the records give and the earlier penalties counted (the officer may still choose another). */
export function RecordedTag({ factor, r, label }: { factor: string; r: CaseDiscretion['recorded']['repeat']; label: string }) {
  const { t } = useTranslation();
  const detail = r.counted.length
    ? t('caseForms.calc.recordedSome', { from: r.fromOn, n: r.counted.length, list: r.counted.map((c) => `${c.number}（${c.decidedOn}）`).join('、') })
    : t('caseForms.calc.recordedNone', { from: r.fromOn });
  return (
    <Tooltip title={detail}>
      <Tag color="blue" style={{ marginInlineStart: 8 }} data-testid={`calc-factor-${factor}-recorded`} data-level={r.level}>
        {t('caseForms.calc.recorded')}：{label}
      </Tag>
    </Tooltip>
  );
}

export function BreakdownTable({ calc }: { calc: Calculation }) {
  const { t } = useTranslation();
  return (
    <Table<FactorLine> size="small" pagination={false} rowKey="factorKey" dataSource={calc.lines} data-testid="discretion-lines"
      columns={[
        { title: t('discretion.calc.factor'), dataIndex: 'factorLabel' },
        { title: t('discretion.calc.level'), dataIndex: 'levelLabel' },
        { title: t('discretion.calc.score'), dataIndex: 'score', width: 70 },
        { title: t('discretion.calc.weight'), dataIndex: 'weight', width: 70 },
        { title: t('discretion.calc.moved'), dataIndex: 'amountFen', align: 'right', render: (v: number) => `+${formatYuan(v)}` },
      ]}
      summary={() => (
        <>
          <Table.Summary.Row><Table.Summary.Cell index={0} colSpan={4}>{t('discretion.calc.baseline')}</Table.Summary.Cell><Table.Summary.Cell index={1} align="right">{formatYuan(calc.baselineFen)}</Table.Summary.Cell></Table.Summary.Row>
          {calc.roundingAdjustmentFen !== 0 && <Table.Summary.Row><Table.Summary.Cell index={0} colSpan={4}>{t('discretion.calc.rounding')}</Table.Summary.Cell><Table.Summary.Cell index={1} align="right">{calc.roundingAdjustmentFen > 0 ? '+' : '−'}{formatYuan(Math.abs(calc.roundingAdjustmentFen))}</Table.Summary.Cell></Table.Summary.Row>}
          <Table.Summary.Row><Table.Summary.Cell index={0} colSpan={4}><strong>{t('discretion.calc.fine')}</strong></Table.Summary.Cell><Table.Summary.Cell index={1} align="right"><strong data-testid="discretion-fine" data-fen={calc.fineFen}>{formatYuan(calc.fineFen)}</strong></Table.Summary.Cell></Table.Summary.Row>
        </>
      )}
    />
  );
}

export function DiscretionCalculator({ caseId, onComputed }: { caseId?: number; onComputed?: (fineFen: number, calculation: Calculation) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tables = useLoad((signal) => discretionApi.tables(undefined, signal), []);
  const caseData = useLoad((signal) => (caseId ? discretionApi.ofCase(caseId, signal) : Promise.resolve(null)), [caseId]);
  const [stored, setStored] = useState<CaseDiscretion | null>(null);
  const current = stored ?? caseData.data;
  const [tableId, setTableId] = useState<number | undefined>();
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [baseYuan, setBaseYuan] = useState<string | null>(null);
  const [calc, setCalc] = useState<Calculation | null>(null);
  const [calcError, setCalcError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const table = useMemo(() => tables.data?.items.find((x) => x.id === tableId), [tables.data, tableId]);

  // Start from what the case stored, when it used a table still in force.
  useEffect(() => {
    const latest = caseData.data?.latest;
    if (!latest || !tables.data) return;
    const inForce = tables.data.items.find((x) => x.code === latest.table.code);
    if (inForce) {
      setTableId(inForce.id);
      setLevels(inForce.id === latest.tableId ? latest.levels : {});
      setBaseYuan(fenToYuanInput(latest.baseFen) ?? null);
    }
  }, [caseData.data, tables.data]);

  // 违法次数 from the case's records: pre-set where the table has that level and none is chosen (still changeable).
  const recordedRepeat = caseData.data?.recorded.repeat;
  const repeatFactor = table?.factors.find((f) => f.key === 'repeat' && f.levels.some((l) => l.key === recordedRepeat?.level));
  useEffect(() => {
    if (repeatFactor && recordedRepeat && !levels.repeat) setLevels((l) => (l.repeat ? l : { ...l, repeat: recordedRepeat.level }));
  }, [repeatFactor, recordedRepeat, levels.repeat]);

  const baseFen = yuanToFen(baseYuan);
  const complete = table && table.factors.every((f) => levels[f.key]) && (table.range.kind === 'amount' || baseFen !== null);
  useEffect(() => {
    if (!table || !complete) { setCalc(null); return; }
    const ctrl = new AbortController();
    setCalcError(null);
    discretionApi.calculate(table.id, levels, baseFen, ctrl.signal).then(
      (r) => { setCalc(r.calculation); onComputed?.(r.calculation.fineFen, r.calculation); },
      (e: unknown) => { if (!ctrl.signal.aborted) { setCalc(null); setCalcError(errorMessage(e)); } },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [table, complete, JSON.stringify(levels), baseFen]);

  const store = async () => {
    if (!caseId || !table) return;
    setSaving(true);
    try {
      setStored(await discretionApi.store(caseId, table.id, levels, table.range.kind === 'amount' ? null : baseFen));
      message.success(t('discretion.calc.stored'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (tables.error) return <LoadError message={tables.error} onRetry={tables.reload} />;
  const latest = current?.latest;
  return (
    <Card size="small" title={t('discretion.calc.title')} data-testid="discretion-calculator">
      {caseData.error && <LoadError message={caseData.error} onRetry={caseData.reload} />}
      {current && latest && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="discretion-case-stored"
          message={t('discretion.calc.caseStored', { code: latest.table.code, v: latest.table.version, fine: formatYuan(latest.computedFen), who: latest.calculatedByName, at: latest.calculatedAt.slice(0, 10) })}
          description={<Space direction="vertical" size={4}>
            <JudgedLine label={t('discretion.calc.proposal')} j={current.proposal} reason={current.discretionReason} testId="discretion-proposal" />
            <JudgedLine label={t('discretion.calc.decision')} j={current.decision} reason={current.discretionReason} testId="discretion-decision" />
            {current.groundsRecorded.length > 0 && <Typography.Text type="secondary">{t('discretion.calc.grounds', { list: current.groundsRecorded.join('、') })}</Typography.Text>}
          </Space>} />
      )}
      {current && !current.actions.calculate && current.case.decisionKind && <Alert type="warning" showIcon message={t('discretion.calc.caseDecided')} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select style={{ width: '100%' }} showSearch optionFilterProp="label" placeholder={t('discretion.calc.chooseTable')} value={tableId} data-testid="discretion-table"
          onChange={(v) => { setTableId(v); setLevels({}); setCalc(null); }}
          options={(tables.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.title}` }))} />
        {table && (
          <>
            <Descriptions size="small" column={1} items={[
              { key: 'v', label: t('discretion.calc.violated'), children: provisionText(table.violatedProvision) },
              { key: 'p', label: t('discretion.calc.penalty'), children: provisionText(table.penaltyProvision) },
              { key: 'r', label: t('discretion.calc.range'), children: <span data-testid="discretion-range">{rangeText(table)}</span> },
              { key: 'e', label: t('discretion.tables.version'), children: t('discretion.calc.version', { v: table.version, on: table.effectiveOn }) },
            ]} />
            {table.range.kind !== 'amount' && (
              <InputNumber<string> stringMode min="0" precision={2} style={{ width: 280 }} value={baseYuan} onChange={setBaseYuan} data-testid="discretion-base"
                addonBefore={t('discretion.calc.base', { label: table.range.baseLabel })} />
            )}
            {table.factors.map((f) => (
              <div key={f.key}>
                <Typography.Text strong style={{ display: 'inline-block', width: 96 }}>{f.label}</Typography.Text>
                <Radio.Group size="small" optionType="button" value={levels[f.key]} data-testid={`discretion-factor-${f.key}`}
                  onChange={(e) => setLevels((l) => ({ ...l, [f.key]: e.target.value as string }))}
                  options={f.levels.map((l) => ({ value: l.key, label: l.label }))} />
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>{t('discretion.calc.weight')} {f.weight}</Typography.Text>
                {f === repeatFactor && recordedRepeat && <RecordedTag factor={f.key} r={recordedRepeat} label={f.levels.find((l) => l.key === recordedRepeat.level)!.label} />}
              </div>
            ))}
          </>
        )}
        {calcError && <Alert type="error" showIcon message={calcError} />}
        {calc && (
          <>
            <Space size="large">
              <Statistic title={t('discretion.calc.fine')} value={formatYuan(calc.fineFen)} />
              <Statistic title={t('discretion.calc.range')} value={`${formatYuan(calc.legalMinFen)} – ${formatYuan(calc.legalMaxFen)}`} valueStyle={{ fontSize: 16 }} />
              <Typography.Text type="secondary">{t('discretion.calc.position', { p: (calc.positionPermille / 10).toFixed(1) })}</Typography.Text>
            </Space>
            <BreakdownTable calc={calc} />
          </>
        )}
        {caseId && current?.actions.calculate && (
          <Button type="primary" disabled={!calc} loading={saving} onClick={() => void store()} data-testid="discretion-store">{t('discretion.calc.store')}</Button>
        )}
      </Space>
    </Card>
  );
}
