// Load facts → apply rule → write + audit, one transaction. Figures stay live until the report is finalised;
// finalising stores them (a finalised report never changes).
import type { Db } from '../platform/db/index.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import type { Principal } from '../platform/auth/roles.js';
import { loadBureauSettings } from '../settings/index.js';
import { computeFigures, type FrozenFigure } from './figures.js';
import { PARAGRAPHS, renderTemplate, type ParagraphKey } from './paragraphs.js';
import { ensureReport, findReport, insertVersion, latestVersionNo, listCaseRecords, listVersions, markFinalised } from './queries.js';
import { checkFinalise, checkReportEditable, type ReportStatus } from './rules.js';
import { renderAnnualReportDocument } from './document.js';

/** The years a report can be written for: those begun (China time). */
function checkYear(year: number, now: Date) {
  return year > Number(chinaDateOf(now).slice(0, 4)) ? refuse('ANNUAL_REPORT_YEAR_IN_FUTURE', undefined, 'year') : null;
}

export async function reportView(db: Db, year: number, now: Date) {
  const bad = checkYear(year, now);
  if (bad) return bad;
  const settings = await loadBureauSettings(db);
  const report = await findReport(db, year);
  const status: ReportStatus = report?.status ?? 'draft';
  const figures: FrozenFigure[] = report?.status === 'finalised' ? report.frozenFigures ?? [] : await computeFigures(db, year, now);
  const versions = report ? await listVersions(db, report.id) : [];
  const paragraphs = PARAGRAPHS(year, settings.bureau.name).map((p) => {
    const latest = versions.find((v) => v.v.paragraphKey === p.key);
    const template = latest?.v.text ?? p.templateZh;
    return {
      key: p.key, level: p.level, headingZh: p.headingZh, headingEn: p.headingEn, template,
      textZh: renderTemplate(template, figures, 'zh'),
      // The English view renders the English template unless the legal department has rewritten the paragraph.
      textEn: latest ? renderTemplate(template, figures, 'en') : renderTemplate(p.templateEn, figures, 'en'),
      version: latest?.v.version ?? 0, editedBy: latest?.editorName ?? null, editedAt: latest?.v.editedAt ?? null,
    };
  });
  const editable = checkReportEditable(status);
  return success({
    year, status, bureau: settings.bureau.name, title: `${settings.bureau.name}关于${year}年度法治政府建设情况的报告`,
    finalisedAt: report?.finalisedAt ?? null, figures, paragraphs,
    versions: versions.map((v) => ({ key: v.v.paragraphKey, version: v.v.version, editedBy: v.editorName, editedAt: v.v.editedAt, text: v.v.text })),
    actions: { edit: editable, finalise: checkFinalise(status, year, chinaDateOf(now)) },
  });
}

/** The legal department saves a paragraph: a new version (the previous ones stay), refused once finalised. */
export async function editParagraph(db: Db, principal: Principal, year: number, key: ParagraphKey, text: string, now: Date): Promise<Result<{ key: ParagraphKey; version: number }>> {
  const bad = checkYear(year, now);
  if (bad) return bad;
  return db.transaction(async (tx) => {
    const report = await ensureReport(tx, year, now);
    const gate = checkReportEditable(report.status);
    if (!gate.ok) return gate;
    const version = (await latestVersionNo(tx, report.id, key)) + 1;
    const row = await insertVersion(tx, { reportId: report.id, paragraphKey: key, version, text, editedById: principal.id, editedAt: now });
    await appendAudit(tx, actorOf(principal), { action: 'annual_report.paragraph_edit', entity: 'annual_report', entityId: report.id, after: row }, now);
    return success({ key, version });
  });
}

/** The leader finalises the year's report once: the figures as computed now are stored and never recomputed. */
export async function finaliseReport(db: Db, principal: Principal, year: number, now: Date): Promise<Result<{ year: number; status: ReportStatus; finalisedAt: Date }>> {
  const bad = checkYear(year, now);
  if (bad) return bad;
  const figures = await computeFigures(db, year, now);
  return db.transaction(async (tx) => {
    const report = await ensureReport(tx, year, now); // row locked: a second finaliser waits, then sees 'finalised'
    const gate = checkFinalise(report.status, year, chinaDateOf(now));
    if (!gate.ok) return gate;
    const row = await markFinalised(tx, report.id, principal.id, now, figures);
    if (!row) return refuse('ANNUAL_REPORT_FINALISED');
    await appendAudit(tx, actorOf(principal), { action: 'annual_report.finalise', entity: 'annual_report', entityId: report.id, before: { status: report.status }, after: { status: row.status, finalisedAt: now, figures } }, now);
    return success({ year, status: row.status, finalisedAt: now });
  });
}

/** The report as a Word document in 公文 format (title, 主送, numbered sections, 落款 and date). */
export async function reportDocument(db: Db, year: number, now: Date): Promise<Result<{ fileName: string; body: Buffer }>> {
  const view = await reportView(db, year, now);
  if (!view.ok) return view;
  const v = view.value;
  const body = await renderAnnualReportDocument({
    authority: v.bureau, title: v.title, on: chinaDateOf(v.finalisedAt ?? now),
    paragraphs: v.paragraphs.map((p) => ({ key: p.key, heading: p.headingZh, level: p.level, text: p.textZh })),
  });
  return success({ fileName: `${v.title}.docx`, body });
}

/** The drill-down of #21 / #22: the cases behind the figure, within the principal's district. */
export async function caseRecords(db: Db, principal: Principal, year: number, no: '21' | '22') {
  const items = await listCaseRecords(db, year, no === '21' ? 'filed' : 'fined', principal.districtId);
  return { items: items.map((c) => ({ ...c, link: `/cases/${c.id}` })) };
}
