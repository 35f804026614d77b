// Small pieces the case pages share: staff names, labels, dates, money, refusal texts.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_STAGES } from '../../../src/cases/rules/procedure';
import { loadDirectory } from './api';
import type { CaseStage, Citation, StaffMember } from './types';
import { ProvisionalTag } from './ProvisionalTag';

import { citationText, fenToYuanInput, formatYuan, refusalText, yuanToFen } from '../app/format';

// Money and refusal texts live in app/format.ts (discretion and exemptions use them too).
export { citationText, fenToYuanInput, formatYuan, refusalText, yuanToFen };

/** Stage names in procedure order, from the server's own rules (nothing to drift apart). */
export const STAGES: readonly CaseStage[] = CASE_STAGES;

const STAGE_COLOR: Record<CaseStage, string> = {
  investigating: 'blue', case_review: 'geekblue', legal_review: 'purple', collective_discussion: 'magenta', notification: 'cyan',
  awaiting_statement: 'cyan', hearing: 'orange', deciding: 'gold', decided: 'lime', executing: 'green', closed: 'default', archived: 'default',
};

export function StageTag({ stage }: { stage: CaseStage }) {
  const { t } = useTranslation();
  return (
    <Tag color={STAGE_COLOR[stage] ?? 'default'} data-testid="case-stage" data-stage={stage}>
      {t(`cases.stage.${stage}`, { defaultValue: stage })}
    </Tag>
  );
}

/** Today in China Standard Time as 'YYYY-MM-DD' (the server judges deadlines by the same calendar day). */
export function todayOn(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(on: string, n: number): string {
  const d = new Date(`${on}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Display only (the server's deadlines board is the authority): overdue after the day, due soon within 3 days. */
export function dueState(dueOn: string, today = todayOn()): 'overdue' | 'due_soon' | 'ok' {
  if (today > dueOn) return 'overdue';
  return addDays(today, 3) >= dueOn ? 'due_soon' : 'ok';
}

/** A due date with its state; `done` when the step it guards has been taken. */
export function DueDate({ dueOn, done, testId, provisional }: { dueOn: string | null | undefined; done?: boolean; testId?: string; provisional?: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) return <span style={{ color: '#bfbfbf' }}>—</span>;
  const state = done ? 'ok' : dueState(dueOn);
  return (
    <span data-testid={testId} data-state={done ? 'done' : state}>
      {dueOn}{' '}
      {state === 'overdue' && <Tag color="red">{t('cases.deadline.overdue')}</Tag>}
      {state === 'due_soon' && <Tag color="orange">{t('cases.deadline.dueSoon')}</Tag>}
      <ProvisionalTag provisional={provisional && !done} testId={testId ? `${testId}-provisional` : undefined} />
    </span>
  );
}

export function Yuan({ fen, testId }: { fen: number | null | undefined; testId?: string }) {
  if (fen === null || fen === undefined) return <span style={{ color: '#bfbfbf' }}>—</span>;
  return <span data-testid={testId} data-fen={fen}>{formatYuan(fen)}</span>;
}

export function useDirectory() {
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    loadDirectory().then(
      (s) => live && setStaff(s),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  const byId = useMemo(() => new Map(staff.map((s) => [s.id, s])), [staff]);
  const name = (id: number | null | undefined) => (id === null || id === undefined ? '—' : byId.get(id)?.displayName ?? `#${id}`);
  return { staff, byId, name, error };
}

/** Options for a staff picker: name, credential number where there is one. */
export function staffOptions(staff: StaffMember[], filter: (s: StaffMember) => boolean = () => true) {
  return staff.filter(filter).map((s) => ({ value: s.id, label: s.credentialNo ? `${s.displayName}（${s.credentialNo}）` : s.displayName }));
}

export function CitationTip({ citation, children }: { citation?: Citation; children: ReactNode }) {
  const { t } = useTranslation();
  if (!citation) return <>{children}</>;
  return <Tooltip title={citationText(t, citation)}>{children}</Tooltip>;
}
