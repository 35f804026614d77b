// The figure registry: one entry per figure of the seed (shared/domain/seed-figures.md), each computed for a year
// from the capability that holds its records (through that capability's index.ts), with its drill-down and rule.
import type { Db } from '../platform/db/index.js';
import { campaignYearFigures, type CampaignKind, type CampaignYearFigures } from '../campaigns/index.js';
import { trainingYearFigures, type TrainingYearFigures } from '../training/index.js';
import { normativeDocumentYearFigures } from '../normative-documents/index.js';
import { counselYearFigures } from '../counsel/index.js';
import { meetingYearFigures } from '../meetings/index.js';
import { countMeasuresByKind } from '../measures/index.js';
import { countExemptedEnterprises, exemptionEntriesInForce } from '../exemptions/index.js';
import { computeAnnualAssessment } from '../air-quality/index.js';
import { computeWaterSummary } from '../water-quality/index.js';
import {
  countCasesFiled, countCommitteeCasesWithoutReview, countPositiveListAtYearEnd, countReviewersAndOfficers, sumFinesDecided,
} from './queries.js';
import { computeShare, computeYearOnYear, formatPercent, formatRoughCount, formatWanYuan, NO_RECORD, recordOrNull, type FigureNumber } from './rules.js';

export const SECTIONS = ['organisation', 'decisions', 'enforcement', 'supervision', 'environment', 'campaigns', 'popularisation'] as const;
export type SectionKey = (typeof SECTIONS)[number];

/** A figure as the report shows it (and as a finalised report stores it). */
export interface FrozenFigure {
  no: string; section: SectionKey; labelZh: string; labelEn: string; unit: string; rule: string;
  value: FigureNumber;
  /** How the report writes it: "20余次", "1633余万元", "100%", or 无记录. */
  text: string;
  /** The list page (or API list) of the records behind it; null when the capability is not built. */
  drill: string | null;
  note: string | null;
  /** Year-on-year change in percent where the seed compares (cases, fines; air: improvement). */
  yearOnYear?: number | null;
}

/** The year's sources, each loaded once and only when a figure needs it. */
export class FigureSources {
  private cache = new Map<string, Promise<unknown>>();
  constructor(readonly db: Db, readonly year: number, readonly now: Date) {}
  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key) as Promise<T>;
  }
  campaigns = (): Promise<CampaignYearFigures> => this.once('campaigns', () => campaignYearFigures(this.db, this.year, this.now));
  training = (): Promise<TrainingYearFigures> => this.once('training', () => trainingYearFigures(this.db, this.year, this.now));
  meetings = () => this.once('meetings', () => meetingYearFigures(this.db, this.year, this.now));
  normative = () => this.once('normative', () => normativeDocumentYearFigures(this.db, this.year));
  counsel = () => this.once('counsel', () => counselYearFigures(this.db, this.year));
  measures = () => this.once('measures', () => countMeasuresByKind(this.db, this.year));
  casesFiled = (year = this.year) => this.once(`cases${year}`, () => countCasesFiled(this.db, year));
  fines = (year = this.year) => this.once(`fines${year}`, () => sumFinesDecided(this.db, year));
  committee = () => this.once('committee', () => countCommitteeCasesWithoutReview(this.db, this.year));
  staff = () => this.once('staff', () => countReviewersAndOfficers(this.db));
  positiveList = () => this.once('positive', () => countPositiveListAtYearEnd(this.db, this.year));
  exempted = () => this.once('exempted', () => countExemptedEnterprises(this.db, this.year));
  catalogue = () => this.once('catalogue', () => exemptionEntriesInForce(this.db, `${this.year}-12-31`));
  air = () => this.once('air', async () => (await computeAnnualAssessment(this.db, this.year, 'city')).find((u) => u.kind === 'city') ?? null);
  water = () => this.once('water', () => computeWaterSummary(this.db, String(this.year)));
}

interface Computed { value: FigureNumber; text?: string; drill?: string | null; note?: string | null; yearOnYear?: number | null }
interface FigureDef {
  no: string; section: SectionKey; labelZh: string; labelEn: string; unit: string; rule: string;
  compute: ((s: FigureSources) => Promise<Computed>) | null;
}

