import type { CivilDate, Remedies } from './types.js';

/** 2023 revision of 行政复议法 in force. */
const NEW_RECONSIDERATION_LAW_ON = '2024-01-01';

/**
 * The reconsideration bodies for a decision of 烟台市生态环境局 on a date.
 * Until 2023-12-31, 行政复议法 (2017) 第十二条: the department's own people's government or the
 * competent department one level up (烟台市人民政府 / 山东省生态环境厅). From 2024-01-01,
 * 行政复议法 (2023) 第二十四条: the people's government at the same level (烟台市人民政府) only.
 */
export function defaultRemedies(decidedOn: CivilDate, court?: string,
  reconsideration: { government: string; formerUpperDepartment: string } = { government: '烟台市人民政府', formerUpperDepartment: '山东省生态环境厅' }): Remedies {
  const bodies = decidedOn < NEW_RECONSIDERATION_LAW_ON ? [reconsideration.government, reconsideration.formerUpperDepartment] : [reconsideration.government];
  return { reconsiderationBodies: bodies, ...(court ? { court } : {}) };
}
