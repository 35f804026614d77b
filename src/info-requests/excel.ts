// The annual report's request table (政府信息公开条例 第五十条(二)) as .xlsx.
// exceljs is loaded when a workbook is made or read, not at start (issue 18: a later start within 5 s).
import { REPLY_KINDS, type AnnualTable } from './rules.js';

const KIND_LABELS: Record<string, string> = {
  already_public: '已主动公开', disclosed: '予以公开', withheld: '不予公开', not_exist: '信息不存在', not_responsible: '不属于本机关负责公开',
  repeated: '不予重复处理', special_law: '按特别规定办理',
};

export async function buildAnnualWorkbook(t: AnnualTable): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'EcoGov';
  const ws = wb.addWorksheet('收到和处理政府信息公开申请情况');
  ws.columns = [{ header: '项目', key: 'label', width: 40 }, { header: '数量', key: 'value', width: 12 }];
  ws.getRow(1).font = { bold: true };
  const rows: [string, number | string][] = [
    ['年度', t.year], ['报告提交期限（第四十九条）', t.dueOn],
    ['一、本年新收政府信息公开申请数量', t.received.total], ['　其中：自然人', t.received.citizen], ['　　　　法人或其他组织', t.received.organisation],
    ['二、上年结转政府信息公开申请数量', t.carriedOver],
    ['三、本年度办理结果（合计）', t.replied.total],
    ...REPLY_KINDS.map((k): [string, number] => [`　${k.item}${KIND_LABELS[k.kind]}`, t.replied[k.kind]]),
    ['　（其他处理）申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（第三十条）', t.abandoned],
    ['四、结转下年度继续办理', t.carriedForward],
    ['信息处理费（元，第四十二条）', (t.feeFen / 100).toFixed(2)],
  ];
  for (const [label, value] of rows) ws.addRow({ label, value });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
