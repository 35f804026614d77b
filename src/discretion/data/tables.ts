// The demo bureau's first set of discretion benchmark tables (自由裁量基准), loaded into the database by
// seedDiscretionTables and maintained there by administrators. Legal ranges are the statutes' own; the
// factors, levels and weights are modelled on the 裁量因子 method of 环执法〔2019〕42号 and Shandong's
// 鲁环发〔2020〕1号 (whose exact tables were not available here: unconfirmed, demo values).
// Each range cites its article; items marked "(unconfirmed)" were checked only from memory.
import type { BenchmarkTable, Factor, FactorLevel } from '../rules/benchmark.js';

export interface DiscretionTableSeed extends Omit<BenchmarkTable, 'version'> {
  category: 'eia' | 'air' | 'water' | 'solid_waste' | 'permit';
  effectiveOn: string;
  source: string;
}

const WAN = 10_000_00;
const lv = (...pairs: [string, string, number][]): FactorLevel[] => pairs.map(([key, label, score]) => ({ key, label, score }));

// The seven factors. Levels run from the lightest to the most severe; scores never fall.
const LEVELS: Record<string, { label: string; levels: FactorLevel[] }> = {
  severity: { label: '违法情节', levels: lv(['minor', '轻微', 0], ['ordinary', '一般', 40], ['serious', '较重', 70], ['grave', '严重', 100]) },
  duration: { label: '持续时间', levels: lv(['day', '1日以内', 0], ['week', '1日至7日', 30], ['month', '7日至30日', 60], ['long', '30日以上', 100]) },
  sensitiveArea: { label: '所在区域', levels: lv(['ordinary', '非环境敏感区', 0], ['sensitive', '一般环境敏感区', 50], ['protected', '饮用水水源保护区、自然保护地等', 100]) },
  repeat: { label: '违法次数', levels: lv(['first', '两年内首次', 0], ['second', '两年内第二次', 60], ['third', '两年内三次及以上', 100]) },
  cooperation: { label: '配合调查', levels: lv(['active', '积极配合', 0], ['passive', '一般配合', 50], ['obstruct', '拒不配合或阻挠', 100]) },
  correction: { label: '改正情况', levels: lv(['immediate', '立即改正', 0], ['in_time', '限期内改正', 40], ['none', '未改正', 100]) },
  consequence: { label: '危害后果', levels: lv(['none', '未造成危害后果', 0], ['minor', '轻微', 30], ['notable', '较重', 70], ['severe', '严重', 100]) },
};

/** The seven factors with the given weights (summing to 100), in the order. */
function factors(w: [severity: number, duration: number, sensitiveArea: number, repeat: number, cooperation: number, correction: number, consequence: number]): Factor[] {
  return (['severity', 'duration', 'sensitiveArea', 'repeat', 'cooperation', 'correction', 'consequence'] as const)
    .map((key, i) => ({ key, label: LEVELS[key]!.label, weight: w[i]!, levels: LEVELS[key]!.levels }));
}

// Weight profiles: discharge offences weigh consequence and duration; record-keeping ones severity and correction.
const DISCHARGE = factors([20, 15, 15, 10, 10, 10, 20]);
const EVASION = factors([30, 15, 10, 10, 15, 5, 15]);
const RECORDS = factors([30, 10, 5, 15, 10, 25, 5]);
const CONSTRUCTION = factors([25, 15, 20, 10, 10, 10, 10]);
const WASTE = factors([20, 10, 15, 10, 10, 10, 25]);

const amount = (minWan: number, maxWan: number) => ({ kind: 'amount' as const, minFen: Math.round(minWan * WAN), maxFen: Math.round(maxWan * WAN) });
const EFFECTIVE_ON = '2020-01-01';
const SOURCE = '山东省生态环境行政处罚裁量基准（鲁环发〔2020〕1号）裁量因子方法；演示数据 (unconfirmed)';

const EIA = '环境影响评价法';
const CPR = '建设项目环境保护管理条例';
const APL = '大气污染防治法';
const WPL = '水污染防治法';
const SWL = '固体废物污染环境防治法';
const PPR = '排污许可管理条例';

