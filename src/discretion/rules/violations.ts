// The violation catalogue (违法行为目录): one entry per benchmark table in force, naming the violated
// provision (违反条款), the penalty provision (处罚依据) and its legal range (行政处罚法 第三十四条), and the
// first-violation exemption entries (行政处罚法 第三十三条第一款) that cover the same violation. Pure: the
// tables and entries are loaded by the caller, which also says how provisions match.
import type { Citation } from '../../law/outcome.js';
import type { Factor, LegalRange } from './benchmark.js';

/** 《中华人民共和国水污染防治法》第八十三条第（二）项: how the case's texts and the exemption catalogue name a provision. */
export function citationText(c: Citation): string {
  // Laws passed by the NPC carry the state's name; regulations (条例, 办法) do not.
  const law = c.law.endsWith('法') && !c.law.startsWith('中华人民共和国') ? `中华人民共和国${c.law}` : c.law;
  return `《${law}》${c.article}${c.paragraph ?? ''}${c.item ? `第${c.item}项` : ''}`;
}

export interface CatalogueTable {
  id: number; code: string; version: number; title: string; category: string; effectiveOn: string;
  violatedProvision: Citation; penaltyProvision: Citation; range: LegalRange; factors: Factor[];
}
export interface CatalogueExemptionEntry { id: number; title: string; violatedProvision: string; penaltyProvision: string; circumstances: string; catalogueCode: string }

export interface Violation {
  /** The benchmark code: the proposal's penaltyProvisionCode. */
  code: string;
  title: string;
  category: string;
  violatedProvision: Citation;
  penaltyProvision: Citation;
  /** The texts the filing, the proposal and the exemption check use. */
  violatedText: string;
  penaltyText: string;
  range: LegalRange;
  /** The discretion table (version in force) the calculator uses. */
  table: { id: number; version: number; effectiveOn: string; factorCount: number };
  /** 首违不罚 entries in force for this violation. */
  exemptions: { id: number; title: string; circumstances: string; catalogueCode: string }[];
}

export type ProvisionMatcher = (entryProvision: string, caseProvisions: string) => boolean;

/** Each table in force as a violation, with the exemption entries whose violated and penalty provisions are its own. */
export function buildViolationCatalogue(tables: readonly CatalogueTable[], entries: readonly CatalogueExemptionEntry[], matches: ProvisionMatcher): Violation[] {
  return [...tables].sort((a, b) => a.code.localeCompare(b.code)).map((t) => {
    const violatedText = citationText(t.violatedProvision);
    const penaltyText = citationText(t.penaltyProvision);
    return {
      code: t.code, title: t.title, category: t.category, violatedProvision: t.violatedProvision, penaltyProvision: t.penaltyProvision,
      violatedText, penaltyText, range: t.range,
      table: { id: t.id, version: t.version, effectiveOn: t.effectiveOn, factorCount: t.factors.length },
      exemptions: entries.filter((e) => matches(e.violatedProvision, violatedText) && matches(e.penaltyProvision, penaltyText))
        .map((e) => ({ id: e.id, title: e.title, circumstances: e.circumstances, catalogueCode: e.catalogueCode })),
    };
  });
}
