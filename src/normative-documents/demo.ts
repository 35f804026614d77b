// Demo normative documents for the demo bureau (src/demo/seed.ts), made through the actions so every step
// is checked and audited: one document drafted, reviewed, deliberated, issued, published and filed on time
// (it stands in the public list), and one draft awaiting its legality review. Marked 演示.
import { count } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { chinaDateOf } from '../law/civil-date.js';
import { findPrincipalByUsername } from '../users/index.js';
import { normativeDocuments } from './tables.js';
import {
  assessDocument, closeComment, createDraft, fileDocument, issueDocument, publishDocument, recordDeliberation, recordReviewOpinion, startComment, submitForReview,
} from './actions.js';

const DAY = 86_400_000;

export async function seedNormativeDocumentsDemo(db: Db, now: Date): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(normativeDocuments) as [{ n: number }];
  if (n > 0) return;
  const reviewer = await findPrincipalByUsername(db, 'reviewer1');
  const leader = await findPrincipalByUsername(db, 'leader');
  if (!reviewer || !leader) return;
  const on = (days: number) => chinaDateOf(new Date(now.getTime() - days * DAY));
  const must = (r: { ok: boolean; code?: string }, what: string) => {
    if (!r.ok) throw new Error(`demo normative document ${what}: ${r.code}`);
    return r as { ok: true; value: { id: number } };
  };
  const a = must(await createDraft(db, reviewer, {
    title: '烟台市生态环境局关于推行轻微环境违法行为不予处罚清单的规定（演示）', draftingUnit: '政策法规科', draftedOn: on(170),
    body: '第一条 为推进包容审慎监管，依据《中华人民共和国行政处罚法》第三十三条，制定本规定。（演示）\n第二条 本规定适用于本市行政区域内轻微环境违法行为的处理。（演示）',
  }, now), 'draft').value.id;
  must(await assessDocument(db, reviewer, a, { assessedOn: on(165), summary: '经评估论证，制定该文件必要、可行（演示）' }, now), 'assess');
  must(await startComment(db, reviewer, a, { startOn: on(160), plannedEndOn: on(128) }, now), 'comment');
  must(await closeComment(db, reviewer, a, { endOn: on(128), received: 4, answered: 4, answerSummary: '采纳3条，未采纳1条并说明理由（演示）' }, now), 'comment close');
  must(await submitForReview(db, reviewer, a, { submittedOn: on(120) }, now), 'review submit');
  must(await recordReviewOpinion(db, reviewer, a, {
    reviewedOn: on(88), passed: true, competence: '本局在法定职权范围内制定（演示）', procedure: '经评估论证、公开征求意见（演示）', content: '未违法增设义务、减损权利（演示）',
  }, now), 'review');
  must(await recordDeliberation(db, reviewer, a, { meetingOn: on(80), meetingKind: 'bureau_affairs', note: '局务会议审议通过（演示）' }, now), 'deliberate');
  must(await issueDocument(db, leader, a, { issuedOn: on(75) }, now), 'issue');
  must(await publishDocument(db, reviewer, a, { publishedOn: on(74), channel: '烟台市生态环境局网站（演示）' }, now), 'publish');
  must(await fileDocument(db, reviewer, a, { filedOn: on(60), filedWith: '烟台市人民政府（演示）' }, now), 'file');

  const b = must(await createDraft(db, reviewer, {
    title: '烟台市生态环境局建设项目环评文件技术审查工作规程（征求意见稿，演示）', draftingUnit: '行政审批科', draftedOn: on(60),
    body: '第一条 为规范建设项目环境影响评价文件技术审查……（演示）',
  }, now), 'draft 2').value.id;
  must(await assessDocument(db, reviewer, b, { assessedOn: on(55), summary: '评估论证（演示）' }, now), 'assess 2');
  must(await startComment(db, reviewer, b, { startOn: on(50), plannedEndOn: on(19) }, now), 'comment 2');
  must(await closeComment(db, reviewer, b, { endOn: on(19), received: 0, answered: 0, answerSummary: '' }, now), 'comment close 2');
  must(await submitForReview(db, reviewer, b, { submittedOn: on(3) }, now), 'review submit 2');
}
