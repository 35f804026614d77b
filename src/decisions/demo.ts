// Demo 重大行政决策 for the demo bureau (src/demo/seed.ts), made through the actions so every gate is checked and
// audited: the 2020 catalogue (approved, published) with one decision taken from proposal to publication and one
// still listed. Dated in 2020, each step at its own instant. Marked 演示.
import { count } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { findPrincipalByUsername } from '../users/index.js';
import { decisionCatalogues } from './tables.js';
import {
  addItem, answerComment, approveCatalogue, createCatalogue, decide, openComment, propose, publish, publishCatalogue, recordDiscussion,
  recordExperts, recordReview, submitForReview, submitPublicComment,
} from './actions.js';

const at = (on: string) => new Date(`${on}T10:00:00+08:00`);

export async function seedDecisionsDemo(db: Db): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(decisionCatalogues) as [{ n: number }];
  if (n > 0) return;
  const legal = await findPrincipalByUsername(db, 'reviewer1');
  const leader = await findPrincipalByUsername(db, 'leader');
  if (!legal || !leader) return;
  const must = <T>(r: { ok: true; value: T } | { ok: false; code: string }, what: string): T => {
    if (!r.ok) throw new Error(`demo decision ${what}: ${r.code}`);
    return r.value;
  };
  const c = must(await createCatalogue(db, legal, { year: 2020 }, at('2020-01-06')), 'catalogue');
  const item = must(await addItem(db, legal, c.id, { title: '烟台市2020年大气污染防治攻坚实施方案（演示）', department: '大气环境科', plannedHearing: false, plannedExperts: true, plannedRisk: false }, at('2020-01-06')), 'item 1');
  must(await addItem(db, legal, c.id, { title: '烟台市饮用水水源保护区划定调整方案（演示）', department: '水生态环境科', plannedHearing: true, plannedExperts: true, plannedRisk: true }, at('2020-01-06')), 'item 2');
  must(await approveCatalogue(db, leader, c.id, '2020-01-10', at('2020-01-10')), 'approve');
  must(await publishCatalogue(db, legal, c.id, '2020-01-13', at('2020-01-13')), 'publish catalogue');
  const id = item.id;
  must(await propose(db, legal, id, { proposedOn: '2020-03-02', draftText: '一、总体要求……二、重点任务：工地扬尘、机动车、工业源深度治理……（演示）' }, at('2020-03-02')), 'propose');
  must(await openComment(db, legal, id, { startOn: '2020-03-02', endOn: '2020-03-31' }, at('2020-03-02')), 'comment');
  const comment = must(await submitPublicComment(db, id, { authorName: null, content: '建议明确渣土车密闭运输要求（演示）' }, at('2020-03-10')), 'public comment');
  must(await answerComment(db, legal, id, comment.id, { answer: '已采纳，第二部分增加渣土车密闭运输要求（演示）' }, at('2020-04-01')), 'answer');
  must(await recordExperts(db, legal, id, { heldOn: '2020-03-25', opinion: '方案目标可行，措施具有针对性（演示）' }, at('2020-03-25')), 'experts');
  must(await submitForReview(db, legal, id, { submittedOn: '2020-04-02' }, at('2020-04-02')), 'review submit');
  must(await recordReview(db, legal, id, {
    completedOn: '2020-04-14', passed: true, competence: '属于本局法定职责（演示）', procedure: '已履行公众参与、专家论证程序（演示）',
    content: '内容符合《大气污染防治法》等规定（演示）', reviewerOpinion: '同意提交局长办公会讨论（演示）', counselOpinion: '法律顾问：无法律障碍（演示）',
  }, at('2020-04-14')), 'review');
  must(await recordDiscussion(db, legal, id, {
    discussedOn: '2020-04-16', meetingKind: 'director_office', attendees: ['副局长甲', '副局长乙', '局长'], conclusion: 'adopt',
    opinions: [
      { name: '副局长甲', isHead: false, stance: 'agree', text: '同意' },
      { name: '副局长乙', isHead: false, stance: 'agree', text: '同意，建议加强督查' },
      { name: '局长', isHead: true, stance: 'agree', text: '同意印发实施' },
    ],
  }, at('2020-04-16')), 'discuss');
  must(await decide(db, leader, id, { decidedOn: '2020-04-17', decisionText: '印发《烟台市2020年大气污染防治攻坚实施方案》（演示）' }, at('2020-04-17')), 'decide');
  must(await publish(db, legal, id, { publishedOn: '2020-04-20', channel: '烟台市生态环境局门户网站（演示）' }, at('2020-04-20')), 'publish');
}
