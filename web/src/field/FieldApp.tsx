// 移动执法: the officer's phone app at /field. Works offline: the day's work is downloaded into IndexedDB,
// records and files taken on site wait in an outbox there, and sync when the network returns.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Input, Layout, List, Progress, Radio, Select, Space, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { liveQuery } from 'dexie';
import { api } from '../app/api';
import { useAuth } from '../app/auth';
import { fieldDb, sha256Hex, type FieldDay, type FieldTask, type FileRole, type OutboxFile, type OutboxRecord, type RecordPayload } from './db';
import { keepStandalone, syncOutbox, type SyncProgress } from './sync';
import { SignatureField } from './SignatureField';
import './strings';

const DAY_KEY = 'today';
const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const chinaNow = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date()).replace(' ', 'T');

/** The query's current result, re-run whenever the tables it read change (Dexie's liveQuery). */
function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  }, []);
  return online;
}

function position(): Promise<{ longitude: number; latitude: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => navigator.geolocation.getCurrentPosition(
    (p) => resolve({ longitude: p.coords.longitude, latitude: p.coords.latitude }), () => resolve(null), { timeout: 5000, maximumAge: 60_000 },
  ));
}

export default function FieldApp() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const online = useOnline();
  const day = useLiveQuery(() => fieldDb.days.get(DAY_KEY), []);
  const outbox = useLiveQuery(() => fieldDb.outbox.orderBy('clientId').toArray(), []) ?? [];
  const files = useLiveQuery(() => fieldDb.files.toArray(), []) ?? [];
  const [task, setTask] = useState<FieldTask | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // The service worker precaches the app shell: the next start works with no network.
    void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true, onRegisterError: () => undefined })).catch(() => undefined);
  }, []);

  const download = useCallback(async () => {
    setError(null);
    try {
      const d = await api<FieldDay>('/field/today');
      await fieldDb.days.put({ ...d, key: DAY_KEY });
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  const sync = useCallback(async () => {
    if (syncing) return;
    setSyncing(true);
    setError(null);
    try {
      setProgress(await syncOutbox(setProgress));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSyncing(false);
    }
  }, [syncing]);

  // Back online: the outbox goes out by itself.
  useEffect(() => {
    const on = () => { void sync(); };
    window.addEventListener('online', on);
    return () => window.removeEventListener('online', on);
  }, [sync]);

  useEffect(() => {
    if (online && user && !day) void download();
  }, [online, user, day, download]);

  const waiting = outbox.filter((r) => r.status !== 'synced').length + files.filter((f) => f.status === 'pending').length;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content>
        <div data-testid="field-app" style={{ maxWidth: 640, margin: '0 auto', padding: 12 }}>
          <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>{t('field.title')}</Typography.Title>
            <Space>
              {user && <span>{user.displayName}</span>}
              <Tag data-testid="field-online" color={online ? 'green' : 'orange'}>{online ? t('field.online') : t('field.offline')}</Tag>
            </Space>
          </Space>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="field-error" />}
          {!user && !day && online && <Alert type="info" message={<a href="/login">{t('field.login')}</a>} />}
          {task && day ? (
            <RecordForm day={day} task={task} onDone={() => setTask(null)} />
          ) : (
            <>
              <Outbox records={outbox} files={files} progress={progress} syncing={syncing} online={online} waiting={waiting} onSync={sync} />
              <Space style={{ margin: '12px 0' }} wrap>
                <Button data-testid="field-download" onClick={download} disabled={!online}>{t('field.download')}</Button>
                {day && <Typography.Text type="secondary">{t('field.downloadedAt', { at: new Date(day.downloadedAt).toLocaleString() })}</Typography.Text>}
              </Space>
              {day ? <Tasks day={day} onTake={setTask} /> : <Empty description={t('field.noDay')} />}
            </>
          )}
        </div>
      </Layout.Content>
    </Layout>
  );
}

