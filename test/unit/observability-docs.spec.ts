// The example alert rules and Grafana dashboard (docs/observability/) are documents operators load as they are: they
// must parse, every expression must be PromQL that Prometheus's own parser reads, and every metric they name must be
// one the code registers (api.metrics.ts, worker.metrics.ts, Node's process metrics) or the Temporal SDK exports,
// so that a renamed metric fails here rather than leaving an alert that never fires.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import type { Registry } from 'prom-client';
import { parse as parseYaml } from 'yaml';
import { apiRegistry } from '../../src/platform/metrics/api.metrics';
import { workerRegistry } from '../../src/platform/metrics/worker.metrics';
import { projectRoot } from '../../src/platform/runtime/project-paths';

const root = projectRoot();
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const CHINESE = /[\u4e00-\u9fff]/;

interface Rule {
  alert?: unknown;
  expr?: unknown;
  for?: unknown;
  labels?: { severity?: unknown };
  annotations?: { summary?: unknown; description?: unknown };
}

/** Our metrics by the names that appear in a scrape (a histogram's _bucket, _sum and _count), with their label names. */
function registered(...registries: Registry[]): Map<string, readonly string[]> {
  const names = new Map<string, readonly string[]>();
  for (const registry of registries) {
    for (const metric of registry.getMetricsAsArray()) {
      const { name, labelNames } = metric as unknown as { name: string; labelNames: string[] };
      const type = (metric as unknown as { type?: string }).type;
      const exposed = type === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : type === 'summary' ? [name, `${name}_sum`, `${name}_count`] : [name];
      for (const n of exposed) names.set(n, type === 'histogram' && n.endsWith('_bucket') ? [...labelNames, 'le'] : labelNames);
    }
  }
  return names;
}

/**
 * The Temporal SDK's metric names, read from the Rust sources of the core it runs (shipped in the package), with the
 * `temporal_` prefix the exporter adds, as counters, gauges or histograms.
 */
