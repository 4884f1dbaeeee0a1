// What an assessment rule is: a small module that decides one policy from a snapshot and the operator's
// configuration, naming the objects that decided it (evidence) and how to fix a failure.
import type { AreaName, TenantSnapshot } from '../snapshot.js';
import type { AssessmentConfig } from './assessment-config.js';

export type RuleOutcome = 'pass' | 'fail' | 'not_applicable' | 'error';
export type RuleSeverity = 'high' | 'medium' | 'low';

export interface RuleReferences {
  /** CISA SCuBA policy id, versioned as SCuBA versions it (MS.AAD.3.1v1). */
  scuba?: string;
  /** CIS Microsoft 365 Foundations Benchmark recommendation. */
  cis?: string;
  /** Microsoft Learn page the remediation follows. */
  docs?: string;
}

export interface Verdict {
  result: RuleOutcome;
  details: string;
  /** Ids of the Graph objects that decided the result (policies, users, roles, domains …). */
  evidence: string[];
}

export interface AssessmentRule {
  id: string;
  title: string;
  severity: RuleSeverity;
  references: RuleReferences;
  /** Areas the rule reads; when one could not be collected the rule answers `error` naming the reason. */
  areas: readonly AreaName[];
  remediation: string;
  evaluate(snapshot: TenantSnapshot, config: AssessmentConfig): Verdict;
}

export const verdict = (result: RuleOutcome, details: string, evidence: string[] = []): Verdict => ({ result, details, evidence });

/** Policies of the baseline that Graph data cannot decide: reported, never guessed. */
export function manualCheck(
  rule: Omit<AssessmentRule, 'evaluate' | 'areas'>,
  reason: string,
): AssessmentRule {
  return { ...rule, areas: [], evaluate: () => verdict('not_applicable', `Manual check: ${reason}`) };
}
