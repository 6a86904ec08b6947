#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need, then runs typecheck, lint, unit tests,
# the build and the end-to-end tests against a real OBS in Chromium. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh
npm ci --no-audit --no-fund
rm -rf reports
mkdir -p reports

status=0
npm run typecheck || status=1
npm run lint || status=1
npm run test:unit -- --reporter=default --reporter=json --outputFile.json=reports/unit.json || status=1
if npm run build; then
  npm run test:e2e || status=1
else
  status=1
fi
node scripts/summarize-tests.mjs reports/unit.json reports/e2e.json || status=1
exit $status
