// 首违不罚 on one case: choose the catalogue entry, record the facts, see each condition with its
// evidence, apply the exemption, and record the statutory grounds (行政处罚法 第三十条–第三十三条).
// The lead can place <ExemptionPanel caseId={…} /> inside the case page. The entry starts from the case's
// violation in the violation catalogue (the one the filing and the proposal pick): its linked entries
// come first, any other entry stays reachable through a search.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { useLoad } from '../app/useLoad';
import { applyApiError, citationText, todayOn } from '../cases/index';
import { currentLang } from '../i18n';
import { useViolations, violationNamedIn } from '../discretion/index';
import type { Violation } from '../../../src/discretion/rules/violations';
import { exemptionApi } from './api';
import type { CaseExemption, ConditionOutcome, EntryInForce, FactsInput, GroundInfo, StatutoryGroundCode } from './types';
import './strings';

type Tri = 'true' | 'false' | 'unknown';
const toTri = (v: boolean | null | undefined): Tri => (v === true ? 'true' : v === false ? 'false' : 'unknown');
const fromTri = (v: Tri | undefined): boolean | null => (v === 'true' ? true : v === 'false' ? false : null);

const RESULT_COLOR = { met: 'green', not_met: 'red', unknown: 'gold' } as const;
const STATUS_TYPE = { eligible: 'success', not_eligible: 'error', needs_facts: 'warning' } as const;

/** The case's violation: the code its proposal names, else the one its 案由 was drafted from (the filing keeps no code). */
function caseViolation(items: readonly Violation[], c: { violationCode: string | null; cause: string }): { violation: Violation; source: 'proposal' | 'cause' } | null {
  const named = c.violationCode ? items.find((v) => v.code === c.violationCode) : undefined;
  if (named) return { violation: named, source: 'proposal' };
  const drafted = violationNamedIn([...items], c.cause);
  return drafted ? { violation: drafted, source: 'cause' } : null;
}

/**
 * The entry field: the entries the catalogue links to the case's violation as one-click choices; a
 * search over every entry in force for the rest (or as the only control when nothing is linked).
 */
