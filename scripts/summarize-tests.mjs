// Reads the JSON reports of every runner in a folder and prints one summary line
// per runner and, last, "N passed, N failed[, N skipped]" for the whole suite.
// Exits non-zero if anything failed or a runner left no report.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const runners = [
  ['unit', 'unit.json', gtest],
  ['api-sqlite', 'api-sqlite.json', gtest],
  ['api-postgresql', 'api-postgresql.json', gtest],
  ['web (vitest)', 'vitest.json', vitest],
  ['browser (playwright)', 'playwright.json', playwright],
];

function gtest(r) {
  let passed = 0, failed = 0, skipped = 0;
  for (const suite of r.testsuites ?? []) {
    for (const t of suite.testsuite ?? []) {
      if (t.result === 'SKIPPED') skipped++;
      else if (t.failures?.length) failed++;
      else passed++;
    }
  }
  return { passed, failed, skipped };
}
function vitest(r) {
  return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0), skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
}
function playwright(r) {
  const s = r.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

let passed = 0, failed = 0, skipped = 0;
for (const [name, file, parse] of runners) {
  const path = join(dir, file);
  let c;
  if (!existsSync(path)) {
    c = { passed: 0, failed: 1, skipped: 0 };
    console.log(`${name.padEnd(22)} no report (the runner crashed or did not run): counted as 1 failure`);
  } else {
    c = parse(JSON.parse(readFileSync(path, 'utf8')));
    console.log(`${name.padEnd(22)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  }
  passed += c.passed; failed += c.failed; skipped += c.skipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
