// The training year's figures as an Excel workbook (exceljs), one sheet a subject, for the year-end report.
// exceljs is loaded when a workbook is made or read, not at start (issue 18: a later start within 5 s).
import type ExcelJS from 'exceljs';
import type { TrainingYearFigures } from './actions.js';
import type { AudienceKind, StudyKind } from './rules.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const STUDY_KIND_NAMES: Record<StudyKind, string> = { leadership_group: '党组理论学习中心组学法', collective: '集中学法', pre_meeting: '会前学法', lecture: '专题法治讲座' };
const AUDIENCE_NAMES: Record<AudienceKind, string> = { enterprise: '进企业', community: '进社区', school: '进学校', agency: '进机关', village: '进农村', unit: '进单位' };
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], rows: (string | number)[][]) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).font = { bold: true, size: 14 };
  const h = ws.addRow(header);
  h.font = { bold: true };
  header.forEach((_, i) => { ws.getColumn(i + 1).width = i === 0 ? 28 : 14; });
  for (const r of rows) ws.addRow(r);
}

/** Sheets: 考试 (coverage and pass rate per unit), 学法, 普法活动, 责任清单, 概况 (cases published, lapsed officers). */
export async function buildYearWorkbook(f: TrainingYearFigures): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'EcoGov';
  const y = f.year;
  sheet(wb, '概况', `${y}年度学法普法工作统计`, ['项目', '数值'], [
    ['学法考试场次', f.exams.count],
    ['应考人数', f.exams.overall.enrolled], ['参考人数', f.exams.overall.sat], ['参考率', pct(f.exams.overall.coverage)],
    ['合格人数', f.exams.overall.passed], ['合格率', pct(f.exams.overall.passRate)],
    ['学法次数', f.study.sessions], ['学法参加人次', f.study.attendances],
    ['普法活动次数', f.popularisation.overall.activities], ['发放宣传资料（份）', f.popularisation.overall.materialsGiven], ['活动受众人次', f.popularisation.overall.attendance],
    ['普法责任事项', f.popularisation.items.overall.items], ['已完成事项', f.popularisation.items.overall.done], ['逾期未完成事项', f.popularisation.items.overall.overdue],
    ['发布以案释法典型案例', f.typicalCasesPublished], ['考试失效的持证执法人员', f.lapsed.count],
  ]);
  sheet(wb, '考试', `${y}年度学法考试参考率、合格率（按单位）`, ['单位', '应考', '参考', '参考率', '合格', '合格率'],
    [...f.exams.byUnit, { ...f.exams.overall, unit: '合计' }].map((u) => [u.unit, u.enrolled, u.sat, pct(u.coverage), u.passed, pct(u.passRate)]));
  sheet(wb, '学法', `${y}年度学法情况`, ['类别/单位', '次数/人次'], [
    ...Object.entries(f.study.perKind).map(([k, n]) => [STUDY_KIND_NAMES[k as StudyKind], n]),
    ...f.study.attendanceByUnit.map((u) => [`${u.unit}（参加人次）`, u.attendances]),
  ]);
  sheet(wb, '普法活动', `${y}年度普法活动（谁执法谁普法）`, ['部门/对象', '活动次数', '发放资料（份）', '受众人次'], [
    ...f.popularisation.byDepartment.map((d) => [d.department, d.activities, d.materialsGiven, d.attendance]),
    ...f.popularisation.byAudience.map((a) => [AUDIENCE_NAMES[a.audience], a.activities, a.materialsGiven, a.attendance]),
    ['合计', f.popularisation.overall.activities, f.popularisation.overall.materialsGiven, f.popularisation.overall.attendance],
  ]);
  sheet(wb, '责任清单', `${y}年度普法责任清单完成情况`, ['部门', '事项', '已完成', '逾期'],
    [...f.popularisation.items.byDepartment, { ...f.popularisation.items.overall, department: '合计' }].map((d) => [d.department, d.items, d.done, d.overdue]));
  sheet(wb, '考试失效人员', '持证执法人员近12个月无合格考试记录', ['姓名', '单位', '最近合格'],
    f.lapsed.officers.map((o) => [o.displayName, o.unit, o.lastPassedAt ? o.lastPassedAt.toISOString().slice(0, 10) : '无']));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** RFC 6266: ASCII fallback and the UTF-8 name. */
export const attachmentHeader = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
