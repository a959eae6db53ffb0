// The whole test suite: gates (typecheck, lint, format, build) and the
// Vitest projects (unit, e2e). Ends with one line, "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return result.status === 0;
}

function gate(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed++;
  else failed++;
  console.log(`--- ${label}: ${ok ? 'ok' : 'MISLUKT'}`);
  return ok;
}

function vitest(project) {
  const out = `test-results/${project}.json`;
  const ok = run(`vitest ${project}`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  if (!existsSync(out)) {
    failed++;
    console.log(`--- vitest ${project}: no report written`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load counts as a failure even when no test ran in it.
  const broken = report.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  failed += broken;
  if (!ok && report.numFailedTests === 0 && broken === 0) failed++;
  console.log(
    `--- vitest ${project}: ${report.numPassedTests} passed, ${report.numFailedTests + broken} failed`,
  );
}

gate('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
gate('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
gate('format', 'npx', ['prettier', '--check', '.']);
vitest('unit');
const built = gate('build', 'npx', ['vite', 'build']);
const browser = gate('chromium', 'bash', ['tests/scripts/ensure-chromium.sh']);
if (built && browser) vitest('e2e');
else {
  failed++;
  console.log('--- e2e: skipped because the build or Chromium is missing');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
