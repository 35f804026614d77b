// 催告书. Before applying to the court for enforcement the bureau reminds the party in writing
// (行政强制法 第五十四条), stating (第三十五条): (一) the time limit, (二) the manner of performance,
// (三) for money, the exact amount and how to pay, (四) the party's right to state and defend, which the
// bureau hears, records and reviews (第三十六条). The application may follow only when the party still
// has not performed ten days after service (第五十四条); "十日" are working days (第六十九条).
// Read: LawRefBook/Laws 行政法/行政强制法(2011-06-30).md, 第三十五条, 第三十六条, 第五十四条, 第六十九条.
import type { Document } from 'docx';
import {
  bodyParagraph, fieldLine, formatArabicDate, officialDocument, officialHeading, signatureBlock,
} from '../../../platform/documents/official.js';
import { formatFenForDocument } from '../amount.js';
import type { PaymentReminderData } from '../types.js';
import { APL, partyBlock, we, you } from './common.js';

const AEL = '《中华人民共和国行政强制法》';

export function paymentReminderDocument(d: PaymentReminderData): Document {
  const y = you(d.party);
  const w = we(d.authority);
  const p = d.payment;
  const outstandingFen = d.fineFen + d.surchargeFen - d.paidFen;
  if (outstandingFen <= 0) throw new RangeError('nothing outstanding to remind of');
  return officialDocument({
    title: '催告书', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '催告书', number: d.documentNumber }),
      ...partyBlock(d.party),
      bodyParagraph(`${w}于${formatArabicDate(d.decision.decidedOn)}对${y}作出《行政处罚决定书》（${d.decision.documentNumber}），`
        + `${d.decision.servedOn ? `并于${formatArabicDate(d.decision.servedOn)}送达${y}，` : ''}`
        + `决定对${y}罚款${formatFenForDocument(d.fineFen)}。${y}在规定期限内未全部履行缴纳罚款的义务。`),
      // 行政处罚法 第七十二条第一款第（一）项: 3 % a day, not above the fine.
      bodyParagraph(`根据${APL}第七十二条第一款第（一）项的规定，截至${formatArabicDate(d.remindedOn)}，`
        + `${y}应缴纳加处罚款${formatFenForDocument(d.surchargeFen)}`
        + `${d.paidFen > 0 ? `，已缴纳${formatFenForDocument(d.paidFen)}` : ''}，`
        + `尚应缴纳罚款及加处罚款合计${formatFenForDocument(outstandingFen)}。`
        + '逾期仍不缴纳的，加处罚款继续按日计算，但加处罚款的数额不超出罚款的数额。'),
      // 行政强制法 第三十五条 (一)(二)(三), 第五十四条.
      bodyParagraph(`根据${AEL}第三十五条、第五十四条的规定，现催告${y}于${formatArabicDate(d.performBy)}前履行上述义务，`
        + `将上述款项缴至指定账户（收款单位：${p.payee}；开户银行：${p.bank}；账号：${p.accountNumber}）`
        + `${p.note ? `，${p.note}` : ''}，并将缴款凭证复印件送${w}。`),
      // 行政强制法 第三十五条 (四), 第三十六条.
      bodyParagraph(`${y}收到本催告书后，依法享有陈述权和申辩权。${y}如需陈述、申辩，可以在上述期限内向${w}提出；`
        + `${w}将充分听取${y}的意见，对${y}提出的事实、理由和证据进行记录、复核，成立的予以采纳。`),
      // 行政强制法 第五十三条, 第五十四条.
      bodyParagraph(`${y}逾期仍不履行的，${w}将依照${AEL}第五十三条、第五十四条的规定申请人民法院强制执行。`),
      fieldLine('联系人', d.contact.name),
      fieldLine('联系电话', d.contact.phone),
      fieldLine('联系地址', d.contact.address),
      ...signatureBlock({ authority: d.authority.name, on: d.remindedOn }),
    ],
  });
}
