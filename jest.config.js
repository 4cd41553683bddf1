/** Unit and integration tests. The browser end-to-end tests run with `npm run test:e2e`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["<rootDir>/test/e2e/", "\\.e2e\\.test\\.ts$"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
    // data/prices.csv is imported as text, as webpack's asset/source rule does.
    "^.+\\.csv$": "<rootDir>/scripts/jest-text-transform.cjs",
  },
  // office-addin-mock reaches an ESM-only package through office-addin-manifest; it only needs
  // the OfficeApp enum (see docs/TOOLCHAIN notes in the README).
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