function Tasks({ day, onTake }: { day: FieldDay; onTake: (t: FieldTask) => void }) {
  const { t } = useTranslation();
  if (!day.tasks.length) return <Empty description={t('field.noTasks')} />;
  return (
    <List
      header={<b>{t('field.tasks')}</b>}
      dataSource={day.tasks}
      renderItem={(task) => {
        const e = day.enterprises.find((x) => x.id === task.enterpriseId);
        return (
          <Card size="small" style={{ marginBottom: 8, width: '100%' }} data-testid={`field-task-${task.key}`}
            title={<span style={{ whiteSpace: 'normal' }}><Tag>{t(`field.source.${task.source}`)}</Tag>{e?.name}</span>}
            extra={<Button type="primary" size="small" data-testid={`field-take-${task.key}`} onClick={() => onTake(task)}>{t('field.take')}</Button>}>
            <div style={{ marginBottom: 4 }}>{task.title}</div>
            {e && (
              <Descriptions size="small" column={1} layout="horizontal" labelStyle={{ whiteSpace: 'nowrap' }}>
                <Descriptions.Item label={t('field.facts.address')}>
                  {e.address}{' '}
                  {e.longitude !== null && e.latitude !== null && (
                    <a href={`https://uri.amap.com/marker?position=${e.longitude},${e.latitude}&name=${encodeURIComponent(e.name)}`} target="_blank" rel="noreferrer">{t('field.facts.map')}</a>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.facts.permits')}>{e.permits.map((p) => `${p.number}（${p.validTo ?? '—'}）`).join('；') || t('field.facts.none')}</Descriptions.Item>
                <Descriptions.Item label={t('field.facts.outfalls')}>{e.outfalls.map((o) => `${o.code} ${o.name}`).join('；') || t('field.facts.none')}</Descriptions.Item>
                <Descriptions.Item label={t('field.facts.lastInspection')}>{e.lastInspectedOn ?? t('field.facts.none')}</Descriptions.Item>
                <Descriptions.Item label={t('field.facts.rectifications')}>{e.openRectifications.map((r) => `${r.requirement}（${r.dueOn}）`).join('；') || t('field.facts.none')}</Descriptions.Item>
                <Descriptions.Item label={t('field.facts.positiveList')}>{e.positiveList ?? t('field.facts.none')}</Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        );
      }}
    />
  );
}

function Outbox({ records, files, progress, syncing, online, waiting, onSync }: {
  records: OutboxRecord[]; files: OutboxFile[]; progress: SyncProgress | null; syncing: boolean; online: boolean; waiting: number; onSync: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={`${t('field.outbox')} (${waiting})`} data-testid="field-outbox"
      extra={<Button size="small" data-testid="field-sync" loading={syncing} disabled={!online} onClick={onSync}>{t('field.sync')}</Button>}>
      {progress && progress.totalBytes > 0 && (
        <div data-testid="field-progress">
          <Progress percent={Math.round((progress.doneBytes / progress.totalBytes) * 100)} size="small" />
          {t('field.progress', { done: progress.doneBytes, total: progress.totalBytes })}
        </div>
      )}
      {!records.length && <Typography.Text type="secondary">{t('field.outboxEmpty')}</Typography.Text>}
      {records.map((r) => {
        const mine = files.filter((f) => f.recordClientId === r.clientId);
        return (
          <div key={r.clientId} data-testid="field-outbox-item" data-status={r.status} style={{ borderTop: '1px solid #f0f0f0', padding: '6px 0' }}>
            <Space wrap>
              <Tag color={r.status === 'synced' ? 'green' : r.status === 'pending' ? 'blue' : 'red'}>{t(`field.status.${r.status}`)}</Tag>
              <span>{t(`field.kind.${r.payload.kind}`)} · {r.title}</span>
              <span>{t('field.files')} {mine.filter((f) => f.status === 'synced').length}/{mine.length}</span>
            </Space>
            {r.error && <Alert type="error" message={r.error} style={{ marginTop: 4 }} />}
            {mine.filter((f) => f.status === 'refused').map((f) => <Alert key={f.clientId} type="error" data-testid="field-file-refused" message={`${f.fileName}: ${f.error}`} style={{ marginTop: 4 }} />)}
            {r.status === 'conflict' && r.conflict && (
              <div data-testid="field-conflict" style={{ marginTop: 4 }}>
                <b>{t('field.conflict.title')}</b>
                <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
                  <div><i>{t('field.conflict.device')}</i><pre style={{ whiteSpace: 'pre-wrap', fontSize: 11 }}>{JSON.stringify(r.conflict.device, null, 1)}</pre></div>
                  <div><i>{t('field.conflict.server')}</i><pre style={{ whiteSpace: 'pre-wrap', fontSize: 11 }}>{JSON.stringify(r.conflict.server, null, 1)}</pre></div>
                </div>
                <Button size="small" onClick={() => void keepStandalone(r.clientId)}>{t('field.conflict.standalone')}</Button>
              </div>
            )}
          </div>
        );
      })}
    </Card>
  );
}

interface Captured { clientId: string; blob: Blob; fileName: string; mimeType: string; sha256: string; capturedAt: string; longitude: number | null; latitude: number | null }

function RecordForm({ day, task, onDone }: { day: FieldDay; task: FieldTask; onDone: () => void }) {
  const { t } = useTranslation();
  const enterprise = day.enterprises.find((e) => e.id === task.enterpriseId);
  const [kind, setKind] = useState<RecordPayload['kind']>('inspection_record');
  const [officerIds, setOfficerIds] = useState<number[]>(task.officerIds.length ? task.officerIds : [day.me]);
  const [form, setForm] = useState({ place: enterprise?.address ?? '', startedAt: chinaNow(), endedAt: chinaNow(), onSite: enterprise?.legalRepresentative ?? '', summary: '' });
  const [media, setMedia] = useState<Captured[]>([]);
  const [signatures, setSignatures] = useState<Partial<Record<FileRole, Blob>>>({});
  const [partyRefused, setPartyRefused] = useState(false);
  const [witness, setWitness] = useState('');
  const sign = (role: FileRole) => (png: Blob | null) => setSignatures((s) => { const n = { ...s }; if (png) n[role] = png; else delete n[role]; return n; });

  const capture = async (picked: File[]) => {
    const at = new Date().toISOString();
    const where = await position();
    const taken: Captured[] = [];
    for (const file of picked) {
      taken.push({ clientId: crypto.randomUUID(), blob: file, fileName: file.name || 'photo.jpg', mimeType: file.type || 'image/jpeg', sha256: await sha256Hex(file),
        capturedAt: at, longitude: where?.longitude ?? null, latitude: where?.latitude ?? null });
    }
    setMedia((m) => [...m, ...taken]);
  };

  const save = async () => {
    for (const k of ['place', 'onSite', 'summary'] as const) {
      if (!form[k].trim()) return void message.error(t('field.form.required', { field: t(`field.form.${k}`) }));
    }
    const needed: FileRole[] = ['signature_officer1', 'signature_officer2', ...(partyRefused ? [] : ['signature_party' as const])];
    const missing = needed.find((r) => !signatures[r]);
    if (missing) return void message.error(t('field.form.signRequired', { who: t(`field.form.${missing.replace('signature_', '')}`) }));
    if (partyRefused && !witness.trim()) return void message.error(t('field.form.witnessRequired'));
    const clientId = crypto.randomUUID();
    const roles = (Object.keys(signatures) as FileRole[]);
    const payload: RecordPayload = {
      clientId, kind, task: { source: task.source, id: task.id }, enterpriseId: task.enterpriseId, caseId: task.caseId, caseStage: task.caseStage,
      occurredOn: chinaToday(), officerIds, form: { ...form },
      signatures: { roles, partyRefused, witness: partyRefused ? witness.trim() : null, refusalNote: null },
    };
    const signed: OutboxFile[] = [];
    for (const role of roles) {
      const blob = signatures[role]!;
      signed.push({ clientId: crypto.randomUUID(), recordClientId: clientId, role, blob, fileName: `${role}.png`, mimeType: 'image/png', sizeBytes: blob.size,
        sha256: await sha256Hex(blob), capturedAt: new Date().toISOString(), longitude: null, latitude: null, offset: 0, status: 'pending' });
    }
    await fieldDb.transaction('rw', fieldDb.outbox, fieldDb.files, async () => {
      await fieldDb.outbox.add({ clientId, payload, status: 'pending', createdAt: new Date().toISOString(), title: enterprise?.name ?? task.title });
      await fieldDb.files.bulkAdd([
        ...media.map((m) => ({ clientId: m.clientId, recordClientId: clientId, role: (m.mimeType.startsWith('video/') ? 'video' : 'photo') as FileRole, blob: m.blob,
          fileName: m.fileName, mimeType: m.mimeType, sizeBytes: m.blob.size, sha256: m.sha256, capturedAt: m.capturedAt, longitude: m.longitude, latitude: m.latitude,
          offset: 0, status: 'pending' as const })),
        ...signed,
      ]);
    });
    message.success(t('field.form.saved'));
    onDone();
  };

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const officers = day.officers;
  return (
    <Card size="small" title={enterprise?.name ?? task.title} data-testid="field-record-form" extra={<Button size="small" onClick={onDone}>{t('field.form.cancel')}</Button>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} data-testid="field-kind">
          <Radio.Button value="inspection_record">{t('field.kind.inspection_record')}</Radio.Button>
          <Radio.Button value="inquiry_record">{t('field.kind.inquiry_record')}</Radio.Button>
        </Radio.Group>
        {task.caseNumber && <Tag>{task.caseNumber}</Tag>}
        <label>{t('field.form.officers')}</label>
        <Select mode="multiple" value={officerIds} onChange={setOfficerIds} style={{ width: '100%' }}
          options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.credentialNo ?? '—'}）` }))} />
        <div data-testid="field-credentials">
          {officerIds.map((id) => { const o = officers.find((x) => x.id === id); return <div key={id}>{o?.name}：{t('field.form.credential')} {o?.credentialNo ?? '—'}</div>; })}
        </div>
        <label>{t('field.form.place')}</label>
        <Input data-testid="field-place" value={form.place} onChange={set('place')} />
        <Space wrap>
          <span>{t('field.form.startedAt')}<Input data-testid="field-started" type="datetime-local" value={form.startedAt} onChange={set('startedAt')} /></span>
          <span>{t('field.form.endedAt')}<Input data-testid="field-ended" type="datetime-local" value={form.endedAt} onChange={set('endedAt')} /></span>
        </Space>
        <label>{t('field.form.onSite')}</label>
        <Input data-testid="field-onsite" value={form.onSite} onChange={set('onSite')} />
        <label>{t('field.form.summary')}</label>
        <Input.TextArea data-testid="field-summary" rows={4} value={form.summary} onChange={set('summary')} />
        <label>{t('field.form.photos')}</label>
        <input data-testid="field-photo-input" type="file" accept="image/*,video/*" capture="environment" multiple onChange={(e) => { void capture(Array.from(e.target.files ?? [])); e.target.value = ''; }} />
        {media.map((m) => (
          <div key={m.clientId} data-testid="field-photo-item" style={{ fontSize: 12, wordBreak: 'break-all' }}>
            {m.fileName} · {m.capturedAt} · {m.longitude !== null ? `${m.latitude?.toFixed(5)}, ${m.longitude.toFixed(5)}` : t('field.form.gpsNone')} · {t('field.hash')} {m.sha256.slice(0, 16)}…
          </div>
        ))}
        <b>{t('field.form.signatures')}</b>
        <SignatureField testId="field-sign-officer1" label={t('field.form.officer1')} onChange={sign('signature_officer1')} />
        <SignatureField testId="field-sign-officer2" label={t('field.form.officer2')} onChange={sign('signature_officer2')} />
        <Checkbox data-testid="field-party-refused" checked={partyRefused} onChange={(e) => setPartyRefused(e.target.checked)}>{t('field.form.partyRefused')}</Checkbox>
        {partyRefused ? (
          <>
            <Input data-testid="field-witness" placeholder={t('field.form.witness')} value={witness} onChange={(e) => setWitness(e.target.value)} />
            <SignatureField testId="field-sign-witness" label={t('field.form.witness')} onChange={sign('signature_witness')} />
          </>
        ) : (
          <SignatureField testId="field-sign-party" label={t('field.form.party')} onChange={sign('signature_party')} />
        )}
        <Button type="primary" block data-testid="field-save" onClick={() => void save()}>{t('field.form.save')}</Button>
      </Space>
    </Card>
  );
}
