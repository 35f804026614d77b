// 合法性审查意见书 (重大行政决策程序暂行条例 第二十七条, 第二十八条) as a Word document on the GB/T 9704 layout.
import {
  bodyParagraph, bodyParagraphs, formatArabicDate, heading, officialDocument, officialHeading, packOfficialDocument, signatureBlock,
} from '../platform/documents/official.js';

export interface ReviewOpinionData {
  authority: string; title: string; department: string; submittedOn: string; completedOn: string; passed: boolean;
  competence: string; procedure: string; content: string; reviewerOpinion: string; counselOpinion: string;
}

export async function renderReviewOpinionDocument(d: ReviewOpinionData): Promise<Buffer> {
  const title = '重大行政决策合法性审查意见书';
  return packOfficialDocument(officialDocument({
    title, authority: d.authority,
    children: [
      ...officialHeading({ authority: d.authority, title }),
      bodyParagraph(`${d.department}：`, { indent: false }),
      bodyParagraph(`你单位于${formatArabicDate(d.submittedOn)}送请合法性审查的《${d.title}》决策草案及相关材料收悉。`
        + '依据《重大行政决策程序暂行条例》第二十五条至第二十八条，经审查，意见如下：'),
      heading('一、决策事项是否符合法定权限'), ...bodyParagraphs(d.competence),
      heading('二、决策草案的形成是否履行相关法定程序'), ...bodyParagraphs(d.procedure),
      heading('三、决策草案内容是否符合有关法律、法规、规章和国家政策的规定'), ...bodyParagraphs(d.content),
      heading('四、法律顾问、公职律师意见'), ...bodyParagraphs(d.counselOpinion),
      heading('五、审查结论'), ...bodyParagraphs(d.reviewerOpinion),
      bodyParagraph(d.passed
        ? '综上，该决策草案通过合法性审查，可以提交集体讨论。'
        : '综上，该决策草案未通过合法性审查，依据《重大行政决策程序暂行条例》第二十五条第二款，不得提交决策机关讨论。'),
      ...signatureBlock({ authority: d.authority, on: d.completedOn }),
    ],
  }));
}
