// Demo data for the demo bureau (marked 演示): one enforcement exam taken by two officers (one passes, one fails), a
// leadership study session, and the year's popularisation plan with a 六进 activity, all through this capability's
// actions, so the coverage, pass rate and figures come from records.
import type { Db } from '../platform/db/index.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import type { Result } from '../law/outcome.js';
import { listDepartments } from '../organisation/index.js';
import { findPrincipalByUsername } from '../users/index.js';
import { createExam, createPlan, questionBank, recordActivity, recordStudySession, startSitting, submitSitting } from './actions.js';

const DAY = 86_400_000;
function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`training demo: ${what}: ${r.code}${r.field ? ` (${r.field})` : ''}`);
  return r.value;
}

export async function seedTrainingDemo(db: Db, now: Date): Promise<void> {
  const [leader, officer1, officer2, zhifuOfficer] = await Promise.all(['leader', 'officer1', 'officer2', 'zhifu-officer'].map((u) => findPrincipalByUsername(db, u)));
  if (!leader || !officer1 || !officer2 || !zhifuOfficer) throw new Error('training demo: the demo accounts are missing');
  const today = chinaDateOf(now);
  const year = Number(today.slice(0, 4));

  // 学法考试: open ten days ago, for three officers; two have sat it.
  const createdAt = new Date(now.getTime() - 10 * DAY);
  const exam = must(await createExam(db, leader, {
    title: '【演示】年度行政执法人员法律知识考试', opensOn: chinaDateOf(createdAt), closesOn: addDays(today, 20), timeLimitMinutes: 60, passPercent: 60,
    counts: { single: 6, multiple: 2, true_false: 2 }, enrolUserIds: [officer1.id, officer2.id, zhifuOfficer.id], reason: '演示数据',
  }, createdAt), 'exam');
  const answers = new Map(must(await questionBank(db, leader), 'bank').map((q) => [q.id, { answer: q.answer, options: q.options.length }]));
  for (const [who, right] of [[officer1, true], [officer2, false]] as const) {
    const startedAt = new Date(now.getTime() - 3 * DAY);
    const sitting = must(await startSitting(db, who, exam.id, startedAt), 'sitting');
    const given = Object.fromEntries(sitting.questions.map((q) => {
      const a = answers.get(q.id)!;
      // The failing candidate picks an option that is not (or not only) the answer.
      const wrong = [...Array(a.options).keys()].find((o) => !(a.answer.length === 1 && a.answer[0] === o)) ?? 0;
      return [q.id, right ? a.answer : [wrong]];
    }));
    must(await submitSitting(db, who, exam.id, given, new Date(startedAt.getTime() + 25 * 60_000)), 'submit');
  }

  // 学法: a leadership group session three weeks ago.
  const heldAt = new Date(now.getTime() - 21 * DAY);
  must(await recordStudySession(db, leader, {
    kind: 'leadership_group', topic: '【演示】学习《中华人民共和国民法典》', heldOn: chinaDateOf(heldAt), hostId: leader.id,
    attendeeIds: [leader.id, officer1.id, officer2.id, zhifuOfficer.id], materials: ['民法典辅导读本'], minutes: '局党组中心组集体学习民法典总则编和侵权责任编（演示）。',
  }, heldAt), 'study session');

  // 谁执法谁普法: the year's plan, two departments' items, and a 六进 activity around Environment Day (or last week).
  const departments = (await listDepartments(db)).filter((d) => d.districtId === null);
  const planAt = new Date(Math.min(now.getTime(), new Date(`${year}-01-10T09:00:00+08:00`).getTime()));
  const plan = must(await createPlan(db, leader, {
    year, title: `【演示】${year}年度普法计划和部门普法责任清单`, items: [
      { departmentId: departments[0]!.id, content: '送法入企：印发《环境管理知识百问百答》', responsiblePerson: '张科长（演示）', dueOn: `${year}-12-31` },
      { departmentId: departments[1]!.id, content: '“6.5”环境日生态环境法律知识“六进”活动', responsiblePerson: '李科长（演示）', dueOn: `${year}-06-30` },
    ],
  }, planAt), 'plan');
  const envDay = `${year}-06-05`;
  const heldOn = envDay <= today ? envDay : addDays(today, -7).slice(0, 4) === String(year) ? addDays(today, -7) : today;
  must(await recordActivity(db, leader, {
    itemId: plan.items[1]!.id, title: '【演示】六五环境日法律知识进社区', heldOn, place: '芝罘区滨海广场', audience: 'community',
    materialsGiven: 1200, attendance: 350, photos: [],
  }, new Date(`${heldOn}T18:00:00+08:00`)), 'activity');
}
