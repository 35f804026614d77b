// The demo bureau's first batch of its first-violation exemption catalogue (轻微环境违法行为目录清单,
// 第一批, 14 kinds: the seed's figure). Loaded by seedExemptionCatalogue; administrators maintain it.
// Entries are modelled on published lists: Shandong's 8-item "不罚"清单 (鲁环发〔2020〕1号 and
// 鲁环发〔2020〕33号, with 鲁司〔2020〕35号), 临沂市生态环境局依法不予行政处罚的轻微环境违法行为清单 (2020-05-01),
// 淄博市生态环境轻微违法行为免罚事项清单 (淄环发〔2024〕57号) and 山西省 2023/2025 lists (初次违法: 距上次
// 同一违法行为被检查发现超过12个月). Yantai's own text, document number and effective date were not
// available: unconfirmed, demo values.
import type { EntryConditions } from '../rules/catalogue.js';

export interface CatalogueEntrySeed { title: string; violatedProvision: string; penaltyProvision: string; circumstances: string; conditions: EntryConditions }
export interface CatalogueSeed { code: string; title: string; documentNumber: string | null; issuer: string; effectiveOn: string; expiresOn: string | null; note: string; entries: CatalogueEntrySeed[] }

const c = (correctionDays: number, working: boolean, extra: [string, string][] = [], noIntentRequired = false): EntryConditions =>
  ({ lookBackMonths: 12, correctionDays, correctionWorkingDays: working, noIntentRequired, extra: extra.map(([key, text]) => ({ key, text })) });

