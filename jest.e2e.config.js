/**
 * End-to-end tests (`npm run test:e2e`): the built add-in (dist/) in headless
 * Chromium. Run one file at a time: each starts a browser.
 * @type {import('jest').Config}
 */
module.exports = {
  ...require("./jest.base.config.js"),
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  testTimeout: 120000,
  maxWorkers: 1,
};
