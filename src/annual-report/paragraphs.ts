// The report's structure (the seed's) and its generated paragraphs. Pure: a paragraph is a template whose
// {no} tokens are filled with the figures' texts when shown, so edited paragraphs keep their figures live.
import type { FrozenFigure, SectionKey } from './figures.js';
import { formatPercent, formatYearOnYear } from './rules.js';

export type ParagraphKey = 'addressee' | 'intro' | SectionKey | 'problems' | 'plans';

export interface ParagraphDef {
  key: ParagraphKey;
  /** The numbered heading as the 公文 writes it (一、 / （一）). */
  headingZh: string; headingEn: string;
  /** 1: 一、 level; 2: （一） level; 0: no heading (the opening). */
  level: 0 | 1 | 2;
  templateZh: string; templateEn: string;
}

/** 主送: by default the city's committee for law-based governance, from the bureau's name (烟台市生态环境局 → 中共烟台市委…); editable. */
export const defaultAddressee = (bureauName: string): string => {
  const city = /^(.*?市)/.exec(bureauName)?.[1];
  return city ? `中共${city}委全面依法治市委员会办公室` : '全面依法治市委员会办公室';
};

export const PARAGRAPHS = (year: number, bureauName = ''): readonly ParagraphDef[] => [
  { key: 'addressee', level: 0, headingZh: '主送', headingEn: 'Addressee', templateZh: defaultAddressee(bureauName), templateEn: defaultAddressee(bureauName) },
  { key: 'intro', level: 0, headingZh: '', headingEn: 'Introduction',
    templateZh: `${year}年，我局紧紧围绕污染防治攻坚战各项工作部署，扎实推进生态环境保护领域依法行政和法治政府建设工作。现将有关情况报告如下：`,
    templateEn: `In ${year} the bureau advanced law-based administration in environmental protection. The report follows.` },
  { key: 'organisation', level: 2, headingZh: '（一）切实履行推进法治政府建设第一责任人职责', headingEn: '(1) Leadership and study',
    templateZh: '一是印发年度法治政府建设工作要点，确定{1}工作任务，建立月调度制度。二是组织中心组专题学法{2}。全体人员参加普法考试，覆盖率{3a}，通过率{3b}。三是召开党组会议{4a}，局长办公会议{4b}。',
    templateEn: 'Annual tasks: {1}. Leadership law-study sessions: {2}. Exam coverage {3a}, pass rate {3b}. Party group meetings {4a}, director’s office meetings {4b}.' },
  { key: 'decisions', level: 2, headingZh: '（二）规范重大行政决策和规范性文件管理', headingEn: '(2) Decisions and normative documents',
    templateZh: '制发规范性文件{5}，均按照“三统一”要求进行了法制审核、备案和公开。法律顾问参与合法性审查、听证工作{6}。',
    templateEn: 'Normative documents issued: {5}. Counsel reviews and hearings: {6}.' },
  { key: 'enforcement', level: 2, headingZh: '（三）严格规范公正文明执法', headingEn: '(3) Enforcement',
    templateZh: '严格落实重大执法决定法制审核制度，配备审核人员{18a}，占执法人员总数{18b}，未经审核提交集体讨论的案件{19}。全年组织生态环境综合执法行动{20}，立案处罚{21}（{21:yoy}），罚款金额{22}（{22:yoy}），对{23}企业实施限产停产，移送公安机关实施行政拘留案件{24}，移送公安机关侦办涉嫌犯罪案件{25}。',
    templateEn: 'Legal reviewers {18a} ({18b} of officers); committee cases without review {19}. Joint operations {20}; cases filed {21} ({21:yoy}); fines {22} ({22:yoy}); production restrictions {23}; detention transfers {24}; crime transfers {25}.' },
  { key: 'supervision', level: 2, headingZh: '（四）实施差异化执法监管', headingEn: '(4) Differentiated supervision',
    templateZh: '制定轻微环境违法行为免罚目录清单，涵盖{27a}轻微违法行为，全年共对{27b}轻微违法企业免予处罚。发布正面清单企业{28}。',
    templateEn: 'Exemption catalogue entries {27a}; enterprises exempted {27b}. Positive-list enterprises {28}.' },
  { key: 'environment', level: 2, headingZh: '（五）生态环境质量持续改善', headingEn: '(5) Environmental quality',
    templateZh: '市区可吸入颗粒物、细颗粒物、臭氧浓度分别同比改善{10a}、{10b}和{10c}。集中式饮用水水源水质达标率{12}，国控断面中{13}达到国家年度考核目标，近岸海域优良水质比率{14}。建设用地土壤污染状况调查评审{15}，土壤修复试点{16}，污染地块安全利用率{17}。',
    templateEn: 'Urban PM10, PM2.5 and O3 improved by {10a}, {10b} and {10c}. Drinking-water sources {12}; national sections on target {13}; sea points class I–II {14}. Soil: reviews {15}, pilots {16}, plots safely used {17}.' },
  { key: 'campaigns', level: 2, headingZh: '（六）深入开展专项整治', headingEn: '(6) Campaigns',
    templateZh: '开展VOCs专项整治，对{7a}重点企业开展“一厂一策”方案评估，完成{7b}企业治理任务；累计检查扬尘污染点位{8a}，发现环境问题{8b}，下达整改督办单{8c}；淘汰{9}燃煤锅炉；组织对{11}重点河流开展排查。',
    templateEn: 'VOCs: {7a} assessed, {7b} completed. Dust: {8a} sites, {8b} problems, {8c} orders. Boilers eliminated {9}. Rivers surveyed {11}.' },
  { key: 'popularisation', level: 2, headingZh: '（七）落实“谁执法谁普法”责任制', headingEn: '(7) Law popularisation',
    templateZh: '深入开展送法入企活动，向辖区内企业印发普法材料{26}。',
    templateEn: 'Popularisation materials handed out: {26}.' },
  { key: 'problems', level: 1, headingZh: '二、存在问题和不足', headingEn: '2. Problems and shortcomings',
    templateZh: '一是领导干部法治素养仍有待提高；二是部门法制能力较为薄弱，法制工作人员数量少；三是普法工作亮点不突出；四是综合执法改革进度较慢。',
    templateEn: 'Legal literacy, legal staffing, popularisation and the enforcement reform need improvement.' },
  { key: 'plans', level: 1, headingZh: `三、${year + 1}年工作打算`, headingEn: `3. Plans for ${year + 1}`,
    templateZh: `${year + 1}年，我局将进一步完善制度建设，规范行政决策程序，扎实开展领导干部学法用法工作，强化执法力度，切实提高依法行政能力和管理水平。`,
    templateEn: `In ${year + 1} the bureau will strengthen its rules, decision procedures, study and enforcement.` },
];

