/**
 * End-to-end tests (npm run test:e2e): the built page in headless Chromium
 * (test/e2e/harness.ts). Kept apart from `npm test`, which must not need a
 * browser; CI runs both.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...require("./jest.config.js"),
  testMatch: ["**/test/e2e/**/*.e2e.ts"],
  testTimeout: 120_000,
  maxWorkers: 1,
};
