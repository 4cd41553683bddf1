/**
 * End-to-end tests (npm run test:e2e): the preview build in headless Chromium, and share-safe
 * copies recomputed by LibreOffice Calc (test/share/*.e2e.test.ts, about 20 s of soffice).
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e", "<rootDir>/test/share"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
    "^.+\\.csv$": "<rootDir>/scripts/jest-text-transform.cjs",
  },
  globalSetup: "<rootDir>/test/e2e/support/globalSetup.ts",
  testTimeout: 60_000,
  maxWorkers: 1,
};
