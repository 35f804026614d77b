// One exam: the candidate starts it, answers against the timer and submits (the server marks it);
// leaders and administrators see its figures: coverage and pass rate per unit.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Radio, Result, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { useLoad } from '../app/useLoad';
import { trainingApi } from './api';
import { ExamStatus } from './TrainingListPage';
import { TrainingNav } from './TrainingNav';
import type { Candidate, Exam, PaperQuestion, Sitting, UnitFigures } from './types';

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

function Countdown({ endsAt, onElapsed }: { endsAt: number; onElapsed(): void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now());
  const fired = useRef(false);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, endsAt - now);
  useEffect(() => {
    if (left === 0 && !fired.current) { fired.current = true; onElapsed(); }
  }, [left, onElapsed]);
  const mm = String(Math.floor(left / 60_000)).padStart(2, '0');
  const ss = String(Math.floor((left % 60_000) / 1000)).padStart(2, '0');
  return <Tag color={left < 5 * 60_000 ? 'red' : 'blue'} style={{ fontSize: 16, padding: '4px 10px' }} data-testid="training-timer">{t('training.timeLeft')} {mm}:{ss}</Tag>;
}

function QuestionCard({ q, index, value, onChange, disabled }: { q: PaperQuestion; index: number; value: number[]; onChange(v: number[]): void; disabled: boolean }) {
  const { t } = useTranslation();
  const marked = q.answer !== undefined;
  const label = (o: string, i: number) => {
    const right = marked && q.answer!.includes(i);
    return <span style={right ? { color: '#1f7a4d', fontWeight: 600 } : undefined}>{String.fromCharCode(65 + i)}. {o}</span>;
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="training-question" data-kind={q.kind}
      title={<Space wrap><span>{index + 1}.</span><Tag>{t(`training.kind.${q.kind}`)}</Tag>{marked && (q.correct ? <Tag color="green">{t('training.right')}</Tag> : <Tag color="red">{t('training.wrong')}</Tag>)}</Space>}
      extra={marked ? <Typography.Text type="secondary">{q.law} {q.article}</Typography.Text> : null}>
      <Typography.Paragraph>{q.stem}</Typography.Paragraph>
      {q.kind === 'multiple' ? (
        <Checkbox.Group value={value} disabled={disabled} onChange={(v) => onChange((v as number[]).slice().sort((a, b) => a - b))}>
          <Space direction="vertical">{q.options.map((o, i) => <Checkbox key={i} value={i}>{label(o, i)}</Checkbox>)}</Space>
        </Checkbox.Group>
      ) : (
        <Radio.Group value={value[0]} disabled={disabled} onChange={(e) => onChange([e.target.value as number])}>
          <Space direction="vertical">{q.options.map((o, i) => <Radio key={i} value={i}>{label(o, i)}</Radio>)}</Space>
        </Radio.Group>
      )}
    </Card>
  );
}

