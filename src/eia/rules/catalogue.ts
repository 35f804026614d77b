// 建设项目环境影响评价分类管理名录（2021年版）(生态环境部令第16号, in force 2021-01-01) kept as versioned DATA.
// A REPRESENTATIVE SUBSET of its rows, not the whole table: each row's item number, industry, GB/T 4754-2017
// codes and which tier (报告书 / 报告表 / 登记表) applies. Conditions are reduced to what the application states
// (touches an 环境敏感区, a named process, a scale threshold); the official wording is kept in `text`.
// The thresholds below follow the 2021 table as commonly reproduced; they were not checked against the
// gazetted text here (domain brief A2.5: load the official table as data) — a bureau replaces this file's data.
import type { EiaCategory } from './types.js';

/** When a tier applies: always, when the project touches an 环境敏感区, with a named process, at or above a scale, or otherwise (the rest). */
export type TierCondition =
  | { when: 'all' } | { when: 'sensitive' } | { when: 'process'; process: string }
  | { when: 'scale-at-least'; value: number; unit: string } | { when: 'otherwise' };

export interface CatalogueEntry {
  /** 项目类别 row number in the 2021 table. */
  item: number;
  /** 大类 heading and the row's description. */
  division: string; description: string;
  /** GB/T 4754-2017 classes the row covers (prefix match: 'C26' covers C2614). */
  industryCodes: string[];
  /** Tiers in the order the 名录 第五条 tests them; "/" (tier not available) is simply absent. */
  tiers: { category: EiaCategory; condition: TierCondition; text: string }[];
}

export interface Catalogue { version: string; title: string; subset: true; entries: CatalogueEntry[] }

export const CATALOGUE_2021: Catalogue = {
  version: '2021', title: '建设项目环境影响评价分类管理名录（2021年版）', subset: true,
  entries: [
    { item: 44, division: '二十三、化学原料和化学制品制造业', description: '基础化学原料制造；农药制造；涂料、油墨、颜料及类似产品制造；合成材料制造；专用化学产品制造…', industryCodes: ['C261', 'C263', 'C264', 'C265', 'C266'],
      tiers: [{ category: 'report', condition: { when: 'all' }, text: '全部（含研发中试；不含单纯物理分离、物理提纯、混合、分装的）' },
        { category: 'form', condition: { when: 'otherwise' }, text: '单纯物理分离、物理提纯、混合、分装的（不产生废水或挥发性有机物的除外）' }] },
    { item: 47, division: '二十四、医药制造业', description: '化学药品原料药制造；化学药品制剂制造…', industryCodes: ['C271', 'C272'],
      tiers: [{ category: 'report', condition: { when: 'all' }, text: '全部（含研发中试；不含单纯药品复配、分装；不含化学药品制剂制造的）' },
        { category: 'form', condition: { when: 'otherwise' }, text: '单纯药品复配且产生废水或挥发性有机物的；化学药品制剂制造的' }] },
    { item: 67, division: '三十、金属制品业', description: '金属表面处理及热处理加工', industryCodes: ['C336'],
      tiers: [{ category: 'report', condition: { when: 'process', process: 'electroplating' }, text: '有电镀工艺的；有钝化工艺的热镀锌；使用有机涂层的（年用溶剂型涂料10吨及以上的）' },
        { category: 'form', condition: { when: 'otherwise' }, text: '其他（年用非溶剂型低VOCs含量涂料10吨以下的除外）' }] },
    { item: 36, division: '十九、皮革、毛皮、羽毛及其制品和制鞋业', description: '皮革鞣制加工；毛皮鞣制及制品加工', industryCodes: ['C191', 'C193'],
      tiers: [{ category: 'report', condition: { when: 'process', process: 'tanning' }, text: '有鞣制、染色工艺的' },
        { category: 'form', condition: { when: 'otherwise' }, text: '其他' }] },
    { item: 17, division: '六、农副食品加工业', description: '谷物磨制；饲料加工；植物油加工；制糖；屠宰及肉类加工；水产品加工…', industryCodes: ['C131', 'C132', 'C133', 'C134', 'C135', 'C136'],
      tiers: [{ category: 'form', condition: { when: 'sensitive' }, text: '涉及环境敏感区的；年屠宰生猪10万头及以上的…' },
        { category: 'registration', condition: { when: 'otherwise' }, text: '其他' }] },
    { item: 85, division: '三十七、电气机械和器材制造业', description: '电池制造', industryCodes: ['C384'],
      tiers: [{ category: 'report', condition: { when: 'process', process: 'lead-acid' }, text: '铅酸蓄电池制造' },
        { category: 'form', condition: { when: 'otherwise' }, text: '其他（仅分割、焊接、组装的除外）' }] },
    { item: 113, division: '四十四、电力、热力生产和供应业', description: '火力发电；热电联产', industryCodes: ['D4411', 'D4412'],
      tiers: [{ category: 'report', condition: { when: 'all' }, text: '火力发电和热电联产（发电机组节能改造的除外；燃气发电除外）' }] },
    { item: 146, division: '五十二、交通运输业、管道运输业', description: '等级公路（不含维护；不含生命救援、应急保通工程以及国防交通保障项目）', industryCodes: ['E4812'],
      tiers: [{ category: 'report', condition: { when: 'scale-at-least', value: 30, unit: 'km' }, text: '新建30公里（不含）以上的二级及以上等级公路；新建涉及环境敏感区的…' },
        { category: 'form', condition: { when: 'otherwise' }, text: '其他（配套设施、不涉及环境敏感区的四级公路除外）' }] },
    { item: 172, division: '五十五、房地产业；租赁和商务服务业', description: '房地产开发、商业综合体、宾馆、酒店、办公用房等', industryCodes: ['K7010'],
      tiers: [{ category: 'form', condition: { when: 'sensitive' }, text: '涉及环境敏感区的' },
        { category: 'registration', condition: { when: 'otherwise' }, text: '其他' }] },
    { item: 111, division: '四十三、废弃资源综合利用业', description: '废旧资源（含生物质）加工、再生利用', industryCodes: ['C421', 'C422'],
      tiers: [{ category: 'report', condition: { when: 'process', process: 'hazardous-waste' }, text: '废电池、废油、废轮胎加工、再生利用；涉及危险废物的' },
        { category: 'form', condition: { when: 'otherwise' }, text: '其他' }] },
  ],
};

