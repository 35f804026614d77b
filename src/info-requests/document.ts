// 政府信息公开申请答复书 as Word, on the GB/T 9704 layout of src/platform/documents.
import { bodyParagraph, fieldLine, formatArabicDate, officialDocument, officialHeading, packOfficialDocument, signatureBlock } from '../platform/documents/official.js';
import { REPLY_KINDS, type ReplyContent, type ReplyKind } from './rules.js';

export interface ReplyDocumentData {
  authority: string; number: string; repliedOn: string; applicantName: string; receivedOn: string; description: string;
  kind: ReplyKind; content: ReplyContent; feeFen: number; reconsiderationBody: string; court: string;
}

// 政府信息公开条例 第三十六条: the wording of each kind of reply.
const WORDING: Record<ReplyKind, (c: ReplyContent) => string> = {
  already_public: (c) => `您申请公开的信息已经主动公开（第三十六条第（一）项），获取方式、途径：${c.accessRoute ?? ''}`,
  disclosed: (c) => `经审查，您申请公开的信息属于可以公开的政府信息（第三十六条第（二）项），现予提供：${c.provision ?? ''}`,
  withheld: (c) => `经审查，您申请公开的信息依据${c.legalBasis ?? ''}的规定不予公开（第三十六条第（三）项）。理由：${c.reason ?? ''}`,
  not_exist: () => '经检索，本机关没有您所申请公开的政府信息，该政府信息不存在（第三十六条第（四）项）。',
  not_responsible: (c) => `您申请公开的信息不属于本机关负责公开（第三十六条第（五）项）。理由：${c.reason ?? ''}${c.otherAgency ? `。负责公开的机关：${c.otherAgency}` : ''}`,
  repeated: (c) => `本机关已就您的同一申请作出答复（${c.previousReply ?? ''}），对您重复申请公开相同政府信息不予重复处理（第三十六条第（六）项）。`,
  special_law: (c) => `您申请公开的信息，有关法律、行政法规对信息的获取有特别规定，请依照${c.legalBasis ?? ''}的规定办理（第三十六条第（七）项）。`,
};

export async function renderReplyDocument(d: ReplyDocumentData): Promise<Buffer> {
  const spec = REPLY_KINDS.find((k) => k.kind === d.kind)!;
  return packOfficialDocument(officialDocument({
    title: '政府信息公开申请答复书', authority: d.authority,
    children: [
      ...officialHeading({ authority: d.authority, title: '政府信息公开申请答复书', number: d.number }),
      bodyParagraph(`${d.applicantName}：`, { indent: false }),
      bodyParagraph(`本机关于${formatArabicDate(d.receivedOn)}收到您的政府信息公开申请。根据《中华人民共和国政府信息公开条例》第三十六条${spec.item}项的规定，现答复如下：`),
      bodyParagraph(WORDING[d.kind](d.content)),
      fieldLine('申请内容', d.description),
      ...(d.feeFen > 0 ? [bodyParagraph(`依据《中华人民共和国政府信息公开条例》第四十二条，收取信息处理费${(d.feeFen / 100).toFixed(2)}元。`)] : []),
      bodyParagraph(`如对本答复不服，可以自收到本答复之日起六十日内向${d.reconsiderationBody}申请行政复议，或者自收到本答复之日起六个月内向${d.court}提起行政诉讼。`),
      ...signatureBlock({ authority: d.authority, on: d.repliedOn }),
    ],
  }));
}