function EntryPicker({ value, onChange, linked, all }: { value?: number; onChange?: (v: number | undefined) => void; linked: EntryInForce[]; all: EntryInForce[] }) {
  const { t } = useTranslation();
  const outside = value !== undefined && !linked.some((e) => e.id === value);
  const [searching, setSearching] = useState(false);
  const showSearch = linked.length === 0 || searching || outside;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {linked.length > 0 && (
        <Radio.Group value={outside ? undefined : value} onChange={(e) => onChange?.(e.target.value as number)} data-testid="exemption-linked-entries">
          <Space direction="vertical">
            {linked.map((e) => (
              <Radio key={e.id} value={e.id} data-testid={`exemption-linked-entry-${e.id}`}>
                <Typography.Text strong>{e.seq}. {e.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{e.circumstances}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      {linked.length > 0 && !showSearch && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setSearching(true)} data-testid="exemption-entry-search-toggle">{t('exemptions.panel.searchOther')}</Button>
      )}
      {showSearch && (
        <Select data-testid="exemption-entry" placeholder={t(linked.length ? 'exemptions.panel.searchOtherPlaceholder' : 'exemptions.panel.chooseEntry')} showSearch optionFilterProp="label"
          value={outside ? value : undefined} onChange={(v: number) => onChange?.(v)} style={{ width: '100%' }}
          options={all.map((e) => ({ value: e.id, label: `${e.seq}. ${e.title}` }))} />
      )}
    </Space>
  );
}

interface FormValues {
  entryId?: number; consequence: 'none' | 'minor' | 'serious' | 'unknown'; correctionOrderedOn?: string; correctedOn?: string;
  intentional: Tri; attestedNoPriorElsewhere: Tri; extra: Record<string, Tri>; note?: string;
}

export function EvaluationTable({ conditions, entry }: { conditions: ConditionOutcome[]; entry?: { conditions: { extra: { key: string; text: string }[] } } | null }) {
  const { t } = useTranslation();
  const name = (key: string) => {
    if (key.startsWith('extra.')) return entry?.conditions.extra.find((x) => `extra.${x.key}` === key)?.text ?? key.slice(6);
    return t(`exemptions.panel.conditionName.${key}`, { defaultValue: key });
  };
  return (
    <Table<ConditionOutcome>
      size="small" pagination={false} rowKey="key" dataSource={conditions} data-testid="exemption-conditions"
      columns={[
        { title: t('exemptions.panel.condition'), dataIndex: 'key', width: 200, render: (k: string, r) => <span title={citationText(t, r.citation)}>{name(k)}</span> },
        { title: t('exemptions.panel.result'), dataIndex: 'result', width: 90, render: (v: ConditionOutcome['result'], r) => <Tag color={RESULT_COLOR[v]} data-testid={`condition-${r.key}`} data-result={v}>{t(`exemptions.panel.resultValue.${v}`)}</Tag> },
        { title: t('exemptions.panel.evidence'), dataIndex: 'evidence' },
      ]}
    />
  );
}

function ApplyModal({ open, caseId, onClose, onDone }: { open: boolean; caseId: number; onClose(): void; onDone(r: CaseExemption): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setError(null);
      form.setFieldsValue({ correctionOrder: '责令立即改正违法行为', educationOn: todayOn(), educationForm: '当面约谈', educationContent: '', reasons: '' });
    }
  }, [open, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      onDone(await exemptionApi.apply(caseId, {
        correctionOrder: v.correctionOrder, education: { on: v.educationOn, form: v.educationForm, content: v.educationContent }, reasons: v.reasons || null,
      }));
    } catch (e) {
      setError(applyApiError(form, e, t, ['correctionOrder', 'reasons'], { 'education.on': ['educationOn'], 'education.form': ['educationForm'], 'education.content': ['educationContent'] }) || null);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('exemptions.panel.applyTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving}
      okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'exemption-apply-confirm' } as never} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="exemption-apply-error" />}
      <Form form={form} layout="vertical">
        <Form.Item name="correctionOrder" label={t('exemptions.panel.correctionOrder')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} data-testid="exemption-correction-order" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="educationOn" label={t('exemptions.panel.educationOn')} rules={[{ required: true }]} style={{ width: '40%' }}>
            <Input type="date" data-testid="exemption-education-on" />
          </Form.Item>
          <Form.Item name="educationForm" label={t('exemptions.panel.educationForm')} rules={[{ required: true, whitespace: true }]} style={{ width: '60%' }}>
            <Input data-testid="exemption-education-form" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="educationContent" label={t('exemptions.panel.educationContent')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} data-testid="exemption-education-content" />
        </Form.Item>
        <Form.Item name="reasons" label={t('exemptions.panel.reasons')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function GroundsCard({ caseId, data, infos, onChange }: { caseId: number; data: CaseExemption; infos: GroundInfo[]; onChange(): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [ground, setGround] = useState<StatutoryGroundCode | undefined>();
  const [note, setNote] = useState('');
  const label = (code: string) => {
    const g = infos.find((i) => i.code === code);
    return g ? `${currentLang() === 'en' ? g.en : g.zh}（${citationText(t, g.citation).replace(/^[（(]|[）)]$/g, '')}）` : code;
  };
  const usable = infos.filter((i) => i.party === 'any' || data.case.partyKind === 'individual');
  const add = async () => {
    if (!ground) return;
    try {
      await exemptionApi.addGround(caseId, ground, note || '—');
      setGround(undefined);
      setNote('');
      onChange();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const remove = (code: StatutoryGroundCode) => {
    let reason = '';
    modal.confirm({
      title: t('exemptions.panel.removeGround'),
      content: <Input placeholder={t('exemptions.panel.removeReason')} onChange={(e) => { reason = e.target.value; }} />,
      onOk: async () => { await exemptionApi.removeGround(caseId, code, reason || '—'); onChange(); },
    });
  };
  return (
    <Card size="small" title={t('exemptions.panel.grounds')} data-testid="exemption-grounds" style={{ marginTop: 12 }}>
      {data.grounds.length === 0 && <Typography.Text type="secondary">{t('exemptions.panel.noGrounds')}</Typography.Text>}
      <ul style={{ paddingInlineStart: 18, marginBottom: 8 }}>
        {data.grounds.map((g) => (
          <li key={g.id}>
            {label(g.ground)} — {g.note} <Typography.Text type="secondary">（{g.recordedByName}）</Typography.Text>
            {data.actions.recordGrounds && <Button size="small" type="link" onClick={() => remove(g.ground)}>{t('exemptions.panel.removeGround')}</Button>}
          </li>
        ))}
      </ul>
      {data.actions.recordGrounds && (
        <Space.Compact block>
          <Select style={{ width: '55%' }} value={ground} onChange={setGround} placeholder={t('exemptions.panel.addGround')}
            options={usable.filter((i) => !data.grounds.some((g) => g.ground === i.code)).map((i) => ({ value: i.code, label: label(i.code) }))} />
          <Input style={{ width: '30%' }} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('exemptions.panel.groundNote')} />
          <Button onClick={() => void add()} disabled={!ground}>{t('exemptions.panel.addGround')}</Button>
        </Space.Compact>
      )}
    </Card>
  );
}

export function ExemptionPanel({ caseId, onApplied }: { caseId: number; onApplied?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { data, error, loading, reload } = useLoad((signal) => exemptionApi.ofCase(caseId, signal), [caseId]);
  const decidedOn = data?.case.decidedOn ?? undefined;
  const entries = useLoad((signal) => exemptionApi.entriesInForce(decidedOn, signal), [decidedOn]);
  const groundInfos = useLoad((signal) => exemptionApi.grounds(signal), []);
  const violations = useViolations();
  const [current, setCurrent] = useState<CaseExemption | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const shown = current ?? data;
  const entryId = Form.useWatch('entryId', form);
  const entry: EntryInForce | undefined = useMemo(() => entries.data?.items.find((e) => e.id === entryId), [entries.data, entryId]);
  const found = useMemo(() => (data ? caseViolation(violations.items, data.case) : null), [violations.items, data]);
  // The catalogue links entries in force today; the list offered is those in force on the decision day.
  const linked = useMemo(() => (entries.data?.items ?? []).filter((e) => found?.violation.exemptions.some((x) => x.id === e.id)), [entries.data, found]);
  const pickerReady = Boolean(entries.data) && (violations.ready || violations.error !== null);

  useEffect(() => {
    if (!data) return;
    setCurrent(null);
    const f = data.facts;
    form.setFieldsValue({
      entryId: f?.entryId, consequence: f?.consequence ?? 'unknown', correctionOrderedOn: f?.correctionOrderedOn ?? undefined, correctedOn: f?.correctedOn ?? undefined,
      intentional: toTri(f?.intentional), attestedNoPriorElsewhere: toTri(f?.attestedNoPriorElsewhere),
      extra: Object.fromEntries(Object.entries(f?.extra ?? {}).map(([k, v]) => [k, toTri(v)])), note: f?.note ?? '',
    });
  }, [data, form]);
  // With no entry chosen yet and exactly one linked, it is the one to check. (After the reset above: effects run in
  // order, and the reset would otherwise clear a choice made in the same render.)
  useEffect(() => {
    if (data && !data.facts && linked.length === 1 && form.getFieldValue('entryId') === undefined) form.setFieldValue('entryId', linked[0]!.id);
  }, [data, linked, form]);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setFormError(null);
    const body: FactsInput = {
      entryId: v.entryId!, consequence: v.consequence === 'unknown' ? null : v.consequence,
      correctionOrderedOn: v.correctionOrderedOn || null, correctedOn: v.correctedOn || null,
      intentional: entry?.conditions.noIntentRequired ? fromTri(v.intentional) : null, attestedNoPriorElsewhere: fromTri(v.attestedNoPriorElsewhere),
      extra: Object.fromEntries((entry?.conditions.extra ?? []).map((x) => [x.key, fromTri(v.extra?.[x.key])])), note: v.note ?? '',
    };
    try {
      setCurrent(await exemptionApi.putFacts(caseId, body));
      message.success(t('exemptions.panel.saved'));
    } catch (e) {
      setFormError(applyApiError(form, e, t, ['entryId', 'consequence', 'correctionOrderedOn', 'correctedOn', 'intentional', 'attestedNoPriorElsewhere', 'note', 'extra']) || null);
    } finally {
      setSaving(false);
    }
  };

  const tri = (name: string | string[], yes: string, no: string, testId: string) => (
    <Form.Item name={name} noStyle>
      <Radio.Group data-testid={testId} optionType="button" size="small"
        options={[{ value: 'true', label: yes }, { value: 'false', label: no }, { value: 'unknown', label: t('exemptions.panel.unknown') }]} />
    </Form.Item>
  );

  if (error) return <LoadError message={error} onRetry={reload} />;
  if (!shown) return <Card loading={loading} title={t('exemptions.panel.title')} />;
  const decidedOther = shown.case.decisionKind && !shown.applied;
  return (
    <div data-testid="exemption-panel">
      <Card size="small" title={t('exemptions.panel.title')}>
        {shown.applied && (
          <Alert type="success" showIcon data-testid="exemption-applied" style={{ marginBottom: 12 }}
            message={t('exemptions.panel.applied', { on: shown.applied.decidedOn })}
            description={<>{shown.catalogue?.title} 第{shown.entry?.seq}项 · {shown.applied.correctionOrder} · {shown.applied.education.form}：{shown.applied.education.content}</>} />
        )}
        {decidedOther && <Alert type="info" showIcon message={t('exemptions.panel.decidedOther')} style={{ marginBottom: 12 }} />}
        {shown.actions.recordFacts && (
          <Form form={form} layout="vertical" data-testid="exemption-facts-form" onValuesChange={() => setFormError(null)}>
            {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} data-testid="exemption-form-error" />}
            <div data-testid="exemption-violation" data-code={found?.violation.code ?? ''} data-source={found?.source ?? ''} data-ready={pickerReady} style={{ marginBottom: 8 }}>
              {found ? (
                <Typography.Text>
                  <Typography.Text type="secondary">{t('exemptions.panel.violation')}：</Typography.Text>
                  {found.violation.title} <Tag>{found.violation.code}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`exemptions.panel.violationSource.${found.source}`)}</Typography.Text>
                  {pickerReady && linked.length === 0 && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="exemption-no-linked">{t('exemptions.panel.noLinked')}</Typography.Text>}
                </Typography.Text>
              ) : pickerReady && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('exemptions.panel.violationUnknown')}</Typography.Text>}
            </div>
            <Form.Item name="entryId" label={t(linked.length ? 'exemptions.panel.linkedEntries' : 'exemptions.panel.entry')} rules={[{ required: true }]}>
              <EntryPicker linked={linked} all={entries.data?.items ?? []} />
            </Form.Item>
            {entry && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{entry.violatedProvision} → {entry.penaltyProvision}；{entry.circumstances}</Typography.Paragraph>}
            <Form.Item name="consequence" label={t('exemptions.panel.consequence')}>
              <Radio.Group data-testid="exemption-consequence" optionType="button" size="small"
                options={[...(['none', 'minor', 'serious'] as const).map((c) => ({ value: c, label: t(`exemptions.panel.consequenceValue.${c}`) })), { value: 'unknown', label: t('exemptions.panel.unknown') }]} />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item name="correctionOrderedOn" label={t('exemptions.panel.correctionOrderedOn')}
                extra={shown.correctionDueOn ? t('exemptions.panel.dueOn', { on: shown.correctionDueOn }) : undefined}>
                <Input type="date" data-testid="exemption-ordered-on" />
              </Form.Item>
              <Form.Item name="correctedOn" label={t('exemptions.panel.correctedOn')}>
                <Input type="date" data-testid="exemption-corrected-on" />
              </Form.Item>
            </Space>
            <Form.Item label={t('exemptions.panel.attested')}>
              {tri('attestedNoPriorElsewhere', t('exemptions.panel.attestedValue.true'), t('exemptions.panel.attestedValue.false'), 'exemption-attested')}
            </Form.Item>
            {entry?.conditions.noIntentRequired && (
              <Form.Item label={t('exemptions.panel.intentional')}>
                {tri('intentional', t('exemptions.panel.intentionalValue.true'), t('exemptions.panel.intentionalValue.false'), 'exemption-intentional')}
              </Form.Item>
            )}
            {(entry?.conditions.extra ?? []).map((x) => (
              <Form.Item key={x.key} label={x.text}>{tri(['extra', x.key], t('exemptions.panel.yes'), t('exemptions.panel.no'), `exemption-extra-${x.key}`)}</Form.Item>
            ))}
            <Button type="primary" onClick={() => void save()} loading={saving} data-testid="exemption-save">{t('exemptions.panel.save')}</Button>
          </Form>
        )}
        {shown.evaluation && (
          <div style={{ marginTop: 16 }}>
            <Alert type={STATUS_TYPE[shown.evaluation.status]} showIcon data-testid="exemption-status" data-status={shown.evaluation.status}
              message={t(`exemptions.panel.status.${shown.evaluation.status}`)} style={{ marginBottom: 8 }} />
            {shown.entryInForce === false && <Alert type="warning" showIcon message={t('exemptions.panel.entryNotInForce')} style={{ marginBottom: 8 }} />}
            {shown.violationMatches === false && (
              <Alert type="error" showIcon data-testid="exemption-violation-mismatch" message={t(`noPenaltyGround.mismatch.${shown.violationRefusal ?? 'EXEMPTION_ENTRY_VIOLATION_MISMATCH'}`)} style={{ marginBottom: 8 }} />
            )}
            {shown.ground && (
              <Alert type={shown.groundMandatory ? 'success' : 'info'} showIcon data-testid="exemption-ground" data-ground={shown.ground}
                message={`${t(`noPenaltyGround.${shown.ground}`)} — ${t(shown.groundMandatory ? 'noPenaltyGround.mandatory' : 'noPenaltyGround.discretionary')}`} style={{ marginBottom: 8 }} />
            )}
            <EvaluationTable conditions={shown.evaluation.conditions} entry={shown.entry} />
          </div>
        )}
        {shown.actions.apply && (
          <Button type="primary" danger style={{ marginTop: 12 }} onClick={() => setApplying(true)} data-testid="exemption-apply">{t('exemptions.panel.apply')}</Button>
        )}
        {shown.applied && (
          <Descriptions size="small" column={1} style={{ marginTop: 12 }}
            items={[{ key: 'c', label: t('exemptions.panel.correctionOrder'), children: shown.applied.correctionOrder },
              { key: 'e', label: t('exemptions.panel.educationContent'), children: `${shown.applied.education.on} ${shown.applied.education.form}：${shown.applied.education.content}` }]} />
        )}
      </Card>
      <GroundsCard caseId={caseId} data={shown} infos={groundInfos.data?.items ?? []} onChange={reload} />
      <ApplyModal open={applying} caseId={caseId} onClose={() => setApplying(false)}
        onDone={(r) => { setApplying(false); setCurrent(r); message.success(t('exemptions.panel.applied', { on: r.applied?.decidedOn ?? '' })); onApplied?.(); }} />
    </div>
  );
}
