// Excel export of the review results (exceljs): units, officers, common defects, every case.
// exceljs is loaded when a workbook is made or read, not at start (issue 18: a later start within 5 s).
import type { reviewResults } from './actions.js';

const BAND_ZH = { excellent: '优秀', qualified: '合格', unqualified: '不合格' } as const;

export async function buildResultsWorkbook(r: Awaited<ReturnType<typeof reviewResults>>): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'EcoGov';
  const groupSheet = (name: string, keyHeader: string, rows: typeof r.byUnit) => {
    const ws = wb.addWorksheet(name);
    ws.columns = [
      { header: keyHeader, key: 'key', width: 18 }, { header: '评查案卷数', key: 'cases', width: 12 }, { header: '平均分', key: 'meanScore', width: 10 },
      { header: '最低分', key: 'minScore', width: 10 }, { header: '优秀', key: 'excellent', width: 8 }, { header: '合格', key: 'qualified', width: 8 }, { header: '不合格', key: 'unqualified', width: 8 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const g of rows) ws.addRow(g);
    return ws;
  };
  groupSheet('按单位', '单位', [r.overall, ...r.byUnit]);
  groupSheet('按办案人员', '主办人员', r.byOfficer);
  const defects = wb.addWorksheet('常见问题');
  defects.columns = [
    { header: '扣分项', key: 'deductionCode', width: 10 }, { header: '评查项目', key: 'itemTitle', width: 18 }, { header: '问题', key: 'text', width: 40 },
    { header: '涉及案卷数', key: 'cases', width: 12 }, { header: '出现次数', key: 'occurrences', width: 10 }, { header: '累计扣分', key: 'pointsLost', width: 10 },
    { header: '超出单项分值未计', key: 'pointsCapped', width: 16 },
  ];
  defects.getRow(1).font = { bold: true };
  for (const d of r.defects) defects.addRow(d);
  const detail = wb.addWorksheet('评查明细');
  detail.columns = [
    { header: '案号', key: 'caseNumber', width: 22 }, { header: '单位', key: 'districtName', width: 14 }, { header: '主办人员', key: 'officerName', width: 12 },
    { header: '得分', key: 'score', width: 8 }, { header: '等次', key: 'band', width: 8 }, { header: '扣分情况', key: 'deductions', width: 60 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const c of r.cases) {
    detail.addRow({ ...c, band: BAND_ZH[c.band], deductions: c.deductions.map((d) => `${d.deductionCode} ${d.text}（-${d.points}）`).join('；') });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
