// Runs every rule over one snapshot. A rule whose area was not collected answers `error` naming the reason
// (the permission to grant), and a rule that throws on malformed data answers `error` too: one bad object never
// stops an assessment.
import { ASSESSMENT_RULES, type AssessmentConfig, type AssessmentRule, type RuleOutcome } from './rules/index.js';
import type { TenantSnapshot } from './snapshot.js';

export interface AssessmentResult {
  policyId: string;
  title: string;
  severity: AssessmentRule['severity'];
  references: AssessmentRule['references'];
  result: RuleOutcome;
  details: string;
  evidence: string[];
  remediation: string;
}

function areaProblem(snapshot: TenantSnapshot, rule: AssessmentRule): string | undefined {
  for (const area of rule.areas) {
    const fault = snapshot.faults?.[area];
    if (fault) {
      return fault.status === 'permission_error'
        ? `The ${area} area could not be read: grant the application permission ${fault.permission ?? '(see the collector)'} and sync again.`
        : `The ${area} area could not be read: ${fault.message}`;
    }
    if (snapshot.areas[area] === undefined) return `The snapshot has no ${area} area.`;
  }
  return undefined;
}

export function runRule(rule: AssessmentRule, snapshot: TenantSnapshot, config: AssessmentConfig): AssessmentResult {
  const base = { policyId: rule.id, title: rule.title, severity: rule.severity, references: rule.references, remediation: rule.remediation };
  const problem = areaProblem(snapshot, rule);
  if (problem) return { ...base, result: 'error', details: problem, evidence: [] };
  try {
    return { ...base, ...rule.evaluate(snapshot, config) };
  } catch (error) {
    return { ...base, result: 'error', details: `The rule could not read the snapshot: ${(error as Error).message}`, evidence: [] };
  }
}

export function assessSnapshot(snapshot: TenantSnapshot, config: AssessmentConfig = {}, rules: readonly AssessmentRule[] = ASSESSMENT_RULES): AssessmentResult[] {
  return rules.map((rule) => runRule(rule, snapshot, config));
}

export type ResultSummary = Record<RuleOutcome, number>;

export function summarise(results: readonly AssessmentResult[]): ResultSummary {
  const summary: ResultSummary = { pass: 0, fail: 0, not_applicable: 0, error: 0 };
  for (const r of results) summary[r.result] += 1;
  return summary;
}

export interface ResultComparison {
  /** Policies failing now that did not fail before (passed, were not applicable, or could not be decided). */
  newlyFailing: string[];
  /** Policies that failed before and pass now. */
  fixed: string[];
}

export function compareResults(previous: readonly AssessmentResult[], current: readonly AssessmentResult[]): ResultComparison {
  const before = new Map(previous.map((r) => [r.policyId, r.result]));
  return {
    newlyFailing: current.filter((r) => r.result === 'fail' && before.get(r.policyId) !== 'fail').map((r) => r.policyId),
    fixed: current.filter((r) => r.result === 'pass' && before.get(r.policyId) === 'fail').map((r) => r.policyId),
  };
}