function temporalSdkMetrics(): Set<string> {
  const dir = path.join(root, 'node_modules/@temporalio/core-bridge/sdk-core/crates');
  const sources = ['sdk-core/src/telemetry/metrics.rs', 'common/src/telemetry/metrics.rs'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  const names = new Set<string>();
  for (const [, name] of sources.matchAll(/"([a-z][a-z0-9_]+)"/g)) {
    for (const suffix of ['', '_bucket', '_sum', '_count']) names.add(`temporal_${name}${suffix}`);
  }
  return names;
}

interface Selector {
  metric: string;
  labels: string[];
}

/** PromQL parse errors (as the text at fault) and the metric selectors of `expr`. */
function promql(expr: string): { errors: string[]; selectors: Selector[] } {
  const errors: string[] = [];
  const selectors: Selector[] = [];
  const cursor = parser.parse(expr).cursor();
  do {
    const node = cursor.node;
    if (node.type.isError) errors.push(`at ${node.from}: ${JSON.stringify(expr.slice(Math.max(0, node.from - 20), node.to + 20))}`);
    if (node.type.name === 'VectorSelector') {
      const metric = node.getChild('Identifier');
      const labels: string[] = [];
      const matchers = node.getChild('LabelMatchers');
      if (matchers) {
        const inner = matchers.cursor();
        do if (inner.type.name === 'LabelName') labels.push(expr.slice(inner.from, inner.to));
        while (inner.next() && inner.from < matchers.to);
      }
      if (metric) selectors.push({ metric: expr.slice(metric.from, metric.to), labels });
    }
  } while (cursor.next());
  return { errors, selectors };
}

const ours = registered(apiRegistry, workerRegistry);
const sdk = temporalSdkMetrics();
/** Labels every scraped series gets from Prometheus's target. */
const TARGET_LABELS = ['job', 'instance'];

/** What is wrong with the metrics `expr` names: an unknown metric, or one of ours matched on a label it does not have. */
function unknownNames(expr: string): string[] {
  const problems: string[] = [];
  for (const { metric, labels } of promql(expr).selectors) {
    if (metric === 'up') continue; // Prometheus's own, per target.
    if (sdk.has(metric)) continue;
    const labelNames = ours.get(metric);
    if (!labelNames) {
      problems.push(metric);
      continue;
    }
    for (const label of labels) if (!labelNames.includes(label) && !TARGET_LABELS.includes(label)) problems.push(`${metric}{${label}}`);
  }
  return problems;
}

describe('docs/observability/prometheus-alerts.yml', () => {
  const doc = parseYaml(read('docs/observability/prometheus-alerts.yml')) as { groups: { name: string; rules: Rule[] }[] };
  const rules = doc.groups.flatMap((g) => g.rules.map((rule) => ({ group: g.name, rule })));

  it('parses as Prometheus rule groups with alerts in each', () => {
    expect(doc.groups.length).toBeGreaterThan(0);
    for (const group of doc.groups) {
      expect(typeof group.name).toBe('string');
      expect(group.rules.length).toBeGreaterThan(0);
    }
    const names = rules.map(({ rule }) => rule.alert);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every rule a name, an expression, a severity and a Chinese summary and description', () => {
    for (const { rule } of rules) {
      const where = String(rule.alert);
      expect({ where, alert: rule.alert }).toEqual({ where, alert: expect.stringMatching(/^Chuangwen[A-Za-z0-9]+$/) });
      expect({ where, expr: typeof rule.expr === 'string' && rule.expr.trim() !== '' }).toEqual({ where, expr: true });
      expect({ where, severity: rule.labels?.severity }).toEqual({ where, severity: expect.stringMatching(/^(critical|warning|info)$/) });
      expect({ where, summary: rule.annotations?.summary }).toEqual({ where, summary: expect.stringMatching(CHINESE) });
      expect({ where, description: rule.annotations?.description }).toEqual({ where, description: expect.stringMatching(CHINESE) });
      if (rule.for !== undefined) expect({ where, for: rule.for }).toEqual({ where, for: expect.stringMatching(/^\d+[smh]$/) });
    }
  });

  it('writes every expression in PromQL that Prometheus parses', () => {
    expect(rules.map(({ rule }) => ({ alert: rule.alert, errors: promql(String(rule.expr)).errors }))).toEqual(rules.map(({ rule }) => ({ alert: rule.alert, errors: [] })));
  });

  it('names only metrics (and their labels) that the code registers or the Temporal SDK exports', () => {
    expect(rules.map(({ rule }) => ({ alert: rule.alert, unknown: unknownNames(String(rule.expr)) }))).toEqual(rules.map(({ rule }) => ({ alert: rule.alert, unknown: [] })));
  });

  it('alerts on what the deployment guide promises', () => {
    const exprs = rules.map(({ rule }) => String(rule.expr)).join('\n');
    for (const metric of [
      'chuangwen_graphql_operations_total',
      'chuangwen_graphql_operation_duration_seconds_bucket',
      'chuangwen_sign_in_failures_total',
      'chuangwen_notification_deliveries_total',
      'temporal_workflow_task_execution_failed',
      'temporal_workflow_task_schedule_to_start_latency_bucket',
    ]) {
      expect(exprs).toContain(metric);
    }
    expect(exprs).toContain('up{job="chuangwen-worker"}');
  });
});

describe('docs/observability/grafana-dashboard.json', () => {
  interface Panel {
    id: number;
    type: string;
    title: string;
    gridPos: { x: number; y: number; w: number; h: number };
    targets?: { refId: string; expr: string }[];
  }
  const dashboard = JSON.parse(read('docs/observability/grafana-dashboard.json')) as { uid: string; title: string; schemaVersion: number; panels: Panel[]; templating: { list: { name: string }[] } };
  const graphs = dashboard.panels.filter((p) => p.type !== 'row');
  const targets = graphs.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

  it('is a Grafana dashboard with a title, a uid, unique panel ids and panels on the 24-column grid', () => {
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(dashboard.title).toMatch(CHINESE);
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(30);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of dashboard.panels) expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
    // Every panel has at least one query, each with its own refId.
    for (const p of graphs) {
      expect({ panel: p.title, queries: (p.targets ?? []).length > 0 }).toEqual({ panel: p.title, queries: true });
      expect(new Set(p.targets!.map((t) => t.refId)).size).toBe(p.targets!.length);
    }
    // The variables the queries use are defined.
    const used = new Set(targets.flatMap((t) => [...t.expr.matchAll(/\$([a-z_]+)/g)].map((m) => m[1])));
    const defined = new Set(dashboard.templating.list.map((v) => v.name));
    expect([...used].filter((v) => !defined.has(v))).toEqual([]);
  });

  it('writes every query in PromQL that Prometheus parses', () => {
    expect(targets.map((t) => ({ ...t, errors: promql(t.expr).errors }))).toEqual(targets.map((t) => ({ ...t, errors: [] })));
  });

  it('names only metrics (and their labels) that the code registers or the Temporal SDK exports', () => {
    expect(targets.map((t) => ({ panel: t.panel, unknown: unknownNames(t.expr) }))).toEqual(targets.map((t) => ({ panel: t.panel, unknown: [] })));
  });

  it('shows every metric the code registers for the API and the worker', () => {
    const exprs = targets.map((t) => t.expr).join('\n');
    const mine = [...ours.keys()].filter((n) => !/^chuangwen_(process|nodejs)_/.test(n)).map((n) => n.replace(/_(bucket|sum|count)$/, ''));
    expect([...new Set(mine)].filter((n) => !exprs.includes(n))).toEqual([]);
  });
});

describe('the metric names in docs/deployment.md', () => {
  const text = read('docs/deployment.md');
  // A histogram is documented by its name, without the _bucket, _sum and _count a scrape shows.
  const known = (name: string) => ours.has(name) || ours.has(`${name}_bucket`);

  it('are the ones the code registers', () => {
    const named = [...new Set([...text.matchAll(/\bchuangwen_[a-z0-9_]+/g)].map((m) => m[0]))];
    expect(named.length).toBeGreaterThan(0);
    // `chuangwen_process_…` stands for prom-client's process metrics.
    expect(named.filter((n) => !known(n) && !/_$/.test(n))).toEqual([]);
  });

  it('include every metric of ours beside the process metrics', () => {
    const mine = new Set([...ours.keys()].filter((n) => !/^chuangwen_(process|nodejs)_/.test(n)).map((n) => n.replace(/_(bucket|sum|count)$/, '')));
    expect([...mine].filter((n) => !text.includes(`\`${n}\``))).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find a PromQL syntax error, an unknown metric and an unknown label', () => {
    expect(promql('sum(rate(chuangwen_graphql_operations_total[5m]) >').errors).not.toEqual([]);
    expect(unknownNames('rate(chuangwen_graphql_requests_total[5m])')).toEqual(['chuangwen_graphql_requests_total']);
    expect(unknownNames('rate(chuangwen_graphql_operations_total{status="OK"}[5m])')).toEqual(['chuangwen_graphql_operations_total{status}']);
    expect(unknownNames('rate(temporal_workflow_task_execution_failed{job="w"}[5m]) + on() temporal_no_such_metric')).toEqual(['temporal_no_such_metric']);
    expect(unknownNames('histogram_quantile(0.9, sum by (le) (rate(chuangwen_event_append_duration_seconds_bucket{le="1"}[5m])))')).toEqual([]);
  });
});
