// Atom feeds (RFC 4287) of the published decisions: new publications and withdrawals, newest first.
// Required: feed id, title, updated; each entry id, title, updated; a link to the page.
import type { PublicDecision } from './actions.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export interface FeedEntry { decision: PublicDecision; updatedAt: Date }

/** `base` is the site's origin (http://host), `self` the feed's path, `tag` its stable id part. */
export function atomFeed(opts: { base: string; self: string; tag: string; title: string; entries: FeedEntry[]; now: Date }): string {
  const updated = (opts.entries[0]?.updatedAt ?? opts.now).toISOString();
  const entries = opts.entries.map(({ decision: d, updatedAt }) => {
    const link = `${opts.base}/public/decisions/${d.id}`;
    const withdrawn = d.status === 'withdrawn';
    const title = withdrawn ? `【撤回】${d.decisionNumber}（${d.partyName}）` : `${d.decisionNumber}（${d.partyName}）`;
    const summary = withdrawn ? `撤回日期 ${d.withdrawnOn}；理由：${d.withdrawalReason ?? ''}` : `${d.record?.violation ?? ''}；${d.record?.penaltyContent ?? ''}`;
    return [
      '  <entry>',
      `    <id>tag:ecogov,${d.decidedOn.slice(0, 4)}:decision/${d.id}/${d.status}</id>`,
      `    <title>${esc(title)}</title>`,
      `    <updated>${updatedAt.toISOString()}</updated>`,
      `    <link rel="alternate" type="text/html" href="${esc(link)}"/>`,
      `    <summary>${esc(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>tag:ecogov,2026:${esc(opts.tag)}</id>`,
    `  <title>${esc(opts.title)}</title>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>生态环境局</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${esc(opts.base + opts.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${esc(opts.base)}/public"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
