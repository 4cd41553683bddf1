import fc from "fast-check";
import { checkPreferences, parsePreferences } from "../../src/sheet/preferences";
import { DEFAULT_PREFERENCES } from "../../src/sheet/port";

describe("parsePreferences", () => {
  it("keeps valid stored preferences, including 'no reference price' (null)", () => {
    expect(parsePreferences({ referencePriceUsd: null, horizonMonths: 1200 })).toEqual({ referencePriceUsd: null, horizonMonths: 1200 });
    expect(parsePreferences({ referencePriceUsd: 0.25, horizonMonths: 1 })).toEqual({ referencePriceUsd: 0.25, horizonMonths: 1 });
  });

  it.each([undefined, null, "x", 42, [], [1, 2]])("gives the defaults for %p", (stored) => {
    expect(parsePreferences(stored)).toEqual(DEFAULT_PREFERENCES);
  });

  it("replaces each bad field on its own and drops unknown fields", () => {
    expect(parsePreferences({ referencePriceUsd: 0, horizonMonths: 12, extra: true })).toEqual({ referencePriceUsd: null, horizonMonths: 12 });
    expect(parsePreferences({ referencePriceUsd: 3, horizonMonths: 1201 })).toEqual({ referencePriceUsd: 3, horizonMonths: 36 });
    expect(parsePreferences({ referencePriceUsd: Number.POSITIVE_INFINITY, horizonMonths: "36" })).toEqual(DEFAULT_PREFERENCES);
  });

  it("always returns preferences that checkPreferences accepts (property)", () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const preferences = parsePreferences(stored);
        expect(checkPreferences(preferences)).toEqual(preferences);
      }),
    );
  });
});

describe("checkPreferences", () => {
  it.each([
    [{ referencePriceUsd: -2, horizonMonths: 36 }, /reference price must be a number of dollars above 0; got -2/],
    [{ referencePriceUsd: Number.NaN, horizonMonths: 36 }, /got NaN/],
    [{ referencePriceUsd: null, horizonMonths: 0 }, /horizon must be a whole number of months from 1 to 1200; got 0/],
    [{ referencePriceUsd: null, horizonMonths: 6.5 }, /got 6.5/],
  ])("refuses %p", (preferences, message) => {
    expect(() => checkPreferences(preferences)).toThrow(message);
  });
});
