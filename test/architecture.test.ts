// The import graph of the server (src/) and of the web app (web/src/): capabilities use each other
// only through their index.ts, and no two capabilities depend on each other, directly or round a cycle.
//
// What counts as a capability:
// - src/: every folder directly under src/ except the infrastructure and composition roots below.
//   `platform` (db, http, auth, audit, documents, i18n) and `law` (pure legal helpers) are
//   infrastructure: any file may import any of their files. `platform` is also where the capabilities
//   are wired together (route registration, the Drizzle schema barrel, reference data), so its own
//   imports are not checked. `demo` (the demo bureau seed) and the files directly in src/ (cli.ts) are
//   composition roots: they reach capabilities through index.ts like everyone else, but no capability
//   may import them, and they are not nodes of the capability graph.
// - web/src/: every folder directly under web/src/ except `app` (layout, api client, shared hooks and
//   components) and `i18n`, which any page may import file by file. Pages of one capability reach
//   another capability only through that capability's index.ts; `app` itself is not checked (it mounts
//   every page).
// A capability's tables.ts may import another's tables.ts (foreign keys), nothing else of it.
// Test files (*.test.ts) are not part of the graph.
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

interface Layout {
  root: string;
  /** May be imported file by file; their own imports are not checked. */
  infrastructure: ReadonlySet<string>;
  /** Import capabilities through index.ts, are never imported by a capability, are not graph nodes. */
  compositionRoots: ReadonlySet<string>;
}

interface Edge { from: string; to: string; file: string; target: string }

const SERVER: Layout = { root: 'src', infrastructure: new Set(['platform', 'law']), compositionRoots: new Set(['demo']) };
const WEB: Layout = { root: 'web/src', infrastructure: new Set(['app', 'i18n']), compositionRoots: new Set() };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names: `./x.js` → x.ts, `../b` → b/index.ts. */
function resolveSpecifier(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  const candidates = [`${base}.ts`, `${base}.tsx`, base, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Every import between two top-level folders of `layout.root` (static, `export … from`, and dynamic). */
function crossFolderImports(layout: Layout): Edge[] {
  const root = resolve(layout.root);
  const edges: Edge[] = [];
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveSpecifier(file, specifier);
      if (target === null) throw new Error(`${relative(root, file)}: cannot resolve '${specifier}'`);
      const [from, ...fromRest] = relative(root, file).split('/');
      const [to, ...toRest] = relative(root, target).split('/');
      if (fromRest.length === 0 || to === undefined || to.startsWith('..') || toRest.length === 0 || from === to) continue;
      edges.push({ from: from!, to, file: relative(root, file), target: relative(root, target) });
    }
  }
  return edges;
}

const checked = (layout: Layout, e: Edge) => !layout.infrastructure.has(e.from) && !layout.infrastructure.has(e.to);

/** Imports that bypass the imported capability's index.ts, or reach into a composition root. */
function indexViolations(layout: Layout, edges: Edge[]): string[] {
  return edges.filter((e) => checked(layout, e)).flatMap((e) => {
    if (layout.compositionRoots.has(e.to)) return [`${e.file} imports ${e.target}: ${e.to} is a composition root, no capability may import it`];
    if (/^[^/]+\/index\.tsx?$/.test(e.target)) return [];
    // Table definitions reference each other's tables for foreign keys, and nothing else: importing a
    // whole capability from its tables would load its actions wherever the schema is read.
    if (/^[^/]+\/tables\.ts$/.test(e.file) && /^[^/]+\/tables\.ts$/.test(e.target)) return [];
    return [`${e.file} imports ${e.target}: use ${e.to}/index.ts`];
  });
}

/** The capability graph's cycles, each named once as a → b → … → a (empty when the graph is acyclic). */
function capabilityCycles(layout: Layout, edges: Edge[]): string[] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!checked(layout, e) || layout.compositionRoots.has(e.from) || layout.compositionRoots.has(e.to)) continue;
    if (!graph.has(e.from)) graph.set(e.from, new Set());
    graph.get(e.from)!.add(e.to);
  }
  const cycles = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') {
        const cycle = path.slice(path.indexOf(next));
        // Name each cycle from its smallest member, so one cycle is reported once.
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.add([...rotated, rotated[0]].join(' → '));
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles];
}

/** The importing files behind each edge of a cycle, so a failure says what to change. */
function explain(edges: Edge[], cycle: string): string {
  const nodes = cycle.split(' → ');
  return [cycle, ...nodes.slice(1).map((to, i) => {
    const files = edges.filter((e) => e.from === nodes[i] && e.to === to).map((e) => e.file);
    return `  ${nodes[i]} → ${to}: ${[...new Set(files)].join(', ')}`;
  })].join('\n');
}

describe.each([
  ['server (src/)', SERVER],
  ['web app (web/src/)', WEB],
])('import graph of the %s', (_name, layout) => {
  const edges = crossFolderImports(layout);

  it('reaches another capability only through its index.ts', () => {
    expect(indexViolations(layout, edges)).toEqual([]);
  });

  it('has no cycle between capabilities', () => {
    expect(capabilityCycles(layout, edges).map((c) => explain(edges, c))).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const layout: Layout = { root: 'unused', infrastructure: new Set(['platform']), compositionRoots: new Set(['demo']) };
  const edge = (file: string, target: string): Edge => ({ from: file.split('/')[0]!, to: target.split('/')[0]!, file, target });

  it('accepts an index import and infrastructure, refuses a deep import and an import of a composition root', () => {
    expect(indexViolations(layout, [
      edge('cases/actions.ts', 'enterprises/index.ts'),
      edge('cases/actions.ts', 'platform/db/index.ts'),
      edge('platform/http/app.ts', 'cases/routes.ts'),
      edge('demo/seed.ts', 'cases/index.ts'),
      edge('cases/actions.ts', 'enterprises/queries.ts'),
      edge('air-quality/demo.ts', 'demo/random.ts'),
    ])).toEqual([
      'cases/actions.ts imports enterprises/queries.ts: use enterprises/index.ts',
      'air-quality/demo.ts imports demo/random.ts: demo is a composition root, no capability may import it',
    ]);
  });

  it('names a cycle once, through index imports too, and ignores the composition roots', () => {
    const edges = [
      edge('cases/actions.ts', 'exemptions/index.ts'),
      edge('exemptions/tables.ts', 'cases/index.ts'),
      edge('monitoring/actions.ts', 'cases/index.ts'),
      edge('demo/seed.ts', 'monitoring/index.ts'),
      edge('monitoring/demo.ts', 'demo/index.ts'),
    ];
    expect(capabilityCycles(layout, edges)).toEqual(['cases → exemptions → cases']);
    expect(explain(edges, 'cases → exemptions → cases')).toBe('cases → exemptions → cases\n  cases → exemptions: cases/actions.ts\n  exemptions → cases: exemptions/tables.ts');
  });
});
