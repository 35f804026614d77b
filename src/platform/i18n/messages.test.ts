import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('refusal codes', () => {
  it('every code the code base refuses with has zh-CN and en messages', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/refuse\('([A-Z_]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/(?:code: |return |fail\([^,]+, )'([A-Z]+_[A-Z_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const code of used) {
      expect(MESSAGES[code], code).toBeDefined();
      expect(MESSAGES[code]!['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
      expect(MESSAGES[code]!.en, code).toMatch(/[A-Za-z]/);
    }
  });
});
