// The bureau's own settings: what differs between bureaus is data, not code. Pure: the shape, the
// defaults, the checks that go beyond the zod shape, and the field-by-field difference the audit keeps.
import { allowed, refuse, type Citation, type Outcome } from '../law/outcome.js';

/** The numbered document series; each has its own 机关代字 (GB/T 9704-2012 7.2.4) and gap-free sequence per year. */
export const DOCUMENT_SERIES = [
  'filing-approval', 'correction-order', 'prior-notice', 'hearing-notice', 'legal-review-opinion', 'penalty-decision',
  'no-penalty-decision', 'case-transfer', 'closure-approval', 'withdrawal', 'payment-reminder', 'supervision-order',
  'eia-approval', 'eia-refusal', 'licensing-correction-notice', 'info-request-reply',
] as const;
export type DocumentSeries = (typeof DOCUMENT_SERIES)[number];

export interface BureauSettings {
  /** `areaName`: the administrative area the bureau serves (the city row of the air-quality rankings). */
  bureau: { name: string; areaName: string; address: string; postcode: string; phone: string; contactDepartment: string };
  /** 罚缴分离 (行政处罚法 第六十七条): where the party pays a fine. */
  payment: { bank: string; accountName: string; accountNumber: string; note: string };
  /** The seal's text as printed under the signature (印章). */
  sealText: string;
  documentPrefixes: Record<DocumentSeries, string>;
  /**
   * 行政复议法 (2023) 第二十四条: from 2024-01-01 the people's government at the same level; before that
   * (2017 第十二条) also the competent department one level up.
   */
  remedies: { reconsiderationBody: string; formerUpperDepartment: string; court: string };
  /** Receiver of transfers for a suspected crime (国务院令第310号). */
  police: string;
  /** 环境行政处罚听证程序规定 第五条: 较大数额罚款 for the hearing right. */
  hearingThresholds: { organisationFen: number; individualFen: number };
  /** The bureau's own major-case rule (重大案件): fines at or above these go to legal review. */
  majorCase: { largeFineOrganisationFen: number; largeFineIndividualFen: number; committeeForEveryMajorCase: boolean };
  /** A fine above this is refused as a typing error (sanity ceiling, not a legal limit). */
  fineCeilingFen: number;
  /** Share of cases the legal reviewers should hold as a target, in percent. */
  reviewerRatioTargetPercent: number;
  /** Penalty decisions published within this many working days of the decision (国办发〔2018〕118号, unconfirmed). */
  penaltyPublicationWorkingDays: number;
  /**
   * The case committee's standing chair (行政处罚法 第五十七条第二款: 行政机关负责人集体讨论) and the rooms
   * the committee and hearings usually use: what a new meeting or hearing starts from (empty: nothing pre-filled).
   */
  committee: { chairUserId: number | null; meetingRoom: string; hearingRoom: string };
  /**
   * EIA approval (src/eia): the bureau's promised periods in working days (shorter than 环境影响评价法 第二十二条),
   * publicity periods, and the categories offered 告知承诺 (优化营商环境条例 第四十条; off by default, domain brief A3.3).
   */
  licensing: {
    eiaPromisedWorkingDays: { report: number; form: number };
    acceptancePublicityWorkingDays: number; approvalPublicityWorkingDays: number;
    commitmentCategories: ('report' | 'form')[]; commitmentVerificationWorkingDays: number;
  };
  /**
   * 严重违法关注名单 (src/compliance): what counts as a serious violation (data, not code), the calendar days
   * allowed for a formal action (case filed) before the enterprise is listed, and whether the list is public (off by default).
   */
  watchList: WatchListSettings;
  /**
   * 行政规范性文件 (src/normative-documents): the one number series' 机关代字 (烟环规〔2026〕1号), public comment days
   * (国办发〔2018〕37号, normally ≥ 30, unconfirmed), filing period in days after publication (山东省令第337号, unconfirmed),
   * validity in years and the expiry warning in days. Optional on a change.
   */
  normativeDocuments?: { numberPrefix: string; commentDays: number; filingDays: number; validityYears: number; expiryWarningDays: number };
  /** Dotted paths of fields that still hold demo values, not the bureau's confirmed particulars. */
  demoValues: string[];
}

export interface WatchListSettings {
  publicView: boolean;
  formalActionDays: number;
  /** Exceedance events on at least this many days within `exceedanceWindowDays` days. */
  exceedanceDays: number;
  exceedanceWindowDays: number;
  /** Lead sources that are serious in themselves (e.g. a transfer from another authority). */
  leadSources: ('inspection' | 'complaint' | 'monitoring' | 'transfer' | 'report')[];
  /** 按日连续处罚: a re-inspection finding the violation continuing is serious until the daily penalty is decided (src/compliance). */
  dailyPenalty: boolean;
}

