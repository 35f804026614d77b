// 案卷评查 workbench: closed cases with their review status; a score sheet per case, pre-filled with
// the deductions the automatic pre-checks propose, scored live with the server's own rule.
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Collapse, Drawer, Input, InputNumber, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { useLoad } from '../app/useLoad';
import { citationText, Yuan } from '../cases/index';
import { scoreSheet } from '../../../src/file-review/rules/standard';
import { fileReviewApi } from './api';
import type { Band, CaseFile, ClosedCase, SheetLine } from './types';
import './strings';

const BAND_COLOR: Record<Band, string> = { excellent: 'green', qualified: 'blue', unqualified: 'red' };

export function BandTag({ band }: { band: Band | null }) {
  const { t } = useTranslation();
  return band ? <Tag color={BAND_COLOR[band]} data-testid="band" data-band={band}>{t(`fileReview.band.${band}`)}</Tag> : <span>—</span>;
}

function ScoreSheetDrawer({ caseId, onClose, onSaved }: { caseId: number | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { data, error, loading, reload } = useLoad((signal) => (caseId ? fileReviewApi.caseFile(caseId, signal) : Promise.resolve(null)), [caseId]);
  const [file, setFile] = useState<CaseFile | null>(null);
  const [lines, setLines] = useState<SheetLine[]>([]);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const current = file ?? data;
  useEffect(() => {
    setFile(null);
    if (!data) return;
    setLines(data.mine?.lines ?? data.prefill);
    setComment(data.mine?.comment ?? '');
  }, [data]);
  const standard = current?.standard;
  const sheet = useMemo(() => (standard ? scoreSheet(standard, lines) : null), [standard, lines]);
  const editable = Boolean(current?.actions.review);

  const toggle = (itemCode: string, deductionCode: string, on: boolean) =>
    setLines((ls) => (on ? [...ls, { itemCode, deductionCode, note: '', source: 'reviewer' }] : ls.filter((l) => l.deductionCode !== deductionCode)));
  const setNote = (deductionCode: string, note: string) =>
    setLines((ls) => { const i = ls.findIndex((l) => l.deductionCode === deductionCode); return ls.map((l, j) => (j === i ? { ...l, note } : l)); });
  const save = async (submit: boolean) => {
    if (!caseId) return;
    setSaving(true);
    try {
      const r = await fileReviewApi.save(caseId, { lines, comment, submit });
      setFile(r);
      message.success(t(submit ? 'fileReview.sheet.submittedOk' : 'fileReview.sheet.saved'));
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open={caseId !== null} onClose={onClose} width={860} destroyOnHidden data-testid="file-review-drawer"
      title={current ? t('fileReview.sheet.title', { number: current.case.number }) : ''}
      extra={editable && (
        <Space>
          <Button onClick={() => void save(false)} loading={saving} data-testid="file-review-save">{t('fileReview.sheet.saveDraft')}</Button>
          <Button type="primary" loading={saving} data-testid="file-review-submit"
            onClick={() => modal.confirm({ title: t('fileReview.sheet.confirmSubmit'), onOk: () => save(true) })}>{t('fileReview.sheet.submit')}</Button>
        </Space>
      )}>
      <LoadError message={error} onRetry={reload} />
      {loading && !current && <Card loading />}
      {current && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{current.case.enterpriseName} · {current.case.districtName} · <Yuan fen={current.case.decisionFineFen} /> · <Link to={`/cases/${current.case.id}`}>{current.case.number}</Link></Typography.Text>
          <Card size="small" title={t('fileReview.sheet.findings')} data-testid="file-review-findings">
            {current.findings.length === 0 ? <Typography.Text type="secondary">{t('fileReview.sheet.noFindings')}</Typography.Text> : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {current.findings.map((f, i) => <li key={i} data-check={f.check}>{f.detail}<Typography.Text type="secondary">{citationText(t, f.citation)}</Typography.Text></li>)}
              </ul>
            )}
          </Card>
          {!editable && <Alert type="info" showIcon message={t('fileReview.sheet.readOnly')} />}
          {standard && sheet && (
            <>
              <Space>
                <Typography.Text type="secondary">{t('fileReview.sheet.standard', { title: standard.title, v: standard.version })}</Typography.Text>
                <Typography.Text strong data-testid="file-review-score" data-score={sheet.total}>{t('fileReview.sheet.total', { score: sheet.total, max: sheet.maxTotal })}</Typography.Text>
                <BandTag band={sheet.band} />
              </Space>
              <Collapse size="small" defaultActiveKey={standard.items.map((i) => i.code)} items={sheet.items.map((item) => {
                const rule = standard.items.find((i) => i.code === item.code)!;
                return {
                  key: item.code,
                  label: <Space><strong>{item.title}</strong><span>{item.score} / {item.points}</span></Space>,
                  children: rule.deductions.map((d) => {
                    const mine = lines.filter((l) => l.deductionCode === d.code);
                    return (
                      <div key={d.code} style={{ marginBottom: 6 }}>
                        <Checkbox checked={mine.length > 0} disabled={!editable} onChange={(e) => toggle(item.code, d.code, e.target.checked)} data-testid={`deduction-${d.code}`}>
                          {d.code} {d.text}（-{d.points}{mine.length > 1 ? ` ×${mine.length}` : ''}）
                        </Checkbox>
                        {d.veto && <Tag color="red">{t('fileReview.sheet.veto')}</Tag>}
                        {mine.some((l) => l.source === 'precheck') && <Tag color="purple">{t('fileReview.sheet.precheck')}</Tag>}
                        {mine.length > 0 && (
                          <Input size="small" style={{ marginTop: 4 }} placeholder={t('fileReview.sheet.note')} value={mine[0]!.note} disabled={!editable} onChange={(e) => setNote(d.code, e.target.value)} />
                        )}
                      </div>
                    );
                  }),
                };
              })} />
              <Input.TextArea rows={3} placeholder={t('fileReview.sheet.comment')} value={comment} disabled={!editable} onChange={(e) => setComment(e.target.value)} />
            </>
          )}
          {current.reviews.filter((r) => r.id !== current.mine?.id).length > 0 && (
            <Card size="small" title={t('fileReview.sheet.others')}>
              {current.reviews.filter((r) => r.id !== current.mine?.id).map((r) => (
                <div key={r.id}>{t('fileReview.sheet.reviewer')} {r.reviewerName}：{r.score} <BandTag band={r.band} /> {r.comment}</div>
              ))}
            </Card>
          )}
        </Space>
      )}
    </Drawer>
  );
}