export const CATALOGUES: Record<string, Catalogue> = { [CATALOGUE_2021.version]: CATALOGUE_2021 };
export const CURRENT_CATALOGUE_VERSION = CATALOGUE_2021.version;

export function findCatalogueEntry(version: string, item: number): CatalogueEntry | null {
  return CATALOGUES[version]?.entries.find((e) => e.item === item) ?? null;
}

/** The rows whose GB/T 4754 codes cover `industryCode` (prefix match). */
export function entriesForIndustry(version: string, industryCode: string): CatalogueEntry[] {
  return (CATALOGUES[version]?.entries ?? []).filter((e) => e.industryCodes.some((c) => industryCode.startsWith(c)));
}

export interface ProjectTraits { sensitiveArea: boolean; processes: string[]; scale: number | null }

/**
 * 名录 第五条 (2017 text; same article in 2021 unconfirmed): test the 报告书 condition, then 报告表, then 登记表;
 * the first tier whose condition holds applies. Null when no tier of the row applies (not subject to EIA under this row).
 */
export function classifyProject(entry: CatalogueEntry, t: ProjectTraits): EiaCategory | null {
  for (const tier of entry.tiers) {
    const c = tier.condition;
    const holds = c.when === 'all' || c.when === 'otherwise' || (c.when === 'sensitive' && t.sensitiveArea)
      || (c.when === 'process' && t.processes.includes(c.process)) || (c.when === 'scale-at-least' && t.scale !== null && t.scale >= c.value);
    if (holds) return tier.category;
  }
  return null;
}

const RANK: Record<EiaCategory, number> = { report: 3, form: 2, registration: 1 };
/** 名录 第五条: a project spanning several rows takes the highest single tier. */
export function highestCategory(categories: EiaCategory[]): EiaCategory | null {
  return categories.reduce<EiaCategory | null>((a, c) => (a === null || RANK[c] > RANK[a] ? c : a), null);
}