function Paper({ exam, sitting, onSubmitted }: { exam: Exam; sitting: Sitting; onSubmitted(s: Sitting): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const submitted = sitting.submittedAt !== null;
  const [answers, setAnswers] = useState<Record<string, number[]>>(() => (submitted ? Object.fromEntries(sitting.questions.map((q) => [String(q.id), q.given ?? []])) : {}));
  const [busy, setBusy] = useState(false);
  const answered = sitting.questions.filter((q) => (answers[String(q.id)] ?? []).length > 0).length;
  const send = useCallback(async () => {
    setBusy(true);
    try {
      const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v.length > 0));
      onSubmitted(await trainingApi.submit(exam.id, given));
      message.success(t('training.submitted'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, [answers, exam.id, message, onSubmitted, t]);
  const endsAt = new Date(sitting.startedAt).getTime() + exam.timeLimitMinutes * 60_000;
  // Submitted automatically when the time runs out — not when the page is opened after it ran out (the server would refuse).
  const [liveAtOpen] = useState(() => Date.now() < endsAt);
  return (
    <Card title={exam.title} data-testid="training-paper"
      extra={submitted ? null : <Space><Countdown endsAt={Math.min(endsAt, new Date(sitting.deadlineAt).getTime())} onElapsed={() => { if (liveAtOpen) void send(); }} />
        <Button type="primary" loading={busy} data-testid="training-submit" onClick={() => modal.confirm({ title: t('training.confirmSubmit', { answered, total: sitting.questions.length }), onOk: send })}>{t('training.submit')}</Button></Space>}>
      {sitting.result && (
        <div data-testid="training-result" data-passed={String(sitting.result.passed)}>
          <Result status={sitting.result.passed ? 'success' : 'warning'}
            title={sitting.result.passed ? t('training.passed') : t('training.failed')}
            subTitle={t('training.score', { score: sitting.result.scorePercent, correct: sitting.result.correct, total: sitting.result.total, pass: exam.passPercent })} />
        </div>
      )}
      {sitting.questions.map((q, i) => (
        <QuestionCard key={q.id} q={q} index={i} value={answers[String(q.id)] ?? []} disabled={submitted || busy} onChange={(v) => setAnswers((a) => ({ ...a, [String(q.id)]: v }))} />
      ))}
    </Card>
  );
}

function ResultsCard({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useLoad((signal) => trainingApi.results(examId, signal), [examId]);
  const unitColumns = [
    { title: t('training.unit'), dataIndex: 'unit' },
    { title: t('training.enrolled'), dataIndex: 'enrolled', width: 80 },
    { title: t('training.sat'), dataIndex: 'sat', width: 80 },
    { title: t('training.coverage'), dataIndex: 'coverage', width: 100, render: percent },
    { title: t('training.passedCount'), dataIndex: 'passed', width: 80 },
    { title: t('training.passRate'), dataIndex: 'passRate', width: 100, render: percent },
  ];
  return (
    <Card title={t('training.results')} style={{ marginTop: 16 }} data-testid="training-results">
      <LoadError message={error} onRetry={reload} />
      {data && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col><Statistic title={t('training.enrolled')} value={data.overall.enrolled} /></Col>
          <Col><Statistic title={t('training.sat')} value={data.overall.sat} /></Col>
          <Col><Statistic title={t('training.coverage')} value={percent(data.overall.coverage)} /></Col>
          <Col><Statistic title={t('training.passedCount')} value={data.overall.passed} /></Col>
          <Col><Statistic title={t('training.passRate')} value={percent(data.overall.passRate)} /></Col>
        </Row>
      )}
      <Table<UnitFigures> size="small" rowKey="unit" loading={loading} pagination={false} dataSource={data?.byUnit ?? []} columns={unitColumns} data-testid="training-units"
        locale={{ emptyText: <EmptyState description={t('training.noCandidates')} /> }} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('training.candidates')}</Typography.Title>
      <Table<Candidate> size="small" rowKey="userId" loading={loading} dataSource={data?.candidates ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('training.candidate'), dataIndex: 'displayName' },
          { title: t('training.unit'), dataIndex: 'unit' },
          { title: t('training.scoreCol'), key: 'score', render: (_: unknown, c) => (c.submitted ? `${c.scorePercent}%（${c.correct}/${c.total}）` : '—') },
          { title: t('training.status.label'), key: 'state', render: (_: unknown, c) => (!c.submitted ? <Tag>{t('training.notSat')}</Tag> : c.passed ? <Tag color="green">{t('training.passed')}</Tag> : <Tag color="red">{t('training.failed')}</Tag>) },
        ]} />
    </Card>
  );
}

export default function ExamPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, reload } = useLoad((signal) => trainingApi.exam(id, signal), [id]);
  const [sitting, setSitting] = useState<Sitting | null>(null);
  const [starting, setStarting] = useState(false);
  useEffect(() => setSitting(data?.sitting ?? null), [data]);
  const start = async () => {
    setStarting(true);
    try { setSitting(await trainingApi.start(id)); } catch (e) { message.error(errorMessage(e)); } finally { setStarting(false); }
  };
  return (
    <div data-testid="training-exam-page">
      <TrainingNav />
      <Space style={{ marginBottom: 12 }}><Link to="/training">{t('training.back')}</Link></Space>
      <LoadError message={error} onRetry={reload} />
      {data && (
        <>
          <Card title={data.exam.title} extra={<ExamStatus exam={data.exam} />} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
              { key: 'w', label: t('training.field.window'), children: `${data.exam.opensOn} ~ ${data.exam.closesOn}` },
              { key: 't', label: t('training.field.timeLimit'), children: data.exam.timeLimitMinutes },
              { key: 'p', label: t('training.field.passPercent'), children: `${data.exam.passPercent}%` },
              { key: 'q', label: t('training.questions'), children: `${t('training.kind.single')} ${data.exam.counts.single} · ${t('training.kind.multiple')} ${data.exam.counts.multiple} · ${t('training.kind.true_false')} ${data.exam.counts.true_false}` },
            ]} />
            {data.enrolled && !sitting && (
              data.actions.start
                ? <Button type="primary" loading={starting} onClick={() => void start()} data-testid="training-start">{t('training.start')}</Button>
                : <Alert type="info" showIcon message={t('training.notOpen')} />
            )}
            {!data.enrolled && <Alert type="info" showIcon message={t('training.notEnrolled')} />}
          </Card>
          {sitting && <Paper exam={data.exam} sitting={sitting} onSubmitted={setSitting} />}
          {data.actions.results && <ResultsCard examId={id} />}
        </>
      )}
    </div>
  );
}
