// 首违不罚 applies only to the violation its catalogue entry describes: the case's violated provision must
// be the entry's (行政处罚法 第三十三条第一款 with the bureau's list, whose entries each name the provision
// broken). Pure: provisions parsed from the text officers write, compared law by law and article by article.
import { allowed, refuse, type Outcome } from '../../law/outcome.js';
import { APL_33_1 } from './catalogue.js';

export interface ProvisionRef { law: string; article: string; paragraph: string | null; item: string | null }

/** 《中华人民共和国水污染防治法》 and 《水污染防治法》 name the same law. */
const lawKey = (law: string) => law.replace(/\s/g, '').replace(/^中华人民共和国/, '');
const normaliseItem = (s: string) => s.replace(/[()（）]/g, '');

/** 「《中华人民共和国水污染防治法》第十条、第八十三条第（二）项；《排污许可管理条例》第二十四条」 → each article named. */
export function parseProvisionRefs(text: string): ProvisionRef[] {
  const out: ProvisionRef[] = [];
  for (const m of text.matchAll(/《([^》]+)》([^《]*)/g)) {
    const law = lawKey(m[1]!);
    for (const a of m[2]!.matchAll(/第([零〇一二三四五六七八九十百千\d]+)条(?:第([零〇一二三四五六七八九十\d]+)款)?(?:第?([（(][^）)]+[）)]|[零〇一二三四五六七八九十\d]+)项)?/g)) {
      out.push({ law, article: a[1]!, paragraph: a[2] ?? null, item: a[3] ? normaliseItem(a[3]) : null });
    }
  }
  return out;
}

/** The entry's provision is among the case's: same law and article, and the same paragraph and item where the entry names one. */
export function provisionsMatch(entryProvision: string, caseProvisions: string): boolean {
  const wanted = parseProvisionRefs(entryProvision);
  const have = parseProvisionRefs(caseProvisions);
  if (!wanted.length || !have.length) return false;
  return wanted.some((w) => have.some((h) => h.law === w.law && h.article === w.article
    && (w.paragraph === null || h.paragraph === w.paragraph) && (w.item === null || h.item === w.item)));
}

/** 行政处罚法 第三十三条第一款: an entry covers only its own violation; a case whose provision is another is refused. */
export function checkEntryFitsViolation(entry: { violatedProvision: string }, caseProvisions: string | null): Outcome {
  if (!caseProvisions?.trim()) return refuse('EXEMPTION_CASE_PROVISION_MISSING', APL_33_1, 'entryId');
  return provisionsMatch(entry.violatedProvision, caseProvisions) ? allowed : refuse('EXEMPTION_ENTRY_VIOLATION_MISMATCH', APL_33_1, 'entryId');
}
