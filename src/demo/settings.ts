// The demo bureau's settings: Yantai's public particulars where known; the rest are demo values,
// listed in `demoValues` so the settings page flags them until an administrator confirms them.
import { DEFAULT_SETTINGS, type BureauSettings } from '../settings/index.js';

export const YANTAI_DEMO_SETTINGS: BureauSettings = {
  ...DEFAULT_SETTINGS,
  // Known: the bureau's name; 12369 is the national environmental complaint hotline; 烟台市人民政府 is the
  // reconsideration body under 行政复议法 (2023) 第二十四条; 烟台市财政局 collects fines (罚缴分离).
  bureau: { name: '烟台市生态环境局', areaName: '烟台市', address: '山东省烟台市莱山区观海路', postcode: '264003', phone: '0535-12369', contactDepartment: '政策法规科' },
  payment: { bank: '中国农业银行烟台分行营业部', accountName: '烟台市财政局', accountNumber: '15-100101040012345', note: '缴款时请注明本决定书文号' },
  remedies: { reconsiderationBody: '烟台市人民政府', formerUpperDepartment: '山东省生态环境厅', court: '烟台市芝罘区人民法院' },
  // The rooms new meetings and hearings start from (the chair is set once the bureau's leaders have accounts).
  committee: { chairUserId: null, meetingRoom: '局三楼会议室', hearingRoom: '局听证室' },
  // Not confirmed from a published source: street address, postcode, phone, bank, account, the court and the rooms.
  demoValues: ['bureau.address', 'bureau.postcode', 'bureau.phone', 'payment.bank', 'payment.accountNumber', 'remedies.court', 'committee.meetingRoom', 'committee.hearingRoom'],
};
