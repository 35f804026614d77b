// 以案释法: removing the party's identity from a typical case before it is published. Pure: no I/O.
// 政府信息公开条例 第十五条: information touching trade secrets or personal privacy whose disclosure would harm a
// third party is not disclosed; 个人信息保护法 第二十八条: ID numbers and financial accounts are sensitive personal
// information, and 第三十四条: state organs process personal information only as far as their duty needs.
// A published typical case needs the facts and the law, not who the party was.

/** What identifies the party of a case (from the case and the enterprise register). */
export interface PartyIdentity {
  /** Full (and any short) names of the organisation. */
  organisationNames: string[];
  /** Individuals: the party if a person, the legal representative, others named in the file. */
  personNames: string[];
  /** Kept in the replacement ("芝罘区某公司"): where it happened is part of the lesson. */
  districtName: string | null;
  creditCodes: string[];
  idNumbers: string[];
  phones: string[];
  addresses: string[];
  bankAccounts: string[];
}

export const DROPPED = '（略）';
export const ADDRESS_DROPPED = '（地址略）';

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '独孤', '南宫', '西门', '端木', '百里', '呼延'];

/** 张三 → 张某, 欧阳修 → 欧阳某; a name too short to keep a surname → 某某. */
export function pseudonymOf(name: string): string {
  const n = name.trim();
  const compound = COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > s.length);
  if (compound) return `${compound}某`;
  return n.length >= 2 ? `${n[0]}某` : '某某';
}

/** 烟台某某化工有限公司 → 芝罘区某公司; a name that is not a company's → 芝罘区某企业. */
export function organisationPseudonym(name: string, districtName: string | null): string {
  return `${districtName ?? ''}某${name.includes('公司') ? '公司' : '企业'}`;
}

/** Full-width digits, letters and hyphen as ASCII, so "１３８…" is seen as the number it is; other text unchanged. */
const normalise = (text: string) => text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const replaceAll = (text: string, needles: string[], by: (needle: string) => string) => {
  let out = text;
  // Longest first: a short name inside a longer one must not break the longer one's replacement.
  for (const needle of [...new Set(needles.map((s) => normalise(s).trim()).filter((s) => s.length >= 2))].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escape(needle), 'g'), by(needle));
  }
  return out;
};

/** Runs of ASCII letters and digits long enough, and digit-heavy enough, to be a number that identifies. */
const NUMBER_RUN = /[0-9A-Za-z]{11,}/g;
const isIdentifyingRun = (run: string) => (run.match(/\d/g)?.length ?? 0) >= 6;
/** Mobile numbers written with separators (138-1234-5678, 138 1234 5678) and landlines (0535-1234567). */
const SEPARATED_PHONE = /1[3-9]\d[-\s]\d{4}[-\s]?\d{4}|1[3-9]\d{1,2}[-\s]?\d{3,4}[-\s]\d{4}/g;
const LANDLINE = /0\d{2,3}-\d{7,8}/g;

/**
 * Removes the party's identity: organisation names → "<district>某公司/某企业", individuals → "X某",
 * addresses → （地址略）; credit codes, ID numbers, phone numbers and bank accounts — the ones given and any
 * text shaped like one — are dropped. The officer may edit the result; `findIdentityLeft` checks it again.
 */
export function redactIdentity(text: string, party: PartyIdentity): string {
  let out = normalise(text);
  out = replaceAll(out, party.addresses, () => ADDRESS_DROPPED);
  out = replaceAll(out, [...party.creditCodes, ...party.idNumbers, ...party.phones, ...party.bankAccounts], () => DROPPED);
  out = replaceAll(out, party.organisationNames, (n) => organisationPseudonym(n, party.districtName));
  out = replaceAll(out, party.personNames, pseudonymOf);
  // The replacement holds no letter or digit, so dropping a run never joins two others into a new one.
  out = out.replace(NUMBER_RUN, (run) => (isIdentifyingRun(run) ? DROPPED : run));
  out = out.replace(SEPARATED_PHONE, DROPPED).replace(LANDLINE, DROPPED);
  return out;
}

export type IdentityLeft = 'organisation' | 'person' | 'address' | 'number';

/** What of the party's identity a text still carries (after the officer's edits), else null. */
export function findIdentityLeft(text: string, party: PartyIdentity): IdentityLeft | null {
  const t = normalise(text);
  const has = (list: string[]) => list.map((s) => normalise(s).trim()).filter((s) => s.length >= 2).some((s) => t.includes(s));
  if (has(party.organisationNames)) return 'organisation';
  if (has(party.personNames)) return 'person';
  if (has(party.addresses)) return 'address';
  if (has([...party.creditCodes, ...party.idNumbers, ...party.phones, ...party.bankAccounts])) return 'number';
  if ((t.match(NUMBER_RUN) ?? []).some(isIdentifyingRun) || new RegExp(SEPARATED_PHONE.source).test(t) || new RegExp(LANDLINE.source).test(t)) return 'number';
  return null;
}

const ADMIN_PREFIX = /^(.{1,8}?(省|自治区))?(.{1,8}?市)?(.{1,8}?(区|县|旗))?/;
const COMPANY_FORM = /(股份有限公司|有限责任公司|有限公司|集团公司|分公司|公司|厂|合作社|个体工商户)$/;

/** The names an organisation is also called by: without the place in front and the company form behind (≥ 3 characters). */
export function organisationNameForms(name: string): string[] {
  const full = name.trim();
  const core = full.replace(ADMIN_PREFIX, '').replace(COMPANY_FORM, '').trim();
  return [full, ...(core.length >= 3 && core !== full ? [core] : [])];
}