export default function WorkbenchPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | null>(new Date().getFullYear());
  const [filter, setFilter] = useState<'all' | 'todo' | 'done'>('all');
  const [open, setOpen] = useState<number | null>(null);
  const reviewed = filter === 'all' ? undefined : filter === 'done';
  const { data, error, loading, reload } = useLoad((signal) => fileReviewApi.cases({ year: year ?? undefined, reviewed }, signal), [year, reviewed]);
  return (
    <Card title={t('fileReview.title')} data-testid="file-review-page" extra={<Link to="/file-review/results">{t('fileReview.workbench.goResults')}</Link>}>
      <LoadError message={error} onRetry={reload} />
      <Space style={{ marginBottom: 12 }}>
        <span>{t('fileReview.workbench.year')}</span>
        <InputNumber min={2000} max={2100} value={year} onChange={setYear} />
        <Segmented value={filter} onChange={(v) => setFilter(v as typeof filter)}
          options={(['all', 'todo', 'done'] as const).map((k) => ({ value: k, label: t(`fileReview.workbench.filter.${k}`) }))} />
      </Space>
      <Table<ClosedCase> size="small" rowKey="id" loading={loading} dataSource={data?.items ?? []} pagination={{ pageSize: 20 }} data-testid="file-review-cases" locale={{ emptyText: <EmptyState description={t('emptyState.fileReviewCases')} /> }}
        columns={[
          { title: t('fileReview.workbench.number'), dataIndex: 'number', width: 170 },
          { title: t('fileReview.workbench.party'), dataIndex: 'enterpriseName', ellipsis: true },
          { title: t('fileReview.workbench.district'), dataIndex: 'districtName', width: 110 },
          { title: t('fileReview.workbench.closedAt'), dataIndex: 'closedAt', width: 110, render: (v: string) => v.slice(0, 10) },
          { title: t('fileReview.workbench.reviews'), dataIndex: 'reviews', width: 80 },
          { title: t('fileReview.workbench.score'), dataIndex: 'latestScore', width: 70, render: (v: number | null) => v ?? '—' },
          { title: t('fileReview.workbench.band'), dataIndex: 'latestBand', width: 90, render: (v: Band | null) => <BandTag band={v} /> },
          { title: t('fileReview.workbench.mine'), dataIndex: 'myStatus', width: 90, render: (v: string | null) => (v ? t(`fileReview.workbench.${v}`) : t('fileReview.workbench.none')) },
          { title: '', key: 'open', width: 80, render: (_, r) => <Button size="small" onClick={() => setOpen(r.id)} data-testid={`file-review-open-${r.id}`}>{t('fileReview.workbench.open')}</Button> },
        ]}
      />
      <ScoreSheetDrawer caseId={open} onClose={() => setOpen(null)} onSaved={reload} />
    </Card>
  );
}