export const HEARING_THRESHOLD_CITATION: Citation = { law: '环境行政处罚听证程序规定', article: '第五条' };
export const REMEDIES_CITATION: Citation = { law: '行政复议法', article: '第二十四条' };

/** Yuan → fen for readable defaults. */
const yuan = (n: number) => n * 100;

/**
 * What `ecogov seed` writes for a fresh installation (the organisation seeded is Yantai's). Statutory
 * figures are exact; particulars nobody confirmed are listed in `demoValues` until an administrator
 * replaces them.
 */
export const DEFAULT_SETTINGS: BureauSettings = {
  bureau: { name: '烟台市生态环境局', areaName: '烟台市', address: '山东省烟台市', postcode: '264000', phone: '12369', contactDepartment: '政策法规科' },
  payment: { bank: '以缴款通知书所列银行为准', accountName: '烟台市财政局', accountNumber: '以缴款通知书所列账号为准', note: '缴款时请注明本决定书文号' },
  sealText: '烟台市生态环境局',
  documentPrefixes: {
    'filing-approval': '烟环立', 'correction-order': '烟环责改', 'prior-notice': '烟环告', 'hearing-notice': '烟环听告',
    'legal-review-opinion': '烟环法审', 'penalty-decision': '烟环罚', 'no-penalty-decision': '烟环不罚', 'case-transfer': '烟环移',
    'closure-approval': '烟环结', withdrawal: '烟环撤', 'payment-reminder': '烟环催', 'supervision-order': '烟环督',
    'eia-approval': '烟环审', 'eia-refusal': '烟环不审', 'licensing-correction-notice': '烟环许补', 'info-request-reply': '烟环信复',
  },
  remedies: { reconsiderationBody: '烟台市人民政府', formerUpperDepartment: '山东省生态环境厅', court: '烟台市有管辖权的人民法院' },
  police: '烟台市公安局',
  // 环境行政处罚听证程序规定 第五条: 法人或者其他组织五万元以上、公民五千元以上.
  hearingThresholds: { organisationFen: yuan(50_000), individualFen: yuan(5_000) },
  majorCase: { largeFineOrganisationFen: yuan(100_000), largeFineIndividualFen: yuan(10_000), committeeForEveryMajorCase: true },
  fineCeilingFen: yuan(1_000_000_000),
  reviewerRatioTargetPercent: 5,
  penaltyPublicationWorkingDays: 7,
  committee: { chairUserId: null, meetingRoom: '', hearingRoom: '' },
  licensing: {
    eiaPromisedWorkingDays: { report: 40, form: 20 }, acceptancePublicityWorkingDays: 5, approvalPublicityWorkingDays: 5,
    commitmentCategories: [], commitmentVerificationWorkingDays: 20,
  },
  watchList: { publicView: false, formalActionDays: 90, exceedanceDays: 5, exceedanceWindowDays: 30, leadSources: ['transfer'], dailyPenalty: true },
  normativeDocuments: { numberPrefix: '烟环规', commentDays: 30, filingDays: 30, validityYears: 5, expiryWarningDays: 90 },
  demoValues: ['bureau.address', 'bureau.postcode', 'payment.bank', 'payment.accountNumber', 'remedies.court'],
};

export const COMMITTEE_CITATION: Citation = { law: '行政处罚法', article: '第五十七条', paragraph: '第二款' };

/** 行政处罚法 第五十七条第二款: 行政机关的负责人 discuss collectively — the chair is an active leader or committee member. */
export function isCommitteeChairEligible(user: { role: string; active: boolean } | null): boolean {
  return !!user && user.active && (user.role === 'bureau_leader' || user.role === 'committee_member');
}

/** Checks across fields: prefixes distinct (each series numbers on its own), thresholds below the ceiling. */
export function checkSettings(s: BureauSettings): Outcome {
  const seen = new Map<string, DocumentSeries>();
  for (const series of DOCUMENT_SERIES) {
    const prefix = s.documentPrefixes[series];
    if (seen.has(prefix)) return refuse('SETTINGS_PREFIX_DUPLICATE', undefined, `documentPrefixes.${series}`);
    seen.set(prefix, series);
  }
  for (const [path, fen] of [
    ['hearingThresholds.organisationFen', s.hearingThresholds.organisationFen], ['hearingThresholds.individualFen', s.hearingThresholds.individualFen],
    ['majorCase.largeFineOrganisationFen', s.majorCase.largeFineOrganisationFen], ['majorCase.largeFineIndividualFen', s.majorCase.largeFineIndividualFen],
  ] as const) {
    if (fen > s.fineCeilingFen) return refuse('SETTINGS_THRESHOLD_ABOVE_CEILING', undefined, path);
  }
  // 环境行政处罚听证程序规定 第五条 sets the national figures; a province may set lower ones, not higher.
  if (s.hearingThresholds.organisationFen > DEFAULT_SETTINGS.hearingThresholds.organisationFen) {
    return refuse('HEARING_THRESHOLD_ABOVE_STATUTE', HEARING_THRESHOLD_CITATION, 'hearingThresholds.organisationFen');
  }
  if (s.hearingThresholds.individualFen > DEFAULT_SETTINGS.hearingThresholds.individualFen) {
    return refuse('HEARING_THRESHOLD_ABOVE_STATUTE', HEARING_THRESHOLD_CITATION, 'hearingThresholds.individualFen');
  }
  return allowed;
}

