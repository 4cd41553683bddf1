/** Browser end-to-end tests: the preview build in headless Chromium (npm run test:e2e). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  globalSetup: "<rootDir>/test/e2e/support/globalSetup.ts",
  testTimeout: 60_000,
  maxWorkers: 1,
};