export const FIRST_BATCH: CatalogueSeed = {
  code: 'YT-2020-1',
  title: '烟台市生态环境局轻微环境违法行为不予行政处罚目录清单（第一批）',
  documentNumber: null,
  issuer: '烟台市生态环境局',
  effectiveOn: '2020-03-01',
  expiresOn: null,
  note: '演示数据：条目参照山东省及临沂、淄博、山西等地公布的清单拟定；文号与施行日期待核（unconfirmed）。',
  entries: [
    { title: '超标排放水污染物，超标轻微', violatedProvision: '《中华人民共和国水污染防治法》第十条', penaltyProvision: '《中华人民共和国水污染防治法》第八十三条第（二）项',
      circumstances: '单一污染因子超标且超标倍数在0.1倍以内，不含第一类污染物，次日完成整改并达标排放',
      conditions: c(1, false, [['singleFactor', '仅一项污染因子超标'], ['within10pct', '超标倍数在0.1倍以内'], ['noClassOne', '不含第一类污染物和有毒有害水污染物']]) },
    { title: '超标排放大气污染物，超标轻微', violatedProvision: '《中华人民共和国大气污染防治法》第十八条', penaltyProvision: '《中华人民共和国大气污染防治法》第九十九条第（二）项',
      circumstances: '不含有毒有害大气污染物，单一污染因子超标，小时均值超标倍数小于0.1倍，一个自然日内累计超标不超过4小时',
      conditions: c(1, false, [['singleFactor', '仅一项污染因子超标'], ['within10pct', '小时均值超标倍数小于0.1倍'], ['within4h', '一个自然日内累计超标排放不超过4小时'], ['notToxic', '不含有毒有害大气污染物']]) },
    { title: '污染防治设施因突发故障不正常运行', violatedProvision: '《中华人民共和国大气污染防治法》第二十条第二款', penaltyProvision: '《中华人民共和国大气污染防治法》第九十九条第（三）项',
      circumstances: '因突发故障等非主观故意因素导致，24小时内报告并采取停产、限产措施，日均值未超标',
      conditions: c(1, false, [['reported24h', '24小时内向生态环境部门报告并采取停产、限产措施'], ['dailyMeanCompliant', '污染物排放日均值未超标']], true) },
    { title: '建设项目环境影响登记表未依法备案', violatedProvision: '《中华人民共和国环境影响评价法》第二十二条第四款', penaltyProvision: '《中华人民共和国环境影响评价法》第三十一条第三款',
      circumstances: '经责令改正后5个工作日内按要求完成备案', conditions: c(5, true) },
    { title: '未依法报批环境影响报告表擅自开工建设，处于建设初期', violatedProvision: '《中华人民共和国环境影响评价法》第二十五条', penaltyProvision: '《中华人民共和国环境影响评价法》第三十一条第一款',
      circumstances: '应当编制环境影响报告表的建设项目处于建设初期、主体工程尚未建成、无污染物产生，检查发现后立即停止建设或者恢复原状',
      conditions: c(10, true, [['earlyStage', '处于建设初期，主体工程尚未建成'], ['noPollutant', '尚无污染物产生'], ['stopped', '已立即停止建设或者恢复原状']]) },
    { title: '配套环境保护设施未经验收即投入生产，已处于验收阶段', violatedProvision: '《建设项目环境保护管理条例》第十九条', penaltyProvision: '《建设项目环境保护管理条例》第二十三条第一款',
      circumstances: '污染防治设施已按环评要求建成并能证明达标排放，未造成环境污染后果，已处于验收阶段，按期完成验收',
      conditions: c(30, false, [['facilitiesBuilt', '污染防治设施已按环评要求建成'], ['compliant', '能证明污染物达标排放']]) },
    { title: '未按照规定设置危险废物识别标志', violatedProvision: '《中华人民共和国固体废物污染环境防治法》第七十七条', penaltyProvision: '《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（一）项',
      circumstances: '年产生或贮存危险废物量1吨以内，5日内完成整改', conditions: c(5, false, [['underOneTonne', '年产生或者贮存危险废物1吨以内']]) },
    { title: '未按照规定建立危险废物管理台账并如实记录', violatedProvision: '《中华人民共和国固体废物污染环境防治法》第七十八条第一款', penaltyProvision: '《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（十三）项',
      circumstances: '危险废物均已依法贮存、转移，未造成环境污染，10个工作日内补建台账', conditions: c(10, true, [['properlyStored', '危险废物均已依法贮存、转移处置']]) },
    { title: '一般工业固体废物露天堆放，未造成污染', violatedProvision: '《中华人民共和国固体废物污染环境防治法》第二十条', penaltyProvision: '《中华人民共和国固体废物污染环境防治法》第一百零二条第一款',
      circumstances: '堆放时间较短、数量较少，未造成扬散、流失、渗漏，责令改正后按期清运或者采取防护措施', conditions: c(10, false, [['noLeak', '未造成扬散、流失、渗漏']]) },
    { title: '需要填报排污登记表的单位未依照规定填报', violatedProvision: '《排污许可管理条例》第二十四条', penaltyProvision: '《排污许可管理条例》第四十三条',
      circumstances: '责令改正后5个工作日内完成填报', conditions: c(5, true) },
    { title: '未按照排污许可证规定提交执行报告', violatedProvision: '《排污许可管理条例》第二十二条', penaltyProvision: '《排污许可管理条例》第三十七条',
      circumstances: '逾期未超过一个报告周期，责令改正后5个工作日内提交', conditions: c(5, true, [['withinOnePeriod', '逾期未超过一个报告周期']]) },
    { title: '未建立环境管理台账记录制度或者未按照规定记录', violatedProvision: '《排污许可管理条例》第二十一条', penaltyProvision: '《排污许可管理条例》第三十七条',
      circumstances: '污染防治设施正常运行，10个工作日内补齐台账', conditions: c(10, true, [['facilitiesNormal', '污染防治设施正常运行']]) },
    { title: '重点排污单位未按照规定公开自动监测数据', violatedProvision: '《中华人民共和国大气污染防治法》第二十四条', penaltyProvision: '《中华人民共和国大气污染防治法》第一百条第（四）项',
      circumstances: '监测数据真实完整，责令改正后5个工作日内完成公开', conditions: c(5, true, [['dataGenuine', '自动监测数据真实、完整']]) },
    { title: '自动监测设备因故障未正常运行或者未联网', violatedProvision: '《中华人民共和国水污染防治法》第二十三条', penaltyProvision: '《中华人民共和国水污染防治法》第八十二条第（二）项',
      circumstances: '非人为故意，及时报告并按规定手工监测，5日内恢复正常运行或者联网', conditions: c(5, false, [['reported', '已及时报告并按规定开展手工监测']], true) },
  ],
};
