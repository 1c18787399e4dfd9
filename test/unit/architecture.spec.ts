// The architecture, checked: features over a thin platform, workflows that only know themselves, no import circles.
// See docs/architecture.md. Imports are read from the source (type imports too: a circle of types is still a circle).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../src/platform/runtime/project-paths';

const root = projectRoot();
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;
const TYPE_ONLY = /^\s*(?:import|export)\s+type\b[^;]*?\bfrom\s*(['"])([^'"]+)\1/gm;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

interface Graph {
  files: string[];
  edges: Map<string, string[]>;
  packages: Map<string, string[]>;
  /** Targets a file imports for their types only (erased when compiled). */
  typeOnly: Map<string, Set<string>>;
}

function graphOf(...dirs: string[]): Graph {
  const files = dirs.flatMap((d) => walk(path.join(root, d)));
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const typeOnly = new Map<string, Set<string>>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const types = new Set<string>();
    for (const match of text.matchAll(TYPE_ONLY)) {
      const target = match[2].startsWith('.') ? resolveImport(file, match[2]) : null;
      if (target) types.add(target);
    }
    typeOnly.set(file, types);
    const local: string[] = [];
    const external: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[2];
      if (spec.startsWith('.')) {
        const target = resolveImport(file, spec);
        if (target) local.push(target);
      } else external.push(spec);
    }
    edges.set(file, local);
    packages.set(file, external);
  }
  return { files, edges, packages, typeOnly };
}

const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');

/** Strongly connected components with more than one file (or a file importing itself): Tarjan's algorithm. */
function circles(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.edges.get(node) ?? []) {
      if (!graph.edges.has(next)) continue;
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(rel(member));
      } while (member !== node);
      if (component.length > 1 || (graph.edges.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const file of graph.files) if (!indices.has(file)) visit(file);
  return found;
}

const server = graphOf('src', 'workflows', 'activities');

describe('architecture', () => {
  it('has no import circles in the server, the workflows and the activities', () => {
    expect(circles(server)).toEqual([]);
  });

  it('has no import circles in the web app', () => {
    expect(circles(graphOf('web/src'))).toEqual([]);
  });

  it('keeps the platform free of features: only the process wiring (runtime/, the worker) reaches into them', () => {
    // The platform may rely on who is calling (auth) and on recording refusals (audit): every request passes them.
    const allowedFeatures = new Set(['auth', 'audit']);
    const wiring = (file: string) => file.startsWith('src/platform/runtime/') || file === 'src/platform/temporal/worker.ts';
    const offending: string[] = [];
    for (const [file, targets] of server.edges) {
      const from = rel(file);
      if (!from.startsWith('src/platform/') || wiring(from)) continue;
      for (const target of targets.map(rel)) {
        const feature = /^src\/([^/]+)\//.exec(target)?.[1];
        if (feature && feature !== 'platform' && !allowedFeatures.has(feature)) offending.push(`${from} → ${target}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('holds in src/ only the entry points, the platform, the composition (app/, cli/, demo/) and one folder per feature module', () => {
    const entries = fs.readdirSync(path.join(root, 'src'), { withFileTypes: true });
    const files = entries.filter((e) => e.isFile()).map((e) => e.name).sort();
    expect(files).toEqual(['api.main.ts', 'cluster.main.ts', 'main.ts', 'worker.main.ts']);
    for (const dir of entries.filter((e) => e.isDirectory()).map((e) => e.name)) {
      if (['platform', 'app', 'cli', 'demo'].includes(dir)) continue;
      // A feature folder is a NestJS module: one *.module.ts named after the folder.
      expect(fs.existsSync(path.join(root, 'src', dir, `${dir}.module.ts`)) ? dir : `${dir} (no ${dir}.module.ts)`).toBe(dir);
    }
  });

  it('lets workflow code import only the Temporal SDK, its own folder and the types of the activities it calls', () => {
    // The workflow sandbox runs nothing else; an activity's type describes the call and is erased when compiled.
    const workflows = graphOf('workflows');
    const offending: string[] = [];
    for (const [file, targets] of workflows.edges) {
      const types = workflows.typeOnly.get(file)!;
      for (const target of targets) {
        const to = rel(target);
        if (to.startsWith('workflows/') || (to.startsWith('activities/') && types.has(target))) continue;
        offending.push(`${rel(file)} → ${to}`);
      }
    }
    for (const [file, specs] of workflows.packages) {
      for (const spec of specs) if (!/^@temporalio\/(workflow|common)(\/|$)/.test(spec)) offending.push(`${rel(file)} → ${spec}`);
    }
    expect(offending).toEqual([]);
  });

  it('lets the web app reach the server only through the API: no import leaves web/', () => {
    const web = graphOf('web/src');
    const offending = [...web.edges].flatMap(([file, targets]) => targets.map(rel).filter((t) => !t.startsWith('web/')).map((t) => `${rel(file)} → ${t}`));
    expect(offending).toEqual([]);
  });
});
