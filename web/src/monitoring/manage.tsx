// Pieces shared by the device, limit and power-channel pages: one configurable admin-table page.
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Form, Modal, Select, Space, type FormInstance, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import type { Loaded } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { MonitoringNav } from './shared';
import { enterpriseApi, type Enterprise } from '../enterprises/index';
import { useAuth } from '../app/auth';

/** Enterprise options for what the user types (the list API, 20 at a time, 200 ms after the last key). */
export function useEnterpriseOptions(): { options: { value: number; label: string }[]; search(q: string): void } {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      enterpriseApi.list({ q }, 1, 20, ctrl.signal).then((p) => setOptions(p.items.map((e) => ({ value: e.id, label: e.name }))), () => {});
    }, 200);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [q]);
  return { options, search: setQ };
}

/** An enterprise chosen by typing part of its name. */
export function EnterprisePicker({ value, onChange, testId }: { value?: number | null; onChange?: (id: number) => void; testId?: string }) {
  const { t } = useTranslation();
  const { options, search: setQ } = useEnterpriseOptions();
  return (
    <Select showSearch filterOption={false} onSearch={setQ} value={value ?? undefined} onChange={onChange} options={options}
      placeholder={t('monitoring.manage.enterprisePick')} style={{ minWidth: 320 }} data-testid={testId} />
  );
}

/** One enterprise with its outfalls, or null while none is chosen. */
export function useEnterpriseDetail(id: number | null): Enterprise | null {
  const [e, setE] = useState<Enterprise | null>(null);
  useEffect(() => {
    if (id === null) { setE(null); return; }
    const ctrl = new AbortController();
    enterpriseApi.get(id, ctrl.signal).then(setE, () => setE(null));
    return () => ctrl.abort();
  }, [id]);
  return e;
}

export const useCanManage = () => useAuth().can('monitoring.manage');

/** The record a modal form edits ('new' while adding one), and the form. */
export interface Editor<T> {
  form: FormInstance;
  editing: T | 'new' | null;
  open(record: T | 'new', values: object): void;
  close(): void;
}

export function useEditor<T>(): Editor<T> {
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    form,
    editing,
    open: (record, values) => { setEditing(record); form.resetFields(); form.setFieldsValue(values); },
    close: () => setEditing(null),
  };
}

export interface AdminTablePageProps<T extends { id: number }> {
  title: string;
  /** What the table is of (an enterprise picker …), beside the title. */
  pickers?: ReactNode;
  /** Shown above the table's card (the outfalls the limits belong to). */
  before?: ReactNode;
  /** False while the table has nothing to show yet (no outfall chosen). */
  visible?: boolean;
  load: Loaded<{ items: T[] } | null>;
  columns: TableColumnsType<T>;
  empty: string;
  pageSize?: number | false;
  /** Test ids: `${testId}-table`, `${testId}-form`, and the add button's. */
  testId: string;
  add: { label: string; testId: string } | null;
  editLabel: string;
  editWidth?: number;
  editor: Editor<T>;
  /** The values a record (or a new one) opens the form with. */
  initialValues(record: T | 'new'): object;
  modalTitle(record: T | 'new'): string;
  /** The form's fields for a record or a new one. */
  fields(record: T | 'new'): ReactNode;
  /** Writes the validated values; the page reloads when it succeeds. */
  save(values: Record<string, any>, record: T | 'new'): Promise<unknown>;
}

/** 数采仪, 排口限值, 用电通道: a table of an administrator's records, added and changed in a modal form. */
export function AdminTablePage<T extends { id: number }>(p: AdminTablePageProps<T>) {
  const { t } = useTranslation();
  const canManage = useCanManage();
  const { busy, submit } = useSubmit();
  const { editor } = p;
  const onSave = async () => {
    const values = await editor.form.validateFields();
    if (editor.editing && await submit(() => p.save(values, editor.editing!), t('monitoring.manage.saved'))) {
      editor.close();
      p.load.reload();
    }
  };
  const columns: TableColumnsType<T> = canManage
    ? [...p.columns, { title: '', key: 'edit', width: p.editWidth ?? 80, render: (_: unknown, r: T) => <Button size="small" onClick={() => editor.open(r, p.initialValues(r))}>{p.editLabel}</Button> }]
    : p.columns;
  return (
    <>
      <MonitoringNav />
      <Space direction="vertical" style={{ width: '100%' }}>
        {p.before}
        {(p.visible ?? true) && (
          <Card title={p.title} extra={<Space>
            {p.pickers}
            {canManage && p.add && <Button type="primary" onClick={() => editor.open('new', p.initialValues('new'))} data-testid={p.add.testId}>{p.add.label}</Button>}
          </Space>}>
            <ListPage<T> rowKey="id" size="small" load={p.load} columns={columns} pageSize={p.pageSize ?? false} empty={p.empty} data-testid={`${p.testId}-table`} />
          </Card>
        )}
      </Space>
      <Modal open={editor.editing !== null} title={editor.editing === null ? '' : p.modalTitle(editor.editing)} onCancel={editor.close}
        onOk={() => void onSave()} confirmLoading={busy} okText={t('monitoring.manage.save')} cancelText={t('monitoring.manage.cancel')} destroyOnHidden>
        <Form form={editor.form} layout="vertical" data-testid={`${p.testId}-form`}>
          {editor.editing !== null && p.fields(editor.editing)}
        </Form>
      </Modal>
    </>
  );
}
