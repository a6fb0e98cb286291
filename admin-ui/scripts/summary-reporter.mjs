// A Vitest reporter that ends the run with one plain line, "admin-ui: N passed, N failed[, N skipped]",
// which CI and people can read without knowing Vitest's own summary format.
export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1; // a file that did not load
    }
    failed += unhandledErrors.length;
    const tail = skipped ? `, ${skipped} skipped` : '';
    process.stdout.write(`\nadmin-ui: ${passed} passed, ${failed} failed${tail}\n`);
  }
}
