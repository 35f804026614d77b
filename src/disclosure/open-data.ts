// Open data: the published decisions as CSV (UTF-8 with BOM, for Excel) and xlsx, streamed from the database
// in keyset pages (never the whole list in memory), and the data dictionary describing their columns.
import { PassThrough, Readable } from 'node:stream';
// exceljs is loaded when a workbook is made or read, not at start (issue 18: a later start within 5 s).
import type { Db } from '../platform/db/index.js';
import { publicPageAfter, type PublicFilter } from './queries.js';
import { publicView, type PublicDecision } from './actions.js';
import { penaltyKindName } from './rules.js';
import { csvStream } from '../platform/http/csv.js';

const PAGE = 500;

/** The columns of every download, in order: the data dictionary. */
export const DICTIONARY = [
  { key: 'decisionNumber', zh: '行政处罚决定书文号', en: 'Decision number', type: 'string', standardCode: 'CF_WSH' },
  { key: 'partyName', zh: '行政相对人名称', en: 'Party', type: 'string', standardCode: 'CF_XDR_MC', note: '自然人姓名以"X某"代替' },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Unified social credit code', type: 'string', standardCode: 'CF_XDR_SHXYM', note: '仅法人及其他组织' },
  { key: 'violation', zh: '违法行为类型', en: 'Violation', type: 'string', standardCode: 'CF_WFXW' },
  { key: 'facts', zh: '违法事实', en: 'Facts', type: 'string', standardCode: 'CF_SY' },
  { key: 'basis', zh: '处罚依据', en: 'Legal basis', type: 'string', standardCode: 'CF_YJ' },
  { key: 'penaltyKinds', zh: '处罚类别', en: 'Penalty kinds', type: 'string', standardCode: 'CF_CFLB' },
  { key: 'penaltyContent', zh: '处罚内容', en: 'Penalty content', type: 'string', standardCode: 'CF_NR' },
  { key: 'fineYuan', zh: '罚款金额（元）', en: 'Fine (yuan)', type: 'number', standardCode: 'CF_NR_FK', note: '国家标准以万元计，此处以元计' },
  { key: 'decidedOn', zh: '处罚决定日期', en: 'Decision date', type: 'date (YYYY-MM-DD)', standardCode: 'CF_JDRQ' },
  { key: 'agency', zh: '处罚机关', en: 'Agency', type: 'string', standardCode: 'CF_CFJG' },
  { key: 'districtName', zh: '区县', en: 'District', type: 'string', standardCode: null },
  { key: 'status', zh: '状态', en: 'Status', type: 'published | withdrawn', standardCode: null, note: '撤回的仅保留文号、撤回日期与理由' },
  { key: 'withdrawnOn', zh: '撤回日期', en: 'Withdrawn on', type: 'date', standardCode: null },
  { key: 'withdrawalReason', zh: '撤回理由', en: 'Withdrawal reason', type: 'string', standardCode: null },
] as const;

type Key = (typeof DICTIONARY)[number]['key'];
function cellsOf(d: PublicDecision): Record<Key, string | number> {
  const r = d.record;
  return {
    decisionNumber: d.decisionNumber, partyName: d.partyName, creditCode: r?.creditCode ?? '', violation: r?.violation ?? '', facts: r?.facts ?? '',
    basis: r?.basis ?? '', penaltyKinds: r ? r.penaltyKinds.map(penaltyKindName).join('；') : '', penaltyContent: r?.penaltyContent ?? '',
    fineYuan: r ? r.fineFen / 100 : '', decidedOn: d.decidedOn, agency: r?.agency ?? '', districtName: d.districtName,
    status: d.status, withdrawnOn: d.withdrawnOn ?? '', withdrawalReason: d.withdrawalReason ?? '',
  };
}

async function* pages(db: Db, f: PublicFilter): AsyncGenerator<PublicDecision[]> {
  let after: { decidedOn: string; id: number } | null = null;
  for (;;) {
    const rows = await publicPageAfter(db, f, after, PAGE);
    if (!rows.length) return;
    yield rows.map(publicView);
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = { decidedOn: last.decidedOn, id: last.id };
  }
}

/** The cells of every published decision, page by page. */
async function* decisionCells(db: Db, f: PublicFilter): AsyncGenerator<Record<Key, string | number>> {
  for await (const page of pages(db, f)) for (const d of page) yield cellsOf(d);
}

/** CSV, UTF-8 with a BOM so Excel reads the Chinese, streamed page by page (the shared public CSV writer). */
export function decisionsCsv(db: Db, f: PublicFilter): Readable {
  return csvStream(DICTIONARY.map((k) => ({ header: k.zh, value: (c: Record<Key, string | number>) => c[k.key] })), decisionCells(db, f));
}

/** xlsx through exceljs' streaming WorkbookWriter: each row is committed as it is written. */
export function decisionsXlsx(db: Db, f: PublicFilter): PassThrough {
  const out = new PassThrough();
  void (async () => {
    try {
      const wb = new (await import('exceljs')).default.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const ws = wb.addWorksheet('行政处罚公示');
      ws.columns = DICTIONARY.map((c) => ({ header: c.zh, key: c.key, width: c.key === 'facts' ? 60 : 20 }));
      for await (const page of pages(db, f)) for (const d of page) ws.addRow(cellsOf(d)).commit();
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}
