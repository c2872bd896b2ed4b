/**
 * What the three Jest suites share (jest.config.js, jest.interop.config.js,
 * jest.e2e.config.js).
 *
 * TypeScript is only transpiled here, file by file (ts-jest with
 * isolatedModules): type-checking every test file in every worker took most
 * of `npm test`'s time. The types of src/, test/, bench/ and scripts/ are
 * checked once by `tsc --noEmit -p tsconfig.json` in `npm run lint`.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { isolatedModules: true } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};
