// The demo bureau's 2020 governance adds up to the seed's figures 2, 4a, 4b, 5 and 6 (../shared/domain/seed-figures.md),
// each computed by the year-end report's figure registry from the records the actions wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/helpers/db.js';
import { createDemoBureauFor2020, timed } from '../../test/helpers/demo-2020.js';
import type { Database } from '../platform/db/index.js';
import { verifyAuditChain } from '../platform/audit/log.js';
import { computeFigures } from '../annual-report/figures.js';
import { meetingList, meetingYearFigures } from '../meetings/index.js';
import { documentList } from '../normative-documents/index.js';
import { findPrincipalByUsername } from '../users/index.js';
import { seedDemoGovernance2020 } from './year-2020-governance.js';

describe(`the demo bureau's 2020 governance adds up to the seed (${ENGINE})`, () => {
  let database: Database;
  let seconds = 0;
  let cpuSeconds = 0;
  let first = { created: 0 };
  const progress: number[] = [];
  beforeAll(async () => {
    database = await createDemoBureauFor2020();
    ({ seconds, cpuSeconds } = await timed(async () => { first = await seedDemoGovernance2020(database.db, (done, total) => { if (done === total) progress.push(total); }); }));
  }, 600_000);
  afterAll(async () => database?.close());

  it('reproduces figures 2, 4a, 4b, 5, 6 (a table: figure, seed, computed) through the actions, once', async () => {
    const db = database.db;
    const figures = await computeFigures(db, 2020, new Date('2021-01-05T09:00:00+08:00'));
    const f = (no: string) => figures.find((x) => x.no === no)!;
    const table = [
      { figure: '2 中心组专题学法', seed: '4次', computed: f('2').text },
      { figure: '4a 党组会议', seed: '23次', computed: f('4a').text },
      { figure: '4b 局长办公会议', seed: '8次', computed: f('4b').text },
      { figure: '5 规范性文件 (市政府和部门各1件)', seed: '市政府1件、部门1件', computed: f('5').text },
      { figure: '6 法律顾问审查、听证', seed: '20余次', computed: f('6').text },
    ];
    console.table(table);
    console.log(`2020 governance generation: ${first.created} records, ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU on ${ENGINE}`);
    for (const row of table) expect(row.computed, row.figure).toBe(row.seed);
    expect([f('2').value, f('4a').value, f('4b').value, f('5').value, f('6').value]).toEqual([4, 23, 8, 2, 23]);
    expect(progress).toEqual([2 + 23 + 8 + 4 + 23]);

    // 每季度至少1次; 学法在前 at every 党组会 and 局长办公会.
    const m = await meetingYearFigures(db, 2020, new Date('2021-01-05T09:00:00+08:00'));
    expect(m.studyQuarters.map((q) => [q.sessions, q.missing])).toEqual([[1, false], [1, false], [1, false], [1, false]]);
    expect(m.byKind.party_group.withLawStudy).toBe(23);
    expect(m.byKind.director.withLawStudy).toBe(8);
    expect(f('2').note).toBe('per quarter: Q1 1, Q2 1, Q3 1, Q4 1');

    // The two documents: reviewed, deliberated, issued (the government's number / the bureau's series), published and filed on time.
    const reviewer = (await findPrincipalByUsername(db, 'reviewer1'))!;
    const listed = await documentList(db, reviewer, new Date('2021-01-05T09:00:00+08:00'));
    expect(listed.ok).toBe(true);
    const docs = (listed.ok ? listed.value : []) as { draftingLevel: string; documentNumber: string; status: string; filingClock: { onTime: boolean }; reviews: { passed: boolean }[] }[];
    expect(docs.map((d) => [d.draftingLevel, d.documentNumber, d.status, d.filingClock.onTime, d.reviews.map((r) => r.passed)]).sort()).toEqual([
      ['bureau', '烟环规〔2020〕1号', 'published', true, [true]],
      ['government', '烟政发〔2020〕9号', 'published', true, [true]],
    ]);
    // The 局长办公会 that deliberated each names it on its agenda; the two documents the seed names without counting them are there too.
    const agenda = (await meetingList(db, 2020)).flatMap((x) => x.agenda.map((a) => a.title)).join('\n');
    expect(agenda).toContain('《依法不予行政处罚的轻微环境违法行为目录清单（第一批）》');
    expect(agenda).toContain('《关于建立“容缺受理·告知承诺”工作制度的通知》');

    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    // Running it again adds nothing (it tops up to the seed's figures).
    expect(await seedDemoGovernance2020(db)).toEqual({ created: 0 });
    const again = await computeFigures(db, 2020, new Date('2021-01-05T09:00:00+08:00'));
    expect(['2', '4a', '4b', '5', '6'].map((no) => again.find((x) => x.no === no)!.value)).toEqual([4, 23, 8, 2, 23]);
  });
});
