// The year's campaign figures as .xlsx (exceljs), for the year-end report.
// exceljs is loaded when a workbook is made or read, not at start (issue 18: a later start within 5 s).
import type { CampaignYearFigures } from './annual-actions.js';

export async function buildYearFiguresWorkbook(f: CampaignYearFigures): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'EcoGov';
  const ws = wb.addWorksheet('专项整治');
  ws.columns = [
    { header: '专项整治', key: 'name', width: 36 }, { header: '起止日期', key: 'period', width: 24 }, { header: '检查对象', key: 'targets', width: 10 },
    { header: '已检查', key: 'inspected', width: 10 }, { header: '发现问题', key: 'problems', width: 10 }, { header: '督办单', key: 'orders', width: 10 },
    { header: '已整改', key: 'fixed', width: 10 }, { header: '已销号', key: 'verified', width: 10 }, { header: '跨区联合执法', key: 'jointOperations', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of f.campaigns) ws.addRow({ ...c, period: `${c.startsOn} ~ ${c.endsOn}` });
  const total = ws.addRow({ name: '合计', period: '', ...f.totals });
  total.font = { bold: true };
  const summary = wb.addWorksheet('年度汇总');
  summary.columns = [{ header: '项目', key: 'label', width: 30 }, { header: '数量', key: 'value', width: 12 }];
  summary.getRow(1).font = { bold: true };
  for (const [label, value] of [
    ['年度', f.year], ['统计截至', f.asOfOn],
    ['年度重点任务', f.annualTasks.count], ['已完成任务', f.annualTasks.completed], ['按期完成任务', f.annualTasks.onTime],
    ['已报送月度进展', f.annualTasks.reportsFiled], ['逾期（含未报）月度进展', f.annualTasks.lateReports],
    ['联合执法行动', f.jointOperations.joint], ['其中跨区联合执法', f.jointOperations.crossDistrict],
  ] as const) summary.addRow({ label, value });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
