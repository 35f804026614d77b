// Materials checklists per category and the tolerance list (容缺受理) as DATA, and the intake check.
// 行政许可法 第三十二条第一款(四): incomplete materials → tell the applicant everything to be supplied at once.
// 山东省优化营商环境条例 第二十八条, 第三十条 (domain brief A3.6): a published list states which items may be
// missing at acceptance; the items and supply periods are local practice (A3.7, unconfirmed), so a bureau edits this data.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import type { EiaCategory, ToleratedItem } from './types.js';

export const LICENSING_32: Citation = { law: '行政许可法', article: '第三十二条' };

export interface MaterialItem { code: string; name: string; tolerable: boolean }

export const MATERIALS_VERSION = '2021-1';

const COMMON: MaterialItem[] = [
  { code: 'application-letter', name: '建设项目环境影响评价文件审批申请书', tolerable: false },
  { code: 'basic-info-form', name: '建设项目环境影响报告书（表）审批基础信息表', tolerable: false },
  { code: 'business-licence', name: '建设单位营业执照（统一社会信用代码证明）', tolerable: false },
];

/** The checklist per category; 登记表 is filed online with the form itself (建设项目环境保护管理条例 第九条). */
export const MATERIALS: Record<EiaCategory, MaterialItem[]> = {
  report: [
    ...COMMON,
    { code: 'eia-report', name: '环境影响报告书（全本及公开版本）', tolerable: false },
    { code: 'public-participation', name: '公众参与说明', tolerable: false },
    { code: 'project-approval', name: '项目审批、核准或备案文件', tolerable: true },
    { code: 'land-use', name: '用地预审或规划选址意见', tolerable: true },
    { code: 'total-load', name: '主要污染物排放总量指标来源说明', tolerable: true },
  ],
  form: [
    ...COMMON,
    { code: 'eia-form', name: '环境影响报告表（全本及公开版本）', tolerable: false },
    { code: 'project-approval', name: '项目审批、核准或备案文件', tolerable: true },
    { code: 'land-use', name: '用地预审或规划选址意见', tolerable: true },
    { code: 'total-load', name: '主要污染物排放总量指标来源说明', tolerable: true },
  ],
  registration: [{ code: 'registration-form', name: '建设项目环境影响登记表', tolerable: false }],
};

export function materialsFor(category: EiaCategory): MaterialItem[] { return MATERIALS[category]; }

export interface IntakeMaterials { category: EiaCategory; supplied: string[]; tolerated: Pick<ToleratedItem, 'code' | 'commitment' | 'supplyByOn'>[] }

/** Checklist items neither supplied nor covered by a tolerance commitment: the one correction notice lists them all. */
export function missingMaterials(m: IntakeMaterials): MaterialItem[] {
  const covered = new Set([...m.supplied, ...m.tolerated.map((t) => t.code)]);
  return materialsFor(m.category).filter((i) => !covered.has(i.code));
}

/**
 * Acceptance under 容缺: only items on the tolerance list may be missing, each with a written commitment and a
 * supply-by date after the day of acceptance. Otherwise 行政许可法 第三十二条 asks for a correction notice.
 */
export function checkAcceptance(m: IntakeMaterials, acceptedOn: string): Outcome {
  const list = new Map(materialsFor(m.category).map((i) => [i.code, i]));
  for (const [i, t] of m.tolerated.entries()) {
    if (!list.get(t.code)?.tolerable) return refuse('EIA_ITEM_NOT_TOLERABLE', LICENSING_32, `tolerated.${i}.code`);
    if (!t.commitment.trim()) return refuse('EIA_COMMITMENT_REQUIRED', LICENSING_32, `tolerated.${i}.commitment`);
    if (t.supplyByOn <= acceptedOn) return refuse('EIA_SUPPLY_BY_INVALID', LICENSING_32, `tolerated.${i}.supplyByOn`);
  }
  // 行政许可法 第三十二条第一款(四)/(五): accepted only when complete (tolerated items aside).
  if (missingMaterials(m).length) return refuse('EIA_MATERIALS_INCOMPLETE', LICENSING_32);
  return allowed;
}
