// `m365hub assess`: the assessment rules offline, over a snapshot file, so a team can check a tenant's
// configuration in CI without a tenant or a running hub.
import { readFile } from 'node:fs/promises';
import { assessSnapshot, parseAssessmentConfig, parseSnapshot, summarise } from '../../features/compliance/index.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { EXIT_BAD_USAGE, UsageError } from '../usage-error.js';

/** Exit code when the assessment ran and some policy failed or could not be decided (CI fails the build on it). */
export const EXIT_FINDINGS = 3;

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputFileError(`cannot read the ${what} file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputFileError(`the ${what} file ${path} is not JSON: ${(error as Error).message}`);
  }
}

class InputFileError extends Error {}

export const assessCommand: Command = {
  name: 'assess',
  summary: 'Assess a tenant snapshot file against the SCuBA Entra ID baseline (prints JSON)',
  help: [
    'Usage: m365hub assess --snapshot FILE [--config FILE]',
    '',
    'Evaluates every assessment rule over a snapshot in the hub\'s export format (docs/compliance.md) and prints',
    'the results as JSON: { summary, results: [{ policyId, result, evidence, details, remediation, ... }] }.',
    '',
    '--snapshot FILE  the snapshot (JSON)',
    '--config FILE    accepted exclusions and thresholds (JSON): { "Aad": { "MS.AAD.3.1v1": { "CapExclusions":',
    '                 { "Users": [...], "Groups": [...] } } }, "Hub": { "secureScoreMinimumPercent": 60 } },',
    '                 the shape of ScubaGear\'s configuration file',
    '',
    `Exit codes: 0 every policy passed or is not applicable, ${EXIT_FINDINGS} some policy failed or could not be decided,`,
    '2 the files could not be read or are not a snapshot / configuration.',
  ].join('\n'),
  async run({ argv, stdout, stderr }) {
    const { values } = parseOptions(argv, { snapshot: { type: 'string' }, config: { type: 'string' } });
    if (!values.snapshot) throw new UsageError('--snapshot FILE is required');
    try {
      const snapshot = parseSnapshot(await readJson(values.snapshot, 'snapshot'));
      const config = parseAssessmentConfig(values.config ? await readJson(values.config, 'configuration') : undefined);
      const results = assessSnapshot(snapshot, config);
      const summary = summarise(results);
      stdout(JSON.stringify({ tenantId: snapshot.tenantId ?? null, collectedAt: snapshot.collectedAt ?? null, summary, results }, null, 2));
      return summary.fail + summary.error > 0 ? EXIT_FINDINGS : 0;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (error instanceof InputFileError || code === 'invalid_snapshot' || code === 'invalid_assessment_config') {
        stderr(`m365hub assess: ${(error as Error).message}`);
        return EXIT_BAD_USAGE;
      }
      throw error;
    }
  },
};
