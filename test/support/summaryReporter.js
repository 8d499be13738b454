/**
 * A jest reporter that writes the run's totals as JSON to $JEST_JSON_REPORT (when set), so CI can print
 * "tests: N passed, M failed" without parsing jest's human summary.
 */
const fs = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.JEST_JSON_REPORT;
    if (!file) return;
    const { numPassedTests, numFailedTests, numPendingTests, numTotalTests, numRuntimeErrorTestSuites } = results;
    fs.writeFileSync(file, JSON.stringify({ numPassedTests, numFailedTests, numPendingTests, numTotalTests, numRuntimeErrorTestSuites }));
  }
}

module.exports = SummaryReporter;
