// The demo bureau's 2020 campaigns, adding up to the seed (烟台市生态环境局 2020 法治政府建设情况报告): 14 annual tasks
// with monthly dispatch (月调度); VOCs 一厂一策 at 373 plants, 58 remediated; dust: 492 sites, 260 problems, 70 督办单;
// 7 coal boilers eliminated; 37 key rivers, 2200多公里 surveyed; soil: 115 survey reviews, 86 key units, pilots 1 + 3,
// contaminated plots safely used 100 %; 3 joint enforcement operations. Every record goes through the campaigns'
// actions (gates, 督办单 numbers, audit rows) on dates in 2020, seeded and deterministic, topped up from what the
// database holds (running it again adds nothing).
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import type { Result } from '../law/outcome.js';
import { addDays } from '../law/civil-date.js';
import type { Principal } from '../platform/auth/roles.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { createRandom, type Random } from '../platform/random.js';
import {
  annualTaskReports, annualTasks, campaignInspections, campaigns, campaignTargets, completeItem, createAnnualTask, createCampaign, DEMO_ANNUAL_TASK_TITLES,
  escalateItem, fileReport, recordInspections, rectificationItems, rectificationOrders, verifyItem, type CampaignInput, type CampaignKind, type InspectionInput,
} from '../campaigns/index.js';
import { listDepartments, listDistrictsWithTownships } from '../organisation/index.js';
import { addUser, findPrincipalByUsername } from '../users/index.js';
import { enterprises } from '../enterprises/index.js';

/** The seed's 2020 campaign figures (seed-figures.md rows 1, 7, 8, 9, 11, 15, 16, 17, 20). */
export const SEED_2020_CAMPAIGNS = {
  annualTasks: 14, vocsAssessed: 373, vocsCompleted: 58, dustSites: 492, dustProblems: 260, dustOrders: 70, boilersEliminated: 7,
  rivers: 37, riverKmFloor: 2200, soilReviews: 115, soilKeyUnits: 86, pilotsConstruction: 1, pilotsFarmland: 3, plotsSafelyUsedPercent: 100, jointOperations: 3,
} as const;

