/**
 * Interop tests (`npm run test:interop`): generated workbooks opened, edited
 * and re-saved by other programs (LibreOffice, openpyxl), and recomputed by
 * HyperFormula with the built functions bundle. Each program is found on
 * PATH or through an environment variable (test/support/programs.ts).
 * @type {import('jest').Config}
 */
module.exports = {
  ...require("./jest.base.config.js"),
  roots: ["<rootDir>/test/interop"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 180000,
};