const NOT_BUILT = 'capability not built';

/**
 * Campaigns are told apart by their kind; a campaign recorded before kinds existed (kind null) by keywords in its
 * name, the fallback rule.
 */
const CAMPAIGN_KEYWORDS: Partial<Record<CampaignKind, RegExp>> = {
  vocs: /VOCs|挥发性有机物|一厂一策/i, dust: /扬尘/, boiler: /锅炉|炉窑/, river: /河流|河长|河道/,
  soil_survey: /土壤污染状况调查/, soil_key_unit: /土壤.*重点(监管)?单位/, soil_pilot_construction: /建设用地.*修复试点/, soil_pilot_farmland: /农用地.*修复试点/,
  soil_plot: /污染地块/, joint: /综合执法行动|联合执法行动/,
};
type YearCampaign = CampaignYearFigures['campaigns'][number];
const kindOfCampaign = (c: YearCampaign): CampaignKind | null =>
  c.kind ?? (Object.entries(CAMPAIGN_KEYWORDS) as [CampaignKind, RegExp][]).find(([, re]) => re.test(c.name))?.[0] ?? null;
type CampaignKey = 'targets' | 'inspected' | 'problems' | 'orders' | 'fixed' | 'verified' | 'cleared' | 'surveyedKm';
async function campaignOf(s: FigureSources, kind: CampaignKind) {
  const list = (await s.campaigns()).campaigns.filter((c) => kindOfCampaign(c) === kind);
  if (list.length === 0) return null;
  const sum = (k: CampaignKey) => list.reduce((a, c) => a + c[k], 0);
  return { drill: list.length === 1 ? `/campaigns/${list[0]!.id}` : '/campaigns', sum, list };
}
const noCampaign = (kind: CampaignKind): Computed => ({ value: null, drill: '/campaigns', note: `no campaign of kind ${kind} in the year` });
const campaignFigure = (kind: CampaignKind, key: CampaignKey) =>
  async (s: FigureSources): Promise<Computed> => {
    const c = await campaignOf(s, kind);
    return c ? { value: recordOrNull(c.sum(key)), drill: c.drill } : noCampaign(kind);
  };
/** "2200多公里": a length rounded down to hundreds of km (under 100 km: the whole km). */
const roughKm = (km: number) => (km >= 100 ? `${Math.floor(km / 100) * 100}多公里` : `${Math.floor(km)}公里`);
const percentFigure = (v: number | null): Computed => ({ value: v === null ? null : Math.round(v * 100) / 100, text: v === null ? NO_RECORD : formatPercent(v) });

