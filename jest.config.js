/** @type {import('jest').Config} */
module.exports = {
  ...require("./jest.base.config.js"),
  roots: ["<rootDir>/test"],
  // Suites that need other programs run in npm run test:interop and test:e2e.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/interop/", "<rootDir>/test/e2e/"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Jest's default is one worker per core but one; on a 2-core machine that
  // is a single worker, idle while a test waits on a child process (the CLI,
  // the dev server). Two at least.
  maxWorkers: Math.max(2, require("node:os").availableParallelism() - 1),
  // office-addin-mock needs only the OfficeApp enum from office-addin-manifest,
  // whose main module pulls in ESM-only packages Jest 29 cannot load: point
  // Jest at the enum's own (CommonJS) module.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js" },
};