const YEAR = 2020;
const LAST_ON = `${YEAR}-12-31`;
const at = (on: string) => new Date(`${on}T17:30:00+08:00`);
function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo 2020 campaigns: ${what}: ${r.code}${r.field ? ` (${r.field})` : ''}`);
  return r.value;
}
const mmdd = (dayOfYear: number) => addDays(`${YEAR}-01-01`, dayOfYear);
const dayOf = (on: string) => Math.round((Date.parse(`${on}T00:00:00Z`) - Date.parse(`${YEAR}-01-01T00:00:00Z`)) / 86_400_000);
/** n dates spread evenly from `fromOn` to `toOn` (inclusive), in order. */
const spread = (n: number, fromOn: string, toOn: string) => Array.from({ length: n }, (_, i) => mmdd(dayOf(fromOn) + Math.floor((i * (dayOf(toOn) - dayOf(fromOn) + 1)) / n)));

/** What becomes of a problem found: 督办 when overdue, completion reported, 销号. */
interface Fate { escalate: boolean; complete: boolean; verify: boolean }
const VERIFIED: Fate = { escalate: false, complete: true, verify: true };
const COMPLETED: Fate = { escalate: false, complete: true, verify: false };
const OPEN: Fate = { escalate: false, complete: false, verify: false };
interface Problem { code: string; note: string; fate: Fate; completion?: string }
interface TargetPlan { target: CampaignInput['targets'][number]; inspectedOn: string | null; problems: Problem[]; ownerDistrictId?: number; joint?: boolean }
interface CampaignSpec { name: string; kind: CampaignKind; legalBasis: string; startsOn: string; endsOn: string; checklist: { code: string; text: string }[]; plans: TargetPlan[] }

const keyOf = (t: { kind: string; enterpriseId?: number | null; riverName?: string | null; siteName?: string | null }) =>
  t.kind === 'enterprise' ? `e:${t.enterpriseId}` : t.kind === 'river' ? `r:${t.riverName}` : `s:${t.siteName}`;

// Approximate centres of the districts (WGS-84), for the free sites' coordinates.
const CENTRES: Record<string, [number, number]> = {
  '370602': [121.40, 37.54], '370611': [121.27, 37.50], '370612': [121.60, 37.39], '370613': [121.45, 37.48], '370614': [120.76, 37.81],
  '370671': [121.38, 37.47], '370676': [121.20, 37.60], '370681': [120.48, 37.65], '370682': [120.71, 36.98], '370683': [119.94, 37.18],
  '370685': [120.43, 37.36], '370686': [120.85, 37.34], '370687': [121.16, 36.78],
};
type District = { id: number; code: string; name: string };
const coordinates = (random: Random, d: District) => {
  const [lon, lat] = CENTRES[d.code] ?? [121.4, 37.5];
  return { longitude: Math.round((lon + (random.next() - 0.5) * 0.16) * 1e5) / 1e5, latitude: Math.round((lat + (random.next() - 0.5) * 0.12) * 1e5) / 1e5 };
};
const ROADS = ['幸福路', '港城大街', '南大街', '青年路', '观海路', '长江路', '黄河路', '迎春大街', '滨海路', '山海路', '金城路', '府前街', '振华街', '文化路', '新华街', '胜利路'];
const DUST_KINDS = ['建筑施工工地', '拆迁工地', '道路施工段', '物料堆场', '混凝土搅拌站', '渣土消纳场'];

/** Shuffled copy (seeded). */
function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(random.next() * (i + 1)); [a[i], a[j]] = [a[j]!, a[i]!]; }
  return a;
}

function vocsCampaign(random: Random, firms: { id: number }[]): CampaignSpec {
  const chosen = shuffle(random, firms).slice(0, SEED_2020_CAMPAIGNS.vocsAssessed).sort((a, b) => a.id - b.id);
  const dates = spread(chosen.length, '2020-04-01', '2020-10-30');
  // 90 plants need remediation: 58 finished and verified (销号), 20 reported finished awaiting verification, 12 under way.
  const needing = shuffle(random, chosen.map((_, i) => i)).slice(0, 90);
  const fateOf = new Map(needing.map((i, k) => [i, k < SEED_2020_CAMPAIGNS.vocsCompleted ? VERIFIED : k < 78 ? COMPLETED : OPEN]));
  const notes: Record<string, string> = { V2: '有机废气收集效率偏低，无组织逸散明显', V3: '活性炭吸附装置未按期更换，治理效率不足', V4: 'VOCs治理设施运行台账记录不全' };
  return {
    name: '2020年挥发性有机物（VOCs）专项整治“一厂一策”方案评估', kind: 'vocs',
    // 大气污染防治法 第四十五条: VOCs-emitting production in closed spaces or equipment, with collection and treatment.
    legalBasis: '《中华人民共和国大气污染防治法》第四十五条；《挥发性有机物无组织排放控制标准》（GB 37822-2019）',
    startsOn: '2020-03-20', endsOn: '2020-12-31',
    checklist: [{ code: 'V1', text: '“一厂一策”方案编制及评估' }, { code: 'V2', text: '废气收集设施' }, { code: 'V3', text: '末端治理设施运行' }, { code: 'V4', text: '治理设施运行台账' }],
    plans: chosen.map((f, i) => {
      const fate = fateOf.get(i);
      const code = ['V2', 'V3', 'V4'][i % 3]!;
      return { target: { kind: 'enterprise', enterpriseId: f.id }, inspectedOn: dates[i]!, problems: fate ? [{ code, note: notes[code]!, fate, completion: '已按“一厂一策”方案完成治理设施升级改造，验收监测达标' }] : [] };
    }),
  };
}

function dustCampaign(random: Random, districts: District[]): CampaignSpec {
  const n = SEED_2020_CAMPAIGNS.dustSites;
  const sites = Array.from({ length: n }, (_, i) => {
    const d = districts[i % districts.length]!;
    return { d, name: `${d.name}${ROADS[Math.floor(i / districts.length) % ROADS.length]}${DUST_KINDS[i % DUST_KINDS.length]}（${String(i + 1).padStart(3, '0')}）`, ...coordinates(random, d) };
  });
  const dates = spread(n, '2020-03-02', '2020-12-18');
  // 260 problems: 205 sites with one or two (55 with two); 70 of them escalated to a 督办单 (found by mid-November).
  const withProblems = shuffle(random, sites.map((_, i) => i)).slice(0, 205);
  const twice = new Set(withProblems.slice(0, 55));
  const notes: Record<string, string> = {
    Y1: '施工围挡破损、不连续', Y2: '裸土及物料堆放未覆盖防尘网', Y3: '出入口未设置车辆冲洗设施', Y4: '施工现场主要道路未硬化', Y5: '拆除作业未采取湿法作业', Y6: '渣土运输车辆未密闭',
  };
  const plans: TargetPlan[] = sites.map((s, i) => ({ target: { kind: 'site', siteName: s.name, longitude: s.longitude, latitude: s.latitude }, inspectedOn: dates[i]!, problems: [], ownerDistrictId: s.d.id }));
  for (const i of withProblems) {
    const codes = shuffle(random, Object.keys(notes)).slice(0, twice.has(i) ? 2 : 1);
    for (const code of codes) plans[i]!.problems.push({ code, note: notes[code]!, fate: OPEN, completion: '已完成整改，现场复核符合扬尘防治要求' });
  }
  const problems = plans.flatMap((p) => p.problems.map((x) => ({ p, x })));
  const escalable = shuffle(random, problems.filter(({ p }) => p.inspectedOn! <= '2020-11-10')).slice(0, SEED_2020_CAMPAIGNS.dustOrders);
  const escalated = new Set(escalable.map(({ x }) => x));
  for (const [k, { x }] of escalable.entries()) x.fate = { escalate: true, complete: k < 62, verify: k < 58 };
  for (const { p, x } of problems) {
    if (escalated.has(x)) continue;
    // Rectified in time and verified, except the most recent ones (still within their period at year end) and a few.
    x.fate = p.inspectedOn! > '2020-12-15' ? OPEN : random.chance(0.88) ? VERIFIED : random.chance(0.5) ? COMPLETED : OPEN;
  }
  return {
    name: '2020年扬尘污染专项整治', kind: 'dust',
    // 大气污染防治法 第六十九条 (施工扬尘), 第七十条 (运输), 第七十二条 (堆场).
    legalBasis: '《中华人民共和国大气污染防治法》第六十九条、第七十条、第七十二条；《山东省扬尘污染防治管理办法》',
    startsOn: '2020-03-01', endsOn: '2020-12-31',
    checklist: [
      { code: 'Y1', text: '施工工地周边围挡' }, { code: 'Y2', text: '物料堆放覆盖' }, { code: 'Y3', text: '出入车辆清洗' },
      { code: 'Y4', text: '施工现场地面硬化' }, { code: 'Y5', text: '拆迁工地湿法作业' }, { code: 'Y6', text: '渣土车辆密闭运输' },
    ],
    plans,
  };
}

function boilerCampaign(random: Random, firms: { id: number }[]): CampaignSpec {
  const chosen = shuffle(random, firms).slice(0, 9).sort((a, b) => a.id - b.id);
  const dates = [...spread(7, '2020-03-16', '2020-07-20'), '2020-12-08', '2020-12-10'];
  return {
    name: '2020年35蒸吨以下燃煤锅炉淘汰', kind: 'boiler',
    // 大气污染防治法 第三十八条: 高污染燃料禁燃区; 《打赢蓝天保卫战三年行动计划》 eliminates coal boilers under 35 t/h.
    legalBasis: '《中华人民共和国大气污染防治法》第三十八条；《打赢蓝天保卫战三年行动计划》（国发〔2018〕22号）',
    startsOn: '2020-03-01', endsOn: '2020-12-31',
    checklist: [{ code: 'B1', text: '35蒸吨/小时以下燃煤锅炉淘汰' }, { code: 'B2', text: '替代能源设施' }],
    plans: chosen.map((f, i) => ({
      target: { kind: 'enterprise', enterpriseId: f.id }, inspectedOn: dates[i]!,
      problems: [{ code: 'B1', note: `在用${[4, 6, 10, 10, 15, 20, 6, 10, 4][i]}蒸吨/小时燃煤锅炉1台，尚未淘汰`, fate: i < SEED_2020_CAMPAIGNS.boilersEliminated ? VERIFIED : OPEN, completion: '燃煤锅炉已拆除，改用天然气锅炉' }],
    })),
  };
}

/** 37 key rivers (名录 of the demo) with the district answering for them and the length surveyed, km (2 2xx km in all). */
const RIVERS: [name: string, county: string, km: number][] = [
  ['大沽夹河', '370611', 117.0], ['外夹河', '370611', 77.5], ['内夹河', '370611', 74.4], ['黄水河', '370681', 132.2], ['界河', '370685', 99.6],
  ['五龙河', '370682', 162.7], ['王河', '370683', 81.0], ['沁水河', '370612', 61.1], ['辛安河', '370613', 54.1], ['东村河', '370687', 63.5],
  ['平畅河', '370614', 45.4], ['清洋河', '370686', 90.5], ['泳汶河', '370681', 60.3], ['白沙河', '370676', 39.5], ['龙山河', '370614', 50.0],
  ['南阳河', '370683', 70.1], ['蚬河', '370682', 56.8], ['留格河', '370687', 48.3], ['逛荡河', '370602', 16.0], ['鱼鸟河', '370613', 23.9],
  ['黄金河', '370671', 20.8], ['八里沙河', '370676', 27.5], ['钟家河', '370612', 34.6], ['诸流河', '370685', 50.9], ['苏家店河', '370686', 42.6],
  ['富水河', '370682', 84.6], ['墨水河', '370682', 66.4], ['小沽河', '370683', 93.9], ['汉河', '370686', 58.2], ['龙泉河', '370685', 46.5],
  ['绛水河', '370681', 52.3], ['中村河', '370687', 43.7], ['楼底河', '370612', 37.8], ['北马河', '370681', 33.4], ['马山河', '370614', 31.5],
  ['西城河', '370687', 38.8], ['虞河', '370683', 58.9],
];

function riverCampaign(random: Random, districts: District[]): CampaignSpec {
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const dates = spread(RIVERS.length, '2020-05-11', '2020-08-28');
  const notes: Record<string, string> = { R1: '发现未登记入河排污口', R2: '河道内垃圾、杂物堆放', R3: '沿河畜禽养殖粪污直排', R4: '河道内违规采砂' };
  return {
    name: '2020年重点河流河长制环境问题排查', kind: 'river',
    // 水污染防治法 第五条 (河长制), 第二十二条 (排污口).
    legalBasis: '《中华人民共和国水污染防治法》第五条、第二十二条',
    startsOn: '2020-05-01', endsOn: '2020-09-30',
    checklist: [{ code: 'R1', text: '入河排污口排查' }, { code: 'R2', text: '河道垃圾及堆放物' }, { code: 'R3', text: '沿河畜禽养殖' }, { code: 'R4', text: '河道采砂' }],
    plans: RIVERS.map(([name, county, km], i) => {
      const codes = shuffle(random, Object.keys(notes)).slice(0, random.int(0, 3));
      // 移交相关区市政府核实整改: the districts report most done; the bureau verifies some.
      return {
        target: { kind: 'river', riverName: name, surveyedKm: km }, inspectedOn: dates[i]!, ownerDistrictId: byCode.get(county)!.id,
        problems: codes.map((code) => ({ code, note: notes[code]!, fate: random.chance(0.6) ? VERIFIED : random.chance(0.6) ? COMPLETED : OPEN, completion: '属地区市政府已核实并完成整改' })),
      };
    }),
  };
}

function soilCampaigns(random: Random, districts: District[], firms: { id: number }[]): CampaignSpec[] {
  const site = (prefix: string, i: number) => { const d = districts[i % districts.length]!; return { d, siteName: `${d.name}${prefix}（${String(i + 1).padStart(3, '0')}）`, ...coordinates(random, d) }; };
  const surveys = Array.from({ length: SEED_2020_CAMPAIGNS.soilReviews }, (_, i) => site(`${ROADS[i % ROADS.length]}地块`, i));
  const surveyDates = spread(surveys.length, '2020-02-17', '2020-12-16');
  const revised = new Set(shuffle(random, surveys.map((_, i) => i)).slice(0, 15));
  // 土壤污染防治法 第五十九条: 用途变更为住宅、公共管理与公共服务用地的, 应当进行土壤污染状况调查; 第五十九条第三款: 报告评审.
  const survey: CampaignSpec = {
    name: '2020年建设用地土壤污染状况调查报告评审', kind: 'soil_survey', legalBasis: '《中华人民共和国土壤污染防治法》第五十九条',
    startsOn: '2020-02-01', endsOn: '2020-12-31',
    checklist: [{ code: 'S1', text: '调查报告内容完整' }, { code: 'S2', text: '采样布点及检测' }, { code: 'S3', text: '调查结论' }],
    plans: surveys.map((s, i) => ({
      target: { kind: 'site', siteName: s.siteName, longitude: s.longitude, latitude: s.latitude }, inspectedOn: surveyDates[i]!, ownerDistrictId: s.d.id,
      problems: revised.has(i) ? [{ code: 'S2', note: '采样点位布设不足，需补充采样', fate: surveyDates[i]! <= '2020-12-10' ? VERIFIED : OPEN, completion: '已补充采样并修改报告，复审通过' }] : [],
    })),
  };
  // 土壤污染防治法 第二十一条: 土壤污染重点监管单位名录.
  const keyUnits: CampaignSpec = {
    name: '2020年土壤污染重点监管单位名录', kind: 'soil_key_unit', legalBasis: '《中华人民共和国土壤污染防治法》第二十一条',
    startsOn: '2020-03-01', endsOn: '2020-12-31', checklist: [{ code: 'K1', text: '土壤污染隐患排查制度' }, { code: 'K2', text: '土壤和地下水自行监测' }],
    plans: shuffle(random, firms).slice(0, SEED_2020_CAMPAIGNS.soilKeyUnits).sort((a, b) => a.id - b.id).map((f) => ({ target: { kind: 'enterprise', enterpriseId: f.id }, inspectedOn: null, problems: [] })),
  };
  // 土壤污染防治法 第四十四条–第四十七条 (修复), 第六十五条 (效果评估): a pilot is completed when accepted (验收) without an open problem.
  const pilotChecklist = [{ code: 'P1', text: '修复工程实施' }, { code: 'P2', text: '修复效果评估' }];
  const pilot = (name: string, kind: CampaignKind, names: string[], dates: string[]): CampaignSpec => ({
    name, kind, legalBasis: '《中华人民共和国土壤污染防治法》第四十五条、第六十五条', startsOn: '2020-04-01', endsOn: '2020-12-31', checklist: pilotChecklist,
    plans: names.map((n, i) => { const s = site(n, i); return {
      target: { kind: 'site', siteName: s.siteName, longitude: s.longitude, latitude: s.latitude }, inspectedOn: dates[i]!, ownerDistrictId: s.d.id,
      problems: i === 1 ? [{ code: 'P2', note: '效果评估采样数量不足', fate: VERIFIED, completion: '已补充采样，效果评估报告通过评审' }] : [],
    }; }),
  });
  const plots = Array.from({ length: 12 }, (_, i) => site('再开发利用污染地块', i));
  const plotDates = spread(plots.length, '2020-06-08', '2020-11-20');
  // 土壤污染防治法 第六十六条: 未达到土壤污染风险评估报告确定的风险管控、修复目标的地块, 禁止开工建设.
  const plot: CampaignSpec = {
    name: '2020年污染地块安全利用核查', kind: 'soil_plot', legalBasis: '《中华人民共和国土壤污染防治法》第六十六条', startsOn: '2020-06-01', endsOn: '2020-12-31',
    checklist: [{ code: 'U1', text: '风险管控和修复目标达成' }, { code: 'U2', text: '开发利用符合规划用途' }],
    plans: plots.map((s, i) => ({
      target: { kind: 'site', siteName: s.siteName, longitude: s.longitude, latitude: s.latitude }, inspectedOn: plotDates[i]!, ownerDistrictId: s.d.id,
      problems: i % 6 === 2 ? [{ code: 'U1', note: '风险管控措施维护记录不全', fate: VERIFIED, completion: '已补充维护记录并落实长期监测' }] : [],
    })),
  };
  return [
    survey, keyUnits,
    pilot('2020年建设用地土壤修复试点', 'soil_pilot_construction', ['原化工厂地块修复试点'], ['2020-11-18']),
    pilot('2020年农用地土壤修复试点', 'soil_pilot_farmland', ['农用地安全利用修复试点', '农用地土壤改良修复试点', '设施农业土壤修复试点'], ['2020-10-14', '2020-10-28', '2020-11-11']),
    plot,
  ];
}

function jointCampaigns(random: Random, districts: District[], firms: { id: number; districtId: number }[]): CampaignSpec[] {
  // 跨县区交叉执法: the city detachment with officers of two district branches, three operations in the year.
  const ops = [['第一次', '2020-04-20'], ['第二次', '2020-07-14'], ['第三次', '2020-10-19']] as const;
  return ops.map(([ordinal, fromOn], k) => {
    const ds = shuffle(random, districts).slice(0, 3);
    const chosen = ds.flatMap((d) => shuffle(random, firms.filter((f) => f.districtId === d.id)).slice(0, 2));
    return {
      name: `2020年${ordinal}生态环境综合执法行动`, kind: 'joint' as const,
      // 环境保护法 第二十四条: 现场检查; 第二十条: 跨行政区域联合防治协调机制.
      legalBasis: '《中华人民共和国环境保护法》第二十条、第二十四条', startsOn: fromOn, endsOn: addDays(fromOn, 10),
      checklist: [{ code: 'J1', text: '污染防治设施运行' }, { code: 'J2', text: '排污许可执行' }, { code: 'J3', text: '危险废物规范化管理' }],
      plans: chosen.map((f, i) => ({
        target: { kind: 'enterprise' as const, enterpriseId: f.id }, inspectedOn: addDays(fromOn, Math.floor(i / 2)), joint: true,
        problems: (i + k) % 3 === 0 ? [{ code: 'J3', note: '危险废物贮存场所标识不规范', fate: VERIFIED, completion: '已按规范设置危险废物识别标志' }] : [],
      })),
    };
  });
}

interface Actors { leader: Principal; officer1: Principal; officer2: Principal; jointOfficers: number[] }

/** Makes sure the district officers of the joint operations exist (as src/demo/seed.ts creates them). */
async function districtOfficers(db: Db, districts: District[]): Promise<{ created: number; ids: number[] }> {
  const departments = await listDepartments(db);
  const branch = (districtId: number) => departments.find((d) => d.kind === 'district_branch' && d.districtId === districtId)?.id ?? null;
  let created = 0;
  const ids: number[] = [];
  for (const [username, displayName, role, code, credentialNo] of [
    ['zhifu-officer', '芝罘分局执法 邹磊', 'enforcement_officer', '370602', '37060219003'],
    ['fushan1', '福山分局 孙洪波', 'district_staff', '370611', null],
  ] as const) {
    let p = await findPrincipalByUsername(db, username);
    if (!p) {
      const d = districts.find((x) => x.code === code)!;
      must(await addUser(db, SYSTEM_ACTOR, { username, displayName, password: 'demo-password-123', role, districtId: d.id, departmentId: branch(d.id),
        enterpriseId: null, credentialNo, holdsLegalQualification: false }, new Date('2020-01-06T09:00:00+08:00')), `user ${username}`);
      p = await findPrincipalByUsername(db, username);
      created++;
    }
    ids.push(p!.id);
  }
  return { created, ids };
}

/** Creates the campaign if missing, records the inspections not yet recorded, and takes each problem to its planned end. */
async function runCampaign(db: Db, spec: CampaignSpec, who: Actors, districtIds: number[], tick: (n?: number) => void): Promise<number> {
  let created = 0;
  let [row] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.name, spec.name));
  if (!row) {
    row = must(await createCampaign(db, who.leader, {
      name: spec.name, kind: spec.kind, legalBasis: spec.legalBasis, startsOn: spec.startsOn, endsOn: spec.endsOn, districtIds,
      checklist: spec.checklist, targets: spec.plans.map((p) => p.target), reason: '演示数据',
    }, at(addDays(spec.startsOn, -1))), `campaign ${spec.name}`);
    created++;
  }
  const campaignId = row.id;
  const targets = await db.select().from(campaignTargets).where(eq(campaignTargets.campaignId, campaignId)).orderBy(asc(campaignTargets.id));
  const idOf = new Map(targets.map((t) => [keyOf(t), t.id]));
  const planOf = new Map(spec.plans.map((p) => [idOf.get(keyOf(p.target as never))!, p]));
  const inspected = new Set((await db.selectDistinct({ id: campaignInspections.targetId }).from(campaignInspections).where(eq(campaignInspections.campaignId, campaignId))).map((r) => r.id));
  // The inspections of a month are entered together at its last inspection day (the officers' forms of the month).
  const byMonth = new Map<string, InspectionInput[]>();
  for (const [targetId, p] of planOf) {
    if (!p.inspectedOn || inspected.has(targetId)) continue;
    const problems = new Map(p.problems.map((x) => [x.code, x.note]));
    const input: InspectionInput = {
      targetId, inspectedOn: p.inspectedOn, officerIds: p.joint ? [who.officer1.id, ...who.jointOfficers] : [who.officer1.id, who.officer2.id],
      results: spec.checklist.map(({ code }) => (problems.has(code) ? { code, result: 'problem' as const, note: problems.get(code)! } : { code, result: 'ok' as const })),
      workingDays: 10, ...(p.ownerDistrictId ? { ownerDistrictId: p.ownerDistrictId } : {}),
    };
    const month = p.inspectedOn.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), input]);
  }
  for (const inputs of byMonth.values()) {
    const lastOn = inputs.map((i) => i.inspectedOn).sort().at(-1)!;
    must(await recordInspections(db, who.officer1, campaignId, inputs, at(lastOn)), `inspections of ${spec.name}`);
    created += inputs.length;
    tick(inputs.length);
  }
  // Each problem to its planned end: 督办 a few days after its deadline, completion, 销号.
  const items = await db.select({ id: rectificationItems.id, targetId: rectificationItems.targetId, code: rectificationItems.checklistCode, status: rectificationItems.status,
    deadlineOn: rectificationItems.deadlineOn, orderId: rectificationOrders.id, inspectedOn: campaignInspections.inspectedOn })
    .from(rectificationItems).innerJoin(campaignInspections, eq(campaignInspections.id, rectificationItems.inspectionId))
    .leftJoin(rectificationOrders, eq(rectificationOrders.itemId, rectificationItems.id))
    .where(eq(rectificationItems.campaignId, campaignId)).orderBy(asc(rectificationItems.deadlineOn), asc(rectificationItems.id));
  const inYear = (on: string, what: string) => { if (on > LAST_ON) throw new Error(`demo 2020 campaigns: ${spec.name} ${what} on ${on}, after the year`); return on; };
  for (const item of items) {
    const problem = planOf.get(item.targetId)?.problems.find((x) => x.code === item.code);
    if (!problem) continue;
    const { fate } = problem;
    let status = item.status;
    if (fate.escalate && item.orderId === null && status === 'open') {
      const on = inYear(addDays(item.deadlineOn, 3), 'escalation');
      must(await escalateItem(db, who.leader, campaignId, item.id, '逾期未完成整改，下达整改督办单', at(on)), `escalate ${item.id}`);
      created++;
    }
    const completedOn = fate.escalate ? addDays(item.deadlineOn, 10) : addDays(item.inspectedOn, 6);
    if (fate.complete && status === 'open') {
      inYear(completedOn, 'completion');
      must(await completeItem(db, who.officer1, campaignId, item.id, { completionText: problem.completion ?? '已完成整改', completedOn }, at(completedOn)), `complete ${item.id}`);
      status = 'completed';
      created++;
    }
    if (fate.verify && status === 'completed') {
      const on = inYear(addDays(completedOn, 2), 'verification');
      must(await verifyItem(db, who.leader, campaignId, item.id, '现场复核整改到位，予以销号', at(on)), `verify ${item.id}`);
      created++;
    }
    tick();
  }
  return created;
}

/** The 14 annual tasks of 2020 and their monthly reports (月调度) by the lead and co-departments, filed early in the next month. */
async function runAnnualTasks(db: Db, leader: Principal, tick: (n?: number) => void): Promise<number> {
  let created = 0;
  const departments = (await listDepartments(db)).filter((d) => d.districtId === null);
  const lead = (i: number) => departments[i % departments.length]!;
  const existing = await db.select().from(annualTasks).where(eq(annualTasks.year, YEAR));
  const mm = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;
  for (const [i, title] of DEMO_ANNUAL_TASK_TITLES.entries()) {
    let task = existing.find((t) => t.title === title);
    if (!task) {
      const co = departments.filter((d) => d.id !== lead(i).id).slice(i % 3, i % 3 + (i % 3));
      task = must(await createAnnualTask(db, leader, {
        year: YEAR, title, content: `【演示】${title}：按《2020年度法治政府建设工作要点》确定的目标、措施和时限推进，每月5日前向政策法规科报送上月进展。`,
        leadDepartmentId: lead(i).id, coDepartmentIds: co.map((d) => d.id), dueOn: `${YEAR}-12-${i % 2 ? '15' : '31'}`,
      }, new Date('2020-01-10T10:00:00+08:00')), `annual task ${i + 1}`);
      created++;
    }
    const filed = new Set((await db.select({ d: annualTaskReports.departmentId, m: annualTaskReports.month }).from(annualTaskReports)
      .where(eq(annualTaskReports.taskId, task.id))).map((r) => `${r.d}:${r.m}`));
    // Two tasks are done by mid-year (月调度制度, 主要负责人职责); the rest in December, by their due date.
    const doneMonth = i === 0 || i === 1 ? 6 : 12;
    for (let m = 1; m <= doneMonth; m++) {
      for (const d of [task.leadDepartmentId, ...task.coDepartmentIds]) {
        if (filed.has(`${d}:${mm(m)}`)) continue;
        const done = m === doneMonth;
        // Reports are filed by the 3rd of the next month (a few late, on the 9th); December's is filed before the year ends.
        const filedOn = m === 12 ? (i % 2 ? '2020-12-14' : '2020-12-28') : `${mm(m + 1)}-${(i + m) % 11 === 0 ? '09' : '03'}`;
        must(await fileReport(db, leader, task.id, {
          departmentId: d, month: mm(m), progress: done ? `${title}：全年任务已完成（演示）` : `${title}：本月按计划推进（演示）`,
          percent: done ? 100 : Math.min(95, Math.round((m / doneMonth) * 100)), status: done ? 'completed' : 'on_track', attachments: [],
        }, at(filedOn)), `report ${i + 1} ${mm(m)}`);
        created++;
      }
    }
    tick();
  }
  return created;
}

/**
 * Generates the demo bureau's 2020 campaigns and annual tasks through the campaigns' actions. Needs the demo users
 * leader, officer1, officer2 and the enterprises (creates the district officers zhifu-officer and fushan1 of the joint
 * operations when missing, as src/demo/seed.ts defines them). Independent of the enforcement year (src/demo/year-2020.ts).
 * Tops up: running it again adds nothing.
 */
export async function seedDemoCampaigns2020(db: Db, onProgress?: (done: number, total: number) => void): Promise<{ created: number }> {
  const who = async (u: string) => { const p = await findPrincipalByUsername(db, u); if (!p) throw new Error(`demo user ${u} missing`); return p; };
  const [leader, officer1, officer2] = await Promise.all(['leader', 'officer1', 'officer2'].map(who)) as Principal[];
  const districts = (await listDistrictsWithTownships(db)).map((d) => ({ id: d.id, code: d.code, name: d.name }));
  const firms = await db.select({ id: enterprises.id, districtId: enterprises.districtId }).from(enterprises).orderBy(asc(enterprises.id));
  if (firms.length < SEED_2020_CAMPAIGNS.vocsAssessed) throw new Error(`demo 2020 campaigns: ${SEED_2020_CAMPAIGNS.vocsAssessed} enterprises needed, ${firms.length} registered`);
  const officers = await districtOfficers(db, districts);
  const actors: Actors = { leader: leader!, officer1: officer1!, officer2: officer2!, jointOfficers: officers.ids };
  const random = createRandom(2020_0373);
  const specs = [
    vocsCampaign(random, firms), dustCampaign(random, districts), boilerCampaign(random, firms), riverCampaign(random, districts),
    ...soilCampaigns(random, districts, firms), ...jointCampaigns(random, districts, firms),
  ];
  const total = DEMO_ANNUAL_TASK_TITLES.length + specs.reduce((s, c) => s + c.plans.filter((p) => p.inspectedOn).length + c.plans.reduce((a, p) => a + p.problems.length, 0), 0);
  let done = 0;
  const tick = (n = 1) => { done += n; onProgress?.(Math.min(done, total), total); };
  let created = officers.created + await runAnnualTasks(db, leader!, tick);
  const allDistricts = districts.map((d) => d.id);
  for (const spec of specs) created += await runCampaign(db, spec, actors, allDistricts, tick);
  onProgress?.(total, total);
  return { created };
}