/** The heading of the first level over the sections (一、主要工作举措及成效) comes before `organisation`. */
export const WORK_HEADING = { zh: '一、主要工作举措及成效', en: '1. Main work and results' } as const;

export const PARAGRAPH_KEYS = ['addressee', 'intro', 'organisation', 'decisions', 'enforcement', 'supervision', 'environment', 'campaigns', 'popularisation', 'problems', 'plans'] as const satisfies readonly ParagraphKey[];

/** Fills {no} with a figure's text and {no:yoy} with its year-on-year phrase; an unknown token stays as written. */
export function renderTemplate(template: string, figures: readonly FrozenFigure[], lang: 'zh' | 'en' = 'zh'): string {
  const byNo = new Map(figures.map((f) => [f.no, f]));
  return template.replace(/\{([0-9]+[a-z]?)(:yoy)?\}/g, (token, no: string, yoy: string | undefined) => {
    const f = byNo.get(no);
    if (!f) return token;
    if (yoy) return lang === 'zh' ? formatYearOnYear(f.yearOnYear ?? null) : (f.yearOnYear == null ? 'no previous year' : `${f.yearOnYear > 0 ? '+' : ''}${formatPercent(f.yearOnYear)}`);
    if (lang === 'en' && f.value === null) return 'no record';
    // A unit the text lacks (counts) is added to the number: "4" → "4次"; texts already written ("20余次", "100%", 无记录) stay.
    return f.text;
  });
}
