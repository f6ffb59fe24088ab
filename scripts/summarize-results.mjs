// Reads the suite list written by scripts/test-all.sh (.tmp/results/suites.tsv) and the JSON
// reports the suites wrote next to it, prints the failures, a per-suite table and, as the very
// last line, `N passed, N failed` with totals over all suites. Exits 1 if anything failed.
//
// Counting rules:
//   check       1 test: passed if the command exited 0, failed otherwise;
//   vitest      numPassedTests / numFailedTests from the JSON report, plus 1 per test file that
//               failed outside any test (import error, failing beforeAll);
//   playwright  stats.expected + stats.flaky passed, stats.unexpected failed;
//   a suite without a readable report counts as 1 failed, and a suite that exited non-zero
//   without any failed test in its report (a file that did not load, a web server that did not
//   start, a timeout) counts as at least 1 failed, so the totals agree with the exit code.
//
// Plain JavaScript on purpose: it must run on whatever Node is first on the PATH.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const suitesFile = process.argv[2] ?? '.tmp/results/suites.tsv';

/** @param {string} file */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** @param {unknown} n */
function num(n) {
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/**
 * @param {any} report
 * @returns {string[]}
 */
function vitestFailures(report) {
  const out = [];
  for (const file of report?.testResults ?? []) {
    const name = String(file.name ?? '').replace(process.cwd() + '/', '');
    let any = false;
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'failed') {
        any = true;
        out.push(`${name} > ${t.fullName ?? t.title}`);
      }
    }
    if (!any && file.status === 'failed') {
      const msg = String(file.message ?? '').split('\n')[0];
      out.push(`${name}: ${msg || 'failed to run'}`);
    }
  }
  return out;
}

/**
 * @param {any} report
 * @returns {string[]}
 */
function playwrightFailures(report) {
  const out = [];
  // spec.file is relative to the test directory (config.rootDir); show it from the repository root.
  const rootDir = report?.config?.rootDir;
  /** @param {string} file */
  const show = (file) => (rootDir ? relative(process.cwd(), join(rootDir, file)) : file);
  /** @param {any} suite @param {string[]} path */
  const walk = (suite, path) => {
    const here = suite.title && !String(suite.title).endsWith('.ts') ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected') {
          out.push(`${show(spec.file)}:${spec.line} > ${[...here, spec.title].join(' > ')}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const s of report?.suites ?? []) walk(s, []);
  for (const e of report?.errors ?? []) {
    out.push(`error: ${String(e.message ?? e.value ?? e).split('\n')[0]}`);
  }
  return out;
}

const rows = [];
let lines;
try {
  lines = readFileSync(suitesFile, 'utf8').split('\n').filter(Boolean);
} catch {
  lines = [];
  console.log(`(no suite list at ${suitesFile})`);
}

for (const line of lines) {
  const [id = '?', label = id, kind = '', reportFile = '', rcText = '1', secondsText = '0', note = ''] =
    line.split('\t');
  const rc = Number(rcText);
  const row = {
    id,
    label,
    passed: 0,
    failed: 0,
    skipped: 0,
    seconds: Number(secondsText),
    notes: [],
    failures: [],
  };
  if (note) row.notes.push(note);
  if (rc === 124) row.notes.push('timed out');
  else if (rc === 137) row.notes.push('killed');

  if (kind === 'check') {
    if (rc === 0) row.passed = 1;
    else {
      row.failed = 1;
      row.notes.push(`exit ${rc}`);
    }
  } else if (kind === 'vitest' || kind === 'playwright') {
    const report = reportFile ? readJson(reportFile) : undefined;
    if (report === undefined) {
      row.failed = 1;
      if (!note) row.notes.push(`no report (exit ${rc})`);
    } else if (kind === 'vitest') {
      row.passed = num(report.numPassedTests);
      // A test file that failed outside any test (an import error, a failing beforeAll) has no
      // failed test in numFailedTests: count each such file as one failure.
      const brokenFiles = (report.testResults ?? []).filter(
        (/** @type {any} */ f) =>
          f.status === 'failed' &&
          !(f.assertionResults ?? []).some((/** @type {any} */ t) => t.status === 'failed'),
      ).length;
      row.failed = num(report.numFailedTests) + brokenFiles;
      row.skipped = num(report.numPendingTests) + num(report.numTodoTests);
      row.failures = vitestFailures(report);
      if (brokenFiles > 0) row.notes.push(`${brokenFiles} file(s) failed to run`);
      if (rc !== 0 && row.failed === 0) {
        row.failed = 1;
        row.notes.push(`exit ${rc}`);
      }
      if (num(report.numTotalTests) === 0) row.notes.push('no tests');
    } else {
      const stats = report.stats ?? {};
      row.passed = num(stats.expected) + num(stats.flaky);
      row.failed = num(stats.unexpected);
      row.skipped = num(stats.skipped);
      if (num(stats.flaky) > 0) row.notes.push(`${num(stats.flaky)} flaky`);
      row.failures = playwrightFailures(report);
      if (rc !== 0 && row.failed === 0) {
        row.failed = 1;
        row.notes.push(`exit ${rc}`);
      }
      if (row.passed + row.failed + row.skipped === 0) row.notes.push('no tests');
    }
  } else {
    row.failed = rc === 0 ? 0 : 1;
    row.passed = rc === 0 ? 1 : 0;
  }
  rows.push(row);
}

const withFailures = rows.filter((r) => r.failures.length > 0);
if (withFailures.length > 0) {
  console.log('');
  console.log('Failures:');
  for (const r of withFailures) {
    const shown = r.failures.slice(0, 30);
    for (const f of shown) console.log(`  [${r.label}] ${f}`);
    if (r.failures.length > shown.length)
      console.log(`  [${r.label}] ... and ${r.failures.length - shown.length} more`);
  }
}

const total = { passed: 0, failed: 0 };
const width = Math.max(24, ...rows.map((r) => r.label.length));
const fmtTime = (/** @type {number} */ s) =>
  s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
console.log('');
console.log(
  `${'suite'.padEnd(width)}  ${'passed'.padStart(6)}  ${'failed'.padStart(6)}  ${'skipped'.padStart(7)}  ${'time'.padStart(6)}  result`,
);
for (const r of rows) {
  total.passed += r.passed;
  total.failed += r.failed;
  const result = (r.failed > 0 ? 'FAIL' : 'ok') + (r.notes.length ? ` (${r.notes.join('; ')})` : '');
  console.log(
    `${r.label.padEnd(width)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${fmtTime(r.seconds).padStart(6)}  ${result}`,
  );
}
if (rows.length === 0) total.failed = 1;
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed > 0 ? 1 : 0;
