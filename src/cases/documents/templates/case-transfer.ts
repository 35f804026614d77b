// 移送案件书. Two transfers to the public security organ: a suspected crime (行政处罚法 第二十七条第一款;
// 行政执法机关移送涉嫌犯罪案件的规定 (国务院令第310号)), and a case for administrative detention of
// the responsible persons in the four situations of 环境保护法 第六十三条.
import type { Document, Paragraph } from 'docx';
import {
  bodyParagraph, bodyParagraphs, fieldLine, heading, officialDocument, officialHeading, signatureBlock,
} from '../../../platform/documents/official.js';
import type { CaseTransferData } from '../types.js';
import { APL, evidenceParagraphs, partyBlock, we } from './common.js';
import { personLine } from './inspection-record.js';

/** 环境保护法 第六十三条 (一)–(四), as the article words them. */
export const DETENTION_ITEMS: Record<1 | 2 | 3 | 4, string> = {
  1: '建设项目未依法进行环境影响评价，被责令停止建设，拒不执行的',
  2: '违反法律规定，未取得排污许可证排放污染物，被责令停止排污，拒不执行的',
  3: '通过暗管、渗井、渗坑、灌注或者篡改、伪造监测数据，或者不正常运行防治污染设施等逃避监管的方式违法排放污染物的',
  4: '生产、使用国家明令禁止生产、使用的农药，被责令改正，拒不改正的',
};
const CHINESE_ITEM = { 1: '一', 2: '二', 3: '三', 4: '四' } as const;

export function caseTransferDocument(d: CaseTransferData): Document {
  const w = we(d.authority);
  const yours = d.receiver.endsWith('局') ? '你局' : '你单位';
  const what = d.kind === 'suspectedCrime' ? `涉嫌${d.suspectedOffence ?? '犯罪'}` : '依法应当由公安机关处以行政拘留';
  let basis: Paragraph[];
  if (d.kind === 'suspectedCrime') {
    // 行政处罚法 第二十七条第一款: 违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关.
    basis = [bodyParagraph(`${w}认为，当事人的上述行为涉嫌${d.suspectedOffence ?? '犯罪'}，依法需要追究刑事责任。`
      + `根据${APL}第二十七条第一款和《行政执法机关移送涉嫌犯罪案件的规定》的规定，现将该案移送${yours}，请依法审查，`
      + `并将是否立案的决定书面告知${w}。`)];
  } else {
    if (!d.detentionItem) throw new RangeError('a transfer for administrative detention names the item of 环境保护法 第六十三条');
    const persons = (d.responsiblePersons ?? []).map((p) => p.name).join('、');
    // 环境保护法 第六十三条: 由县级以上人民政府环境保护主管部门或者其他有关部门将案件移送公安机关.
    basis = [bodyParagraph(`${w}认为，当事人的上述行为属于《中华人民共和国环境保护法》第六十三条第（${CHINESE_ITEM[d.detentionItem]}）项`
      + `规定的情形：${DETENTION_ITEMS[d.detentionItem]}。根据该条的规定，现将该案移送${yours}，`
      + `请依法对当事人直接负责的主管人员和其他直接责任人员${persons ? `${persons}` : ''}予以行政拘留，并将处理结果书面告知${w}。`)];
  }
  return officialDocument({
    title: '移送案件书', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '移送案件书', number: d.documentNumber }),
      bodyParagraph(`${d.receiver}：`, { indent: false }),
      bodyParagraph(`${w}在查处${d.party.name}${d.cause}一案中，发现该案${what}，现将有关情况函告如下：`),
      heading('一、当事人基本情况'),
      ...partyBlock(d.party),
      ...(d.responsiblePersons ?? []).map((p) => fieldLine('直接责任人员', personLine(p) + (p.idNumber ? `　公民身份号码：${p.idNumber}` : ''))),
      heading('二、违法事实和证据'),
      ...bodyParagraphs(d.facts),
      bodyParagraph('以上事实，有下列证据为凭：'),
      ...evidenceParagraphs(d.evidence),
      heading('三、移送理由和依据'),
      ...basis,
      bodyParagraph('附件：', { indent: false }),
      ...d.attachments.map((a, i) => bodyParagraph(`${i + 1}. ${a}`)),
      fieldLine('联系人', d.contact.name),
      fieldLine('联系电话', d.contact.phone),
      fieldLine('联系地址', d.contact.address),
      ...signatureBlock({ authority: d.authority.name, on: d.transferredOn }),
    ],
  });
}