export const FIGURES: readonly FigureDef[] = [
  { no: '1', section: 'organisation', labelZh: '年度法治政府建设工作任务', labelEn: 'Annual rule-of-law tasks', unit: '项', rule: 'tasks of the year’s work plan (campaigns/annual tasks)',
    compute: async (s) => ({ value: recordOrNull((await s.campaigns()).annualTasks.count), drill: `/annual-tasks?year=${s.year}` }) },
  { no: '2', section: 'organisation', labelZh: '中心组专题学法', labelEn: 'Leadership law-study sessions', unit: '次', rule: 'meetings of kind 中心组学法 held in the year; "每季度至少1次" checked per quarter',
    compute: async (s) => {
      const m = await s.meetings();
      const quarters = m.studyQuarters.map((q) => `Q${q.quarter} ${q.sessions}${q.missing ? ' (missing)' : ''}`).join(', ');
      return { value: recordOrNull(m.byKind.leadership_study.held), drill: `/meetings?year=${s.year}&kind=leadership_study`, note: m.byKind.leadership_study.held ? `per quarter: ${quarters}` : null };
    } },
  { no: '3a', section: 'organisation', labelZh: '普法考试覆盖率', labelEn: 'Law exam coverage', unit: '%', rule: 'staff who sat ÷ staff required (training exams of the year)',
    compute: async (s) => { const o = (await s.training()).exams.overall; return { ...percentFigure(o.coverage === null ? null : o.coverage * 100), drill: `/training/figures?year=${s.year}` }; } },
  { no: '3b', section: 'organisation', labelZh: '普法考试通过率', labelEn: 'Law exam pass rate', unit: '%', rule: 'passed ÷ sat',
    compute: async (s) => { const o = (await s.training()).exams.overall; return { ...percentFigure(o.passRate === null ? null : o.passRate * 100), drill: `/training/figures?year=${s.year}` }; } },
  { no: '4a', section: 'organisation', labelZh: '党组会议', labelEn: 'Party group meetings', unit: '次', rule: 'meetings of kind 党组会 held in the year',
    compute: async (s) => { const k = (await s.meetings()).byKind.party_group; return { value: recordOrNull(k.held), drill: `/meetings?year=${s.year}&kind=party_group`, note: k.held ? `${k.withLawStudy} with law studied before business (学法在前)` : null }; } },
  { no: '4b', section: 'organisation', labelZh: '局长办公会议', labelEn: 'Director’s office meetings', unit: '次', rule: 'meetings of kind 局长办公会 held in the year',
    compute: async (s) => { const k = (await s.meetings()).byKind.director; return { value: recordOrNull(k.held), drill: `/meetings?year=${s.year}&kind=director`, note: k.held ? `${k.withLawStudy} with law studied before business (学法在前)` : null }; } },
  { no: '5', section: 'decisions', labelZh: '制发规范性文件', labelEn: 'Normative documents issued', unit: '件', rule: 'documents issued in the year, by drafting level (for the municipal government / the bureau); review, publication and filing recorded in the year shown in the note',
    compute: async (s) => {
      const n = await s.normative();
      return {
        value: recordOrNull(n.issued), text: n.issued ? `市政府${n.issuedByLevel.government}件、部门${n.issuedByLevel.bureau}件` : NO_RECORD, drill: '/normative-documents',
        note: n.issued ? `legality reviews passed ${n.reviewPassed}, published ${n.published}, filed ${n.filedOnTime + n.filedLate} (${n.filedLate} late) in the year` : null,
      };
    } },
  { no: '6', section: 'decisions', labelZh: '法律顾问合法性审查、听证', labelEn: 'Counsel reviews and hearings', unit: '次', rule: 'tasks answered in the year; written "N余次" rounded down to tens',
    compute: async (s) => {
      const c = await s.counsel();
      const kinds = Object.entries(c.byKind).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(', ');
      return { value: recordOrNull(c.answered), text: c.answered ? formatRoughCount(c.answered) : NO_RECORD, drill: '/counsel', note: c.answered ? `${c.answered} answered: ${kinds}` : null };
    } },
  { no: '7a', section: 'campaigns', labelZh: 'VOCs“一厂一策”评估企业', labelEn: 'VOCs one-plant-one-plan assessments', unit: '家', rule: 'enterprises of the VOCs campaign(s) assessed (inspected) in the year', compute: campaignFigure('vocs', 'inspected') },
  { no: '7b', section: 'campaigns', labelZh: 'VOCs完成治理企业', labelEn: 'VOCs remediation completed', unit: '家', rule: 'problems found in the year whose remediation was verified (销号), one per plant', compute: campaignFigure('vocs', 'verified') },
  { no: '8a', section: 'campaigns', labelZh: '检查扬尘污染点位', labelEn: 'Dust sites inspected', unit: '个', rule: 'distinct sites inspected in the year', compute: campaignFigure('dust', 'inspected') },
  { no: '8b', section: 'campaigns', labelZh: '发现扬尘环境问题', labelEn: 'Dust problems found', unit: '个', rule: 'problems found in the year', compute: campaignFigure('dust', 'problems') },
  { no: '8c', section: 'campaigns', labelZh: '下达整改督办单', labelEn: 'Supervision orders issued', unit: '份', rule: '督办单 issued in the year', compute: campaignFigure('dust', 'orders') },
  { no: '9', section: 'campaigns', labelZh: '淘汰燃煤锅炉', labelEn: 'Coal boilers eliminated', unit: '台', rule: 'boiler targets verified eliminated in the year', compute: campaignFigure('boiler', 'verified') },
  ...(['pm10', 'pm25', 'o3'] as const).map((p, i): FigureDef => ({
    no: `10${'abc'[i]}`, section: 'environment', labelZh: `市区${{ pm10: '可吸入颗粒物', pm25: '细颗粒物', o3: '臭氧' }[p]}浓度同比改善`, labelEn: `Urban ${p.toUpperCase()} improvement on the previous year`, unit: '%',
    rule: 'HJ 663 annual evaluation value of the urban area (PM10/PM2.5 annual mean; O3 daily max 8 h 90th percentile), improvement on the previous year, two decimals',
    compute: async (s) => {
      const a = await s.air();
      const v = a?.improvement[p] ?? null;
      // The two evaluation values compared, so the reader sees what the percentage rests on.
      const stat = (x: NonNullable<typeof a>['statistics']) => (p === 'o3' ? x.pollutants.o3.percentile : x.pollutants[p].mean);
      const note = a?.lastYearStatistics ? `${s.year - 1}: ${stat(a.lastYearStatistics)} µg/m³ → ${s.year}: ${stat(a.statistics)} µg/m³` : null;
      return { ...percentFigure(v), drill: `/air-quality/assessment?year=${s.year}`, yearOnYear: v === null ? null : -v, note };
    },
  })),
  { no: '11', section: 'campaigns', labelZh: '排查重点河流', labelEn: 'Key rivers surveyed', unit: '条', rule: 'river targets of the river survey surveyed (inspected) in the year; length: the sum of their surveyed km, written "N多公里" down to hundreds; problems handed to districts in the note',
    compute: async (s) => {
      const c = await campaignOf(s, 'river');
      if (!c) return noCampaign('river');
      const [n, km, problems] = [c.sum('inspected'), c.sum('surveyedKm'), c.sum('problems')];
      return { value: recordOrNull(n), text: n ? `${n}条${km ? `（${roughKm(km)}）` : ''}` : NO_RECORD, drill: c.drill, note: `${Math.round(km * 10) / 10} km surveyed; ${problems} problems handed to districts` };
    } },
  { no: '12', section: 'environment', labelZh: '集中式饮用水水源水质达标率', labelEn: 'Drinking-water sources attaining', unit: '%', rule: 'sources meeting their target in every monitoring of the year ÷ all',
    compute: async (s) => { const w = (await s.water()).seaAndDrinking; return { ...percentFigure(w.drinkingSources ? w.drinkingAttainmentRate : null), drill: `/water-quality?period=${s.year}` }; } },
  { no: '13', section: 'environment', labelZh: '国控断面达到年度考核目标', labelEn: 'National sections on target', unit: '个', rule: 'national sections meeting the annual target; dry (断流) periods excluded',
    compute: async (s) => { const n = (await s.water()).nationalSections; return { value: n.withTarget ? n.onTarget : null, drill: `/water-quality?period=${s.year}`, note: n.withTarget ? `${n.onTarget}/${n.withTarget}, ${n.dry} dry all year, ${n.withDryMonths} with dry (断流) months left out` : null }; } },
  { no: '14', section: 'environment', labelZh: '近岸海域优良水质比率', labelEn: 'Near-shore sea points class I–II', unit: '%', rule: 'points of class I–II ÷ all (GB 3097)',
    compute: async (s) => { const w = (await s.water()).seaAndDrinking; return { ...percentFigure(w.seaPoints ? w.seaExcellentShare : null), drill: `/water-quality?period=${s.year}` }; } },
  { no: '15', section: 'environment', labelZh: '建设用地土壤污染状况调查评审', labelEn: 'Soil survey reviews', unit: '个', rule: 'plots of the soil-survey campaign(s) whose review (inspection) was held in the year; key units: enterprises targeted by the soil key-unit list campaign of the year',
    compute: async (s) => {
      const [c, k] = [await campaignOf(s, 'soil_survey'), await campaignOf(s, 'soil_key_unit')];
      if (!c) return noCampaign('soil_survey');
      const n = c.sum('inspected'); const units = k ? k.sum('targets') : 0;
      return { value: recordOrNull(n), text: n ? `${n}个${units ? `，将${units}个在产企业纳入土壤污染防治重点单位` : ''}` : NO_RECORD, drill: c.drill, note: k ? `${units} key units` : 'no soil key-unit list in the year' };
    } },
  { no: '16', section: 'environment', labelZh: '土壤修复试点', labelEn: 'Soil remediation pilots', unit: '个', rule: 'pilot plots completed in the year (accepted: inspected with every problem verified rectified), by land kind',
    compute: async (s) => {
      const [b, f] = [await campaignOf(s, 'soil_pilot_construction'), await campaignOf(s, 'soil_pilot_farmland')];
      if (!b && !f) return noCampaign('soil_pilot_construction');
      const [nb, nf] = [b?.sum('cleared') ?? 0, f?.sum('cleared') ?? 0];
      return { value: recordOrNull(nb + nf), text: nb + nf ? `建设用地${nb}个、农用地${nf}个` : NO_RECORD, drill: '/campaigns' };
    } },
  { no: '17', section: 'environment', labelZh: '污染地块安全利用率', labelEn: 'Contaminated plots safely used', unit: '%', rule: 'plots re-used and checked in the year without an unverified problem ÷ plots re-used and checked in the year',
    compute: async (s) => {
      const c = await campaignOf(s, 'soil_plot');
      if (!c) return noCampaign('soil_plot');
      const checked = c.sum('inspected');
      return { ...percentFigure(checked ? computeShare(c.sum('cleared'), checked) : null), drill: c.drill, note: checked ? `${c.sum('cleared')}/${checked}` : null };
    } },
  { no: '18a', section: 'enforcement', labelZh: '法制审核人员', labelEn: 'Legal reviewers', unit: '名', rule: 'active legal reviewers (as users stand now: the register keeps no history)',
    compute: async (s) => ({ value: recordOrNull((await s.staff()).reviewers), drill: '/users' }) },
  { no: '18b', section: 'enforcement', labelZh: '审核人员占执法人员比例', labelEn: 'Reviewers per enforcement officer', unit: '%', rule: 'active legal reviewers ÷ active credentialed enforcement officers',
    compute: async (s) => { const st = await s.staff(); return { ...percentFigure(st.reviewers ? computeShare(st.reviewers, st.officers) : null), drill: '/users', note: st.reviewers ? `${st.reviewers}/${st.officers}` : null }; } },
  { no: '19', section: 'enforcement', labelZh: '未经审核提交集体讨论的案件', labelEn: 'Committee cases without a passed review', unit: '件', rule: 'cases the committee decided in the year without a passed legal review before it — must be 0 (the gate)',
    compute: async (s) => { const c = await s.committee(); return { value: c.discussed ? c.withoutReview : null, drill: '/committee', note: c.discussed ? `of ${c.discussed} discussed` : null }; } },
  { no: '20', section: 'enforcement', labelZh: '综合执法行动', labelEn: 'Joint enforcement operations', unit: '次', rule: 'joint-operation campaigns with inspections in the year (without any: inspections with two or more units taking part)',
    compute: async (s) => {
      const y = await s.campaigns();
      const c = await campaignOf(s, 'joint');
      const held = c ? c.list.filter((x) => x.inspected > 0) : [];
      const note = `${y.jointOperations.joint} joint inspections, ${y.jointOperations.crossDistrict} cross-district`;
      return held.length ? { value: held.length, drill: c!.drill, note } : { value: recordOrNull(y.jointOperations.joint), drill: '/campaigns', note };
    } },
  { no: '21', section: 'enforcement', labelZh: '立案处罚', labelEn: 'Cases filed', unit: '件次', rule: 'cases filed (立案) in the year, all districts',
    compute: async (s) => { const [n, last] = [await s.casesFiled(), await s.casesFiled(s.year - 1)]; return { value: recordOrNull(n), drill: `/api/annual-report/${s.year}/records/21`, yearOnYear: computeYearOnYear(recordOrNull(last), recordOrNull(n)) }; } },
  { no: '22', section: 'enforcement', labelZh: '罚款金额', labelEn: 'Fines decided', unit: '元', rule: 'sum of fines in penalty decisions made in the year (not money collected), written "N余万元" truncated to 10 000 yuan',
    compute: async (s) => {
      const [f, last] = [await s.fines(), await s.fines(s.year - 1)];
      const yuan = (fen: number, n: number) => (n ? Math.floor(fen / 100) : null);
      return { value: yuan(f.fineFen, f.decisions), text: f.decisions ? formatWanYuan(f.fineFen) : NO_RECORD, drill: `/api/annual-report/${s.year}/records/22`, yearOnYear: computeYearOnYear(yuan(last.fineFen, last.decisions), yuan(f.fineFen, f.decisions)) };
    } },
  { no: '23', section: 'enforcement', labelZh: '限产停产', labelEn: 'Production restriction / suspension', unit: '家', rule: 'restriction / suspension measures decided in the year (counted per measure)',
    compute: async (s) => ({ value: recordOrNull((await s.measures()).production_restriction), drill: `/measures?kind=production_restriction` }) },
  { no: '24', section: 'enforcement', labelZh: '移送行政拘留', labelEn: 'Detention transfers', unit: '件', rule: 'transfers made in the year (环境保护法 第六十三条)',
    compute: async (s) => ({ value: recordOrNull((await s.measures()).detention_transfer), drill: `/measures?kind=detention_transfer` }) },
  { no: '25', section: 'enforcement', labelZh: '移送涉嫌犯罪', labelEn: 'Crime transfers', unit: '件', rule: 'transfers made in the year (行政处罚法 第二十七条)',
    compute: async (s) => ({ value: recordOrNull((await s.measures()).crime_transfer), drill: `/measures?kind=crime_transfer` }) },
  { no: '26', section: 'popularisation', labelZh: '印发普法材料', labelEn: 'Popularisation materials handed out', unit: '册', rule: 'sum of copies handed out in the year, written "N余册" rounded down to tens',
    compute: async (s) => { const n = (await s.training()).popularisation.overall.materialsGiven; return { value: recordOrNull(n), text: n ? formatRoughCount(n, '册') : NO_RECORD, drill: '/training/popularisation' }; } },
  { no: '27a', section: 'supervision', labelZh: '轻微违法行为免罚目录', labelEn: 'Exemption catalogue entries', unit: '类', rule: 'entries of the catalogues in force at the year’s end',
    compute: async (s) => ({ value: recordOrNull((await s.catalogue()).length), drill: '/exemptions' }) },
  { no: '27b', section: 'supervision', labelZh: '免予处罚企业', labelEn: 'Enterprises exempted', unit: '家', rule: 'distinct enterprises exempted in the year',
    compute: async (s) => ({ value: recordOrNull(await s.exempted()), drill: '/exemptions' }) },
  { no: '28', section: 'supervision', labelZh: '正面清单企业', labelEn: 'Positive-list enterprises', unit: '个', rule: 'distinct enterprises on the published positive list at the year’s end',
    compute: async (s) => ({ value: recordOrNull(await s.positiveList()), drill: '/supervision/lists' }) },
  { no: '29', section: 'supervision', labelZh: '用电智能管控企业新增', labelEn: 'Enterprises added to electricity monitoring', unit: '家', rule: 'plan figure for next year', compute: null },
];

/** Every figure of the registry for the year, computed live. */
export async function computeFigures(db: Db, year: number, now: Date): Promise<FrozenFigure[]> {
  const s = new FigureSources(db, year, now);
  const out: FrozenFigure[] = [];
  for (const f of FIGURES) {
    const c: Computed = f.compute ? await f.compute(s) : { value: null, drill: null, note: NOT_BUILT };
    out.push({
      no: f.no, section: f.section, labelZh: f.labelZh, labelEn: f.labelEn, unit: f.unit, rule: f.rule,
      value: c.value, text: c.text ?? (c.value === null ? NO_RECORD : `${c.value}${f.unit === '%' ? '%' : f.unit}`),
      drill: c.drill ?? null, note: c.note ?? null, ...(c.yearOnYear !== undefined ? { yearOnYear: c.yearOnYear } : {}),
    });
  }
  return out;
}