export interface SettingChange { field: string; from: unknown; to: unknown }

/** Leaf-by-leaf differences (arrays compared whole), `demoValues` excluded: old → new for the audit log. */
export function diffSettings(before: BureauSettings, after: BureauSettings): SettingChange[] {
  const out: SettingChange[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!path && k === 'demoValues') continue;
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      }
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push({ field: path, from: a ?? null, to: b ?? null });
    }
  };
  walk(before, after, '');
  return out;
}

/** After a change, a demo value the administrator replaced is the bureau's own. */
export function remainingDemoValues(before: BureauSettings, changes: readonly SettingChange[]): string[] {
  const changed = new Set(changes.map((c) => c.field));
  return before.demoValues.filter((f) => !changed.has(f));
}

/** Old rows or partial seeds: every field present, defaults where one is missing. */
export function withDefaults(stored: Partial<BureauSettings> | null | undefined): BureauSettings {
  const s = stored ?? {};
  const d = DEFAULT_SETTINGS;
  return {
    bureau: { ...d.bureau, ...s.bureau }, payment: { ...d.payment, ...s.payment }, sealText: s.sealText ?? d.sealText,
    documentPrefixes: { ...d.documentPrefixes, ...s.documentPrefixes }, remedies: { ...d.remedies, ...s.remedies }, police: s.police ?? d.police,
    hearingThresholds: { ...d.hearingThresholds, ...s.hearingThresholds }, majorCase: { ...d.majorCase, ...s.majorCase },
    fineCeilingFen: s.fineCeilingFen ?? d.fineCeilingFen, reviewerRatioTargetPercent: s.reviewerRatioTargetPercent ?? d.reviewerRatioTargetPercent,
    penaltyPublicationWorkingDays: s.penaltyPublicationWorkingDays ?? d.penaltyPublicationWorkingDays,
    committee: { ...d.committee, ...s.committee },
    licensing: { ...d.licensing, ...s.licensing, eiaPromisedWorkingDays: { ...d.licensing.eiaPromisedWorkingDays, ...s.licensing?.eiaPromisedWorkingDays } },
    watchList: { ...d.watchList, ...s.watchList },
    normativeDocuments: { ...d.normativeDocuments!, ...s.normativeDocuments },
    demoValues: s.demoValues ?? d.demoValues,
  };
}

/** The hearing figures before they were a setting (EcoGov up to 0.1): 100 000 yuan / 10 000 yuan. */
export const LEGACY_HEARING_THRESHOLDS: Readonly<BureauSettings['hearingThresholds']> = { organisationFen: yuan(100_000), individualFen: yuan(10_000) };

export interface PreviousHearingThresholds { thresholds: BureauSettings['hearingThresholds']; source: 'settings-change' | 'upgrade'; changedAt: Date | null }

/**
 * 环境行政处罚听证程序规定 第五条: the figures in force before the latest change, from the settings'
 * audit rows (newest first, `before` keyed by field path). Without any change, the figures the cases
 * of an upgraded installation were proposed under.
 */
export function previousHearingThresholds(
  current: BureauSettings['hearingThresholds'],
  history: readonly { at: Date; action: string; before: Record<string, unknown> | null }[],
): PreviousHearingThresholds {
  for (const h of history) {
    if (h.action !== 'settings.update' || !h.before) continue;
    const org = h.before['hearingThresholds.organisationFen'];
    const ind = h.before['hearingThresholds.individualFen'];
    if (typeof org !== 'number' && typeof ind !== 'number') continue;
    return {
      thresholds: { organisationFen: typeof org === 'number' ? org : current.organisationFen, individualFen: typeof ind === 'number' ? ind : current.individualFen },
      source: 'settings-change', changedAt: h.at,
    };
  }
  return { thresholds: { ...LEGACY_HEARING_THRESHOLDS }, source: 'upgrade', changedAt: null };
}