export const DISCRETION_TABLES: DiscretionTableSeed[] = [
  // 环境影响评价法 第三十一条第一款: 未依法报批环评文件擅自开工建设，处建设项目总投资额百分之一以上百分之五以下的罚款。
  { code: 'EIA-31-1', category: 'eia', title: '建设项目未依法报批环境影响评价文件擅自开工建设', violatedProvision: { law: EIA, article: '第二十五条' },
    penaltyProvision: { law: EIA, article: '第三十一条', paragraph: '第一款' }, range: { kind: 'percent_of_base', baseLabel: '建设项目总投资额', minPercent: '1', maxPercent: '5' },
    factors: CONSTRUCTION, baselinePercent: 0, roundingFen: 100_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  // 环境影响评价法 第三十一条第三款: 环境影响登记表未依法备案的，责令备案，处五万元以下的罚款。
  { code: 'EIA-31-3', category: 'eia', title: '建设项目环境影响登记表未依法备案', violatedProvision: { law: EIA, article: '第二十二条', paragraph: '第四款' },
    penaltyProvision: { law: EIA, article: '第三十一条', paragraph: '第三款' }, range: amount(0, 5), factors: RECORDS, baselinePercent: 10, roundingFen: 100_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  // 建设项目环境保护管理条例 第二十三条第一款: 环境保护设施未建成、未经验收或者验收不合格即投入生产或者使用，处二十万元以上一百万元以下的罚款。
  { code: 'CPR-23-1', category: 'eia', title: '环境保护设施未建成、未经验收或者验收不合格即投入生产或者使用', violatedProvision: { law: CPR, article: '第十九条' },
    penaltyProvision: { law: CPR, article: '第二十三条', paragraph: '第一款' }, range: amount(20, 100), factors: CONSTRUCTION, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  // 大气污染防治法 第九十九条: 责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款。
  { code: 'APL-99-1', category: 'air', title: '未依法取得排污许可证排放大气污染物', violatedProvision: { law: APL, article: '第十九条' },
    penaltyProvision: { law: APL, article: '第九十九条', item: '（一）' }, range: amount(10, 100), factors: DISCHARGE, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  { code: 'APL-99-2', category: 'air', title: '超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物', violatedProvision: { law: APL, article: '第十八条' },
    penaltyProvision: { law: APL, article: '第九十九条', item: '（二）' }, range: amount(10, 100), factors: DISCHARGE, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  { code: 'APL-99-3', category: 'air', title: '通过逃避监管的方式排放大气污染物', violatedProvision: { law: APL, article: '第二十条', paragraph: '第二款' },
    penaltyProvision: { law: APL, article: '第九十九条', item: '（三）' }, range: amount(10, 100), factors: EVASION, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  // 大气污染防治法 第一百条: 责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治。
  { code: 'APL-100', category: 'air', title: '未按照规定监测、安装使用自动监测设备或者联网，或者未按照规定设置大气污染物排放口', violatedProvision: { law: APL, article: '第二十四条' },
    penaltyProvision: { law: APL, article: '第一百条' }, range: amount(2, 20), factors: RECORDS, baselinePercent: 0, roundingFen: 100_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  // 大气污染防治法 第一百零八条: 责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治。
  { code: 'APL-108-1', category: 'air', title: '产生含挥发性有机物废气的生产活动未在密闭空间或者设备中进行、未按规定安装使用污染防治设施', violatedProvision: { law: APL, article: '第四十五条' },
    penaltyProvision: { law: APL, article: '第一百零八条', item: '（一）' }, range: amount(2, 20), factors: DISCHARGE, baselinePercent: 0, roundingFen: 100_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  { code: 'APL-108-2', category: 'air', title: '工业涂装企业未使用低挥发性有机物含量涂料或者未建立、保存台账', violatedProvision: { law: APL, article: '第四十六条' },
    penaltyProvision: { law: APL, article: '第一百零八条', item: '（二）' }, range: amount(2, 20), factors: RECORDS, baselinePercent: 0, roundingFen: 100_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  { code: 'APL-108-5', category: 'air', title: '未采取集中收集处理、密闭、围挡、遮盖、清扫、洒水等措施控制、减少粉尘和气态污染物排放', violatedProvision: { law: APL, article: '第四十八条' },
    penaltyProvision: { law: APL, article: '第一百零八条', item: '（五）' }, range: amount(2, 20), factors: DISCHARGE, baselinePercent: 0, roundingFen: 100_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  // 大气污染防治法 第一百一十七条: 责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治或者停业整治。
  { code: 'APL-117', category: 'air', title: '易产生扬尘的物料未密闭或者未采取有效覆盖措施防治扬尘污染', violatedProvision: { law: APL, article: '第七十二条' },
    penaltyProvision: { law: APL, article: '第一百一十七条', item: '（一）' }, range: amount(1, 10), factors: DISCHARGE, baselinePercent: 0, roundingFen: 100_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  // 水污染防治法 第八十三条: 责令改正或者责令限制生产、停产整治，并处十万元以上一百万元以下的罚款。
  { code: 'WPL-83-1', category: 'water', title: '未依法取得排污许可证排放水污染物', violatedProvision: { law: WPL, article: '第二十一条' },
    penaltyProvision: { law: WPL, article: '第八十三条', item: '（一）' }, range: amount(10, 100), factors: DISCHARGE, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  { code: 'WPL-83-2', category: 'water', title: '超过水污染物排放标准或者超过重点水污染物排放总量控制指标排放水污染物', violatedProvision: { law: WPL, article: '第十条' },
    penaltyProvision: { law: WPL, article: '第八十三条', item: '（二）' }, range: amount(10, 100), factors: DISCHARGE, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  { code: 'WPL-83-3', category: 'water', title: '私设暗管、篡改伪造监测数据或者不正常运行水污染防治设施等逃避监管的方式排放水污染物', violatedProvision: { law: WPL, article: '第三十九条' },
    penaltyProvision: { law: WPL, article: '第八十三条', item: '（三）' }, range: amount(10, 100), factors: EVASION, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  // 水污染防治法 第八十二条: 责令限期改正，处二万元以上二十万元以下的罚款；逾期不改正的，责令停产整治。
  { code: 'WPL-82', category: 'water', title: '未按照规定自行监测、安装使用水污染物排放自动监测设备或者联网', violatedProvision: { law: WPL, article: '第二十三条' },
    penaltyProvision: { law: WPL, article: '第八十二条' }, range: amount(2, 20), factors: RECORDS, baselinePercent: 0, roundingFen: 100_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  // 水污染防治法 第八十四条第二款: 违反规定设置排污口的，责令限期拆除，处二万元以上十万元以下的罚款。
  { code: 'WPL-84-2', category: 'water', title: '违反法律、行政法规和国务院生态环境主管部门的规定设置排污口', violatedProvision: { law: WPL, article: '第二十二条' },
    penaltyProvision: { law: WPL, article: '第八十四条', paragraph: '第二款' }, range: amount(2, 10), factors: DISCHARGE, baselinePercent: 0, roundingFen: 100_00, effectiveOn: EFFECTIVE_ON, source: SOURCE },
  // 固体废物污染环境防治法 第一百零二条 (2020): 第一项、第八项 五万元以上二十万元以下 (item numbering unconfirmed).
  { code: 'SWL-102-8', category: 'solid_waste', title: '产生工业固体废物的单位未建立固体废物管理台账并如实记录', violatedProvision: { law: SWL, article: '第三十六条', paragraph: '第一款' },
    penaltyProvision: { law: SWL, article: '第一百零二条', paragraph: '第一款', item: '（八）' }, range: amount(5, 20), factors: RECORDS, baselinePercent: 0, roundingFen: 100_00, effectiveOn: '2020-09-01', source: `${SOURCE}；项次待核` },
  // 固体废物污染环境防治法 第一百零二条: 第七项 处所需处置费用一倍以上三倍以下，所需处置费用不足十万元的，按十万元计算 (unconfirmed).
  { code: 'SWL-102-7', category: 'solid_waste', title: '擅自倾倒、堆放、丢弃、遗撒工业固体废物，或者未采取防范措施造成其扬散、流失、渗漏', violatedProvision: { law: SWL, article: '第二十条' },
    penaltyProvision: { law: SWL, article: '第一百零二条', paragraph: '第一款', item: '（七）' },
    range: { kind: 'multiple_of_base', baseLabel: '所需处置费用', minMultiple: 1, maxMultiple: 3, baseFloorFen: 10 * WAN }, factors: WASTE, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: '2020-09-01', source: `${SOURCE}；项次待核` },
  // 固体废物污染环境防治法 第一百一十二条: 第一、二、五…十三项 处十万元以上一百万元以下 (grouping unconfirmed).
  { code: 'SWL-112-1', category: 'solid_waste', title: '未按照规定设置危险废物识别标志', violatedProvision: { law: SWL, article: '第七十七条' },
    penaltyProvision: { law: SWL, article: '第一百一十二条', paragraph: '第一款', item: '（一）' }, range: amount(10, 100), factors: RECORDS, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: '2020-09-01', source: SOURCE },
  { code: 'SWL-112-13', category: 'solid_waste', title: '未按照国家有关规定建立危险废物管理台账并如实记录', violatedProvision: { law: SWL, article: '第七十八条', paragraph: '第一款' },
    penaltyProvision: { law: SWL, article: '第一百一十二条', paragraph: '第一款', item: '（十三）' }, range: amount(10, 100), factors: RECORDS, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: '2020-09-01', source: SOURCE },
  // 固体废物污染环境防治法 第一百一十二条: 第三、四、十、十一项 处所需处置费用三倍以上五倍以下，不足二十万元的按二十万元计算
  // (生态环境部部长信箱 2021 reply: the floor is on the cost, so the lowest fine is 60万).
  { code: 'SWL-112-3', category: 'solid_waste', title: '擅自倾倒、堆放危险废物', violatedProvision: { law: SWL, article: '第七十九条' },
    penaltyProvision: { law: SWL, article: '第一百一十二条', paragraph: '第一款', item: '（三）' },
    range: { kind: 'multiple_of_base', baseLabel: '所需处置费用', minMultiple: 3, maxMultiple: 5, baseFloorFen: 20 * WAN }, factors: WASTE, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: '2020-09-01', source: SOURCE },
  // 排污许可管理条例 (2021-03-01) 第三十三条、第三十四条: 处二十万元以上一百万元以下的罚款。
  { code: 'PPR-33', category: 'permit', title: '未取得排污许可证排放污染物', violatedProvision: { law: PPR, article: '第二条' },
    penaltyProvision: { law: PPR, article: '第三十三条', item: '（一）' }, range: amount(20, 100), factors: DISCHARGE, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: '2021-03-01', source: SOURCE },
  { code: 'PPR-34', category: 'permit', title: '超过许可排放浓度、许可排放量排放污染物', violatedProvision: { law: PPR, article: '第十七条' },
    penaltyProvision: { law: PPR, article: '第三十四条', item: '（一）' }, range: amount(20, 100), factors: DISCHARGE, baselinePercent: 0, roundingFen: 1000_00, effectiveOn: '2021-03-01', source: SOURCE },
  // 排污许可管理条例 第三十六条: 责令改正，处二万元以上二十万元以下的罚款。
  { code: 'PPR-36', category: 'permit', title: '污染物排放口位置或者数量不符合排污许可证规定，或者未按照规定开展自行监测', violatedProvision: { law: PPR, article: '第十八条' },
    penaltyProvision: { law: PPR, article: '第三十六条' }, range: amount(2, 20), factors: RECORDS, baselinePercent: 0, roundingFen: 100_00, effectiveOn: '2021-03-01', source: SOURCE },
  // 排污许可管理条例 第三十七条: 责令改正，处每次五千元以上二万元以下的罚款 (per instance).
  { code: 'PPR-37', category: 'permit', title: '未建立环境管理台账记录制度，或者未按照排污许可证规定提交执行报告（每次）', violatedProvision: { law: PPR, article: '第二十一条' },
    penaltyProvision: { law: PPR, article: '第三十七条' }, range: amount(0.5, 2), factors: RECORDS, baselinePercent: 0, roundingFen: 100_00, effectiveOn: '2021-03-01', source: SOURCE },
  // 排污许可管理条例 第四十三条: 需要填报排污登记表而未填报的，责令改正，可以处五万元以下的罚款。
  { code: 'PPR-43', category: 'permit', title: '需要填报排污登记表的企业事业单位未依照规定填报排污信息', violatedProvision: { law: PPR, article: '第二十四条' },
    penaltyProvision: { law: PPR, article: '第四十三条' }, range: amount(0, 5), factors: RECORDS, baselinePercent: 10, roundingFen: 100_00, effectiveOn: '2021-03-01', source: SOURCE },
];
