// Issue 19, "Done when": the demo bureau's whole 2020 generated through the actions (src/demo/year-2020-all.ts),
// then the 2020 year-end report built from it — every figure of the seed (../shared/domain/seed-figures.md)
// compared in a table: figure, seed, computed. Exact where the seed is exact; within its rounding where it rounds
// (1633余万元, 20余次, 10000余册, 14.3 %); the Word document carries the same figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { ENGINE } from '../../test/helpers/db.js';
import { createDemoBureauFor2020, DEMO_2020_NOW } from '../../test/helpers/demo-2020.js';
import { queryRows, type Database } from '../platform/db/index.js';
import { verifyAuditChain } from '../platform/audit/log.js';
import { computeFigures, type FrozenFigure } from '../annual-report/index.js';
import { reportDocument } from '../annual-report/actions.js';
import { renderWithLibreOffice, soffice } from '../../test/helpers/office.js';
import { seedWholeDemoYear2020, type WholeYear2020Result } from './year-2020-all.js';

type Check = { value: number } | { near: number; within: number } | { text: string } | { above: number };
/** The seed's figures (烟台市生态环境局 2020年法治政府建设情况报告), by the registry's numbers. */
const SEED: [no: string, seedWords: string, check: Check][] = [
  ['1', '确定14项工作任务', { value: 14 }],
  ['2', '专题学习4次', { value: 4 }],
  ['3a', '普法考试覆盖率100%', { value: 100 }],
  ['3b', '普法考试通过率100%', { value: 100 }],
  ['4a', '党组会议23次', { value: 23 }],
  ['4b', '局长办公会议8次', { value: 8 }],
  ['5', '市政府和部门规范性文件各1件', { text: '市政府1件、部门1件' }],
  ['6', '法律顾问审查、听证20余次', { text: '20余次' }],
  ['7a', '373家重点企业“一厂一策”评估', { value: 373 }],
  ['7b', '完成58家企业治理任务', { value: 58 }],
  ['8a', '检查扬尘污染点位492个', { value: 492 }],
  ['8b', '发现环境问题260个', { value: 260 }],
  ['8c', '下达整改督办单70份', { value: 70 }],
  ['9', '淘汰7台燃煤锅炉', { value: 7 }],
  ['10a', '可吸入颗粒物同比改善17.19%', { value: 17.19 }],
  ['10b', '细颗粒物同比改善14.3%', { near: 14.3, within: 0.05 }],
  ['10c', '臭氧同比改善3.8%', { near: 3.8, within: 0.05 }],
  ['11', '37条重点河流2200多公里', { text: '37条（2200多公里）' }],
  ['12', '饮用水水源水质达标率100%', { value: 100 }],
  ['13', '11个国控断面达到年度考核目标', { value: 11 }],
  ['14', '近岸海域优良水质比率100%', { value: 100 }],
  ['15', '115个建设用地土壤污染状况调查评审，86个重点单位', { text: '115个，将86个在产企业纳入土壤污染防治重点单位' }],
  ['16', '1个建设用地和3个农用地土壤修复试点', { text: '建设用地1个、农用地3个' }],
  ['17', '污染地块安全利用率100%', { value: 100 }],
  ['18a', '配备审核人员3名', { value: 3 }],
  ['18b', '占执法人员总数5%以上', { above: 5 }],
  ['19', '未经审核的执法案件一律不得提交集体讨论', { value: 0 }],
  ['20', '综合执法行动3次', { value: 3 }],
  ['21', '立案处罚237件次', { value: 237 }],
  ['22', '罚款金额1633余万元', { text: '1633余万元' }],
  ['23', '对1家企业实施限产停产', { value: 1 }],
  ['24', '移送行政拘留案件4件', { value: 4 }],
  ['25', '移送涉嫌犯罪案件3件', { value: 3 }],
  ['26', '印发《环境管理知识百问百答》10000余册', { text: '10000余册' }],
  ['27a', '涵盖十四类轻微违法行为', { value: 14 }],
  ['27b', '对11家轻微违法企业免予处罚', { value: 11 }],
  ['28', '正面清单企业517个', { value: 517 }],
];

const holds = (f: FrozenFigure, c: Check): boolean =>
  'value' in c ? f.value === c.value
    : 'near' in c ? f.value !== null && Math.abs(f.value - c.near) <= c.within
      : 'above' in c ? f.value !== null && f.value > c.above
        : f.text === c.text;

describe(`the 2020 year-end report over the demo bureau reproduces the seed (${ENGINE})`, () => {
  let database: Database;
  let generated: WholeYear2020Result;
  beforeAll(async () => {
    database = await createDemoBureauFor2020();
    generated = await seedWholeDemoYear2020(database.db, undefined, { password: 'demo-password-123' });
  }, 1_200_000);
  afterAll(async () => database?.close());

  it('every figure of the seed: a table of figure, seed, computed', async () => {
    console.table(generated.parts);
    const figures = await computeFigures(database.db, 2020, DEMO_2020_NOW);
    const byNo = new Map(figures.map((f) => [f.no, f]));
    const table = SEED.map(([no, words, check]) => {
      const f = byNo.get(no);
      return { no, seed: words, computed: f ? `${f.text}${f.value !== null && !f.text.includes(String(f.value)) ? ` (${f.value})` : ''}` : 'missing', ok: f ? holds(f, check) : false };
    });
    console.table(table);
    expect(table.filter((r) => !r.ok), 'figures off the seed').toEqual([]);
    // #29 is the next year's plan (2021年纳入管控企业再增加500家), not a record of the year.
    expect(byNo.get('29')?.value ?? null).toBeNull();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('the 237 cases spread over every district and month and at least ten kinds of violation', async () => {
    const [spread] = await queryRows<{ districts: number; months: number; causes: number }>(database.db, sql`select count(distinct district_id)::int as districts,
      count(distinct extract(month from filed_on))::int as months, count(distinct cause)::int as causes from cases where filed_on >= '2020-01-01' and filed_on < '2021-01-01'`);
    expect(spread).toMatchObject({ districts: 13, months: 12 });
    expect(spread!.causes).toBeGreaterThanOrEqual(10);
  });

  it('the Word document (公文: title, 主送, sections, 落款) carries the figures as the report writes them', async () => {
    const doc = await reportDocument(database.db, 2020, DEMO_2020_NOW);
    if (!doc.ok) throw new Error(doc.code);
    const xml = await (await JSZip.loadAsync(doc.value.body)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of ['关于2020年度法治政府建设情况的报告', '一、', '237', '1633余万元', '20余次', '10000余册', '517', '17.19%']) expect(text, s).toContain(s);
  });

  it.skipIf(!soffice)('LibreOffice renders the Word document without errors', async () => {
    const doc = await reportDocument(database.db, 2020, DEMO_2020_NOW);
    if (!doc.ok) throw new Error(doc.code);
    expect(renderWithLibreOffice(doc.value.body)).toBe('%PDF-');
  }, 150_000);

  it('running the whole year again adds nothing', async () => {
    const again = await seedWholeDemoYear2020(database.db, undefined, { password: 'demo-password-123' });
    expect(again.parts.map((p) => [p.part, p.created])).toEqual(again.parts.map((p) => [p.part, 0]));
  }, 600_000);
});
