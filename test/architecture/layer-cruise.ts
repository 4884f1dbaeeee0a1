// Runs dependency-cruiser's API with the repository's rule file (.dependency-cruiser.mjs) and returns each
// violation as one readable line, e.g. "feature-uses-another-feature-through-its-index: src/a.ts → src/b.ts".
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Cruises `roots` (relative to `baseDir`) and lists every rule violation; an empty list means the layers hold. */
export async function layerViolations(baseDir: string, roots: string[]): Promise<string[]> {
  const options = await extractDepcruiseOptions(path.join(repoRoot, '.dependency-cruiser.mjs'));
  const tsConfig = extractTSConfig(path.join(repoRoot, 'tsconfig.json'));
  const { output } = await cruise(roots, { ...options, validate: true, baseDir }, {}, { tsConfig });
  const result = output as ICruiseResult;
  return result.summary.violations.map((violation) => {
    const chain = violation.cycle?.length ? [violation.from, ...violation.cycle.map((step) => step.name)] : [violation.from, violation.to];
    return `${violation.rule.name}: ${chain.join(' → ')}`;
  });
}
