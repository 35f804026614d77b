// Demo 环境管控单元 for the demo bureau (烟台): shapes drawn roughly around real places, marked demo. They are not the
// city's published 三线一单 units (烟台市 publishes those; a bureau imports them from GeoJSON).
import type { Db } from '../platform/db/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { importUnits } from './actions.js';

const ring = (...points: [number, number][]) => [[...points, points[0]!]];
const unit = (properties: Record<string, unknown>, coordinates: number[][][]) =>
  ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates } });

/** The demo unit set: a 优先保护 drinking-water source, 重点管控 industrial areas, 一般管控 districts. */
export const YANTAI_DEMO_UNITS = {
  type: 'FeatureCollection',
  features: [
    unit({
      code: 'ZH37061110001', name: '门楼水库饮用水水源保护区优先保护单元（演示）', kind: '优先保护', district: '福山区',
      prohibited: ['B', 'C22', 'C25', 'C26', 'C27', 'C31', 'C32', 'C33'], restricted: ['A03', 'C13'],
      restrictionConditions: '仅允许现有项目原址改造且不增加污染物排放；畜禽养殖须配套粪污资源化利用设施',
      dischargeConditions: '禁止新建、扩建排污口；一级保护区内禁止与供水设施和保护水源无关的建设项目',
    }, ring([121.205, 37.372], [121.262, 37.366], [121.289, 37.392], [121.281, 37.428], [121.238, 37.441], [121.207, 37.418])),
    unit({
      code: 'ZH37061120001', name: '烟台经济技术开发区化工产业集聚区重点管控单元（演示）', kind: '重点管控', district: '福山区',
      prohibited: ['C2511'], restricted: ['C26', 'C27'],
      restrictionConditions: '新建化工项目须进入合规化工园区，符合园区规划环评及其审查意见',
      dischargeConditions: '挥发性有机物排放实行区域内倍量削减替代；废水须经园区污水处理厂集中处理后达标排放',
    }, ring([121.201, 37.528], [121.262, 37.522], [121.281, 37.551], [121.258, 37.578], [121.206, 37.572])),
    unit({
      code: 'ZH37061320001', name: '莱山城镇重点管控单元（演示）', kind: '重点管控', district: '莱山区',
      prohibited: ['C3011', 'C3110'], restricted: ['C26'],
      restrictionConditions: '城镇建成区内不再新建化学原料药及涉重金属项目',
      dischargeConditions: '城镇污水集中收集处理，餐饮油烟达标排放',
    }, ring([121.421, 37.452], [121.489, 37.446], [121.506, 37.488], [121.468, 37.512], [121.426, 37.501])),
    unit({
      code: 'ZH37060230001', name: '芝罘区一般管控单元（演示）', kind: '一般管控', district: '芝罘区',
      prohibited: [], restricted: ['C3011'], restrictionConditions: '水泥熟料项目实行产能等量或减量置换',
      dischargeConditions: '执行国家和山东省污染物排放标准',
    }, ring([121.305, 37.488], [121.418, 37.484], [121.421, 37.548], [121.352, 37.572], [121.308, 37.541])),
    unit({
      code: 'ZH37061130001', name: '福山区一般管控单元（演示）', kind: '一般管控', district: '福山区',
      prohibited: [], restricted: [], dischargeConditions: '执行国家和山东省污染物排放标准',
    }, ring([121.21, 37.445], [121.30, 37.44], [121.302, 37.515], [121.215, 37.518])),
    unit({
      code: 'ZH37061230001', name: '牟平区一般管控单元（演示）', kind: '一般管控', district: '牟平区',
      prohibited: [], restricted: ['A03'], restrictionConditions: '规模化畜禽养殖须配套粪污处理设施',
      dischargeConditions: '执行国家和山东省污染物排放标准',
    }, ring([121.51, 37.33], [121.60, 37.33], [121.60, 37.42], [121.51, 37.42])),
  ],
};

/** Imports the demo unit set as the current version, marked demo (audited as the system). */
export async function seedZoningDemo(db: Db, now: Date): Promise<void> {
  const r = await importUnits(db, SYSTEM_ACTOR, YANTAI_DEMO_UNITS, { label: '烟台市环境管控单元（演示数据）', source: '演示数据，非正式发布的三线一单成果', demo: true }, now);
  if (!r.ok) throw new Error(`demo zoning units: ${r.code} ${r.field ?? ''}`);
}
