import fc from "fast-check";
import { checkUsage, inferenceCostUsd, type InferenceUsage } from "../../src/core";
import { closeTo } from "./presets";

function usage(overrides: Partial<InferenceUsage>): InferenceUsage {
  return {
    inputTokens: 0,
    outputTokens: 0,
    inputUsdPerMillionTokens: 0,
    outputUsdPerMillionTokens: 0,
    cachedShare: 0,
    cachedInputUsdPerMillionTokens: 0,
    ...overrides,
  };
}

describe("inferenceCostUsd", () => {
  it("2M input at $3 and 0.5M output at $15: (2e6 * 3 + 5e5 * 15) / 1e6 = 6 + 7.5 = $13.50", () => {
    const cost = inferenceCostUsd(usage({ inputTokens: 2e6, outputTokens: 5e5, inputUsdPerMillionTokens: 3, outputUsdPerMillionTokens: 15, cachedInputUsdPerMillionTokens: 3 }));
    expect(cost).toBeCloseTo(13.5, 12);
  });

  it("60% cached at a tenth of the price: (0.4 * 1e6 * 3 + 0.6 * 1e6 * 0.3 + 2e5 * 15) / 1e6 = 1.2 + 0.18 + 3 = $4.38", () => {
    const cost = inferenceCostUsd(
      usage({ inputTokens: 1e6, outputTokens: 2e5, inputUsdPerMillionTokens: 3, outputUsdPerMillionTokens: 15, cachedShare: 0.6, cachedInputUsdPerMillionTokens: 0.3 }),
    );
    expect(cost).toBeCloseTo(4.38, 12);
  });

  it("scales by the price factor: $13.50 at baseline's 12-month factor 0.109 = $1.4715", () => {
    const cost = inferenceCostUsd(usage({ inputTokens: 2e6, outputTokens: 5e5, inputUsdPerMillionTokens: 3, outputUsdPerMillionTokens: 15 }), 0.109);
    expect(cost).toBeCloseTo(1.4715, 12);
  });

  it("is 0 for no tokens", () => {
    expect(inferenceCostUsd(usage({ inputUsdPerMillionTokens: 3, outputUsdPerMillionTokens: 15 }))).toBe(0);
  });

  const volume = fc.double({ min: 0, max: 1e9, noNaN: true });
  const usdPerMillion = fc.double({ min: 0, max: 100, noNaN: true });
  const share = fc.double({ min: 0, max: 1, noNaN: true });
  const prices = fc.record({
    inputUsdPerMillionTokens: usdPerMillion,
    outputUsdPerMillionTokens: usdPerMillion,
    cachedShare: share,
    cachedInputUsdPerMillionTokens: usdPerMillion,
  });

  it("property: linear in volumes, scaling both token counts by k scales the cost by k", () => {
    fc.assert(
      fc.property(prices, volume, volume, fc.double({ min: 0, max: 1000, noNaN: true }), (price, input, output, k) => {
        const once = inferenceCostUsd({ ...price, inputTokens: input, outputTokens: output });
        const scaled = inferenceCostUsd({ ...price, inputTokens: k * input, outputTokens: k * output });
        return closeTo(scaled, k * once, 1e-12) || Math.abs(scaled - k * once) < 1e-300;
      }),
    );
  });

  it("property: additive over volumes, cost(a + b) = cost(a) + cost(b)", () => {
    fc.assert(
      fc.property(prices, volume, volume, volume, volume, (price, inputA, outputA, inputB, outputB) => {
        const together = inferenceCostUsd({ ...price, inputTokens: inputA + inputB, outputTokens: outputA + outputB });
        const apart = inferenceCostUsd({ ...price, inputTokens: inputA, outputTokens: outputA }) + inferenceCostUsd({ ...price, inputTokens: inputB, outputTokens: outputB });
        return closeTo(together, apart, 1e-12) || Math.abs(together - apart) < 1e-300;
      }),
    );
  });

  it("property: caching at the input price changes nothing", () => {
    fc.assert(
      fc.property(volume, volume, usdPerMillion, usdPerMillion, share, (input, output, inputPrice, outputPrice, cachedShare) => {
        const plain = inferenceCostUsd(usage({ inputTokens: input, outputTokens: output, inputUsdPerMillionTokens: inputPrice, outputUsdPerMillionTokens: outputPrice }));
        const cached = inferenceCostUsd(
          usage({ inputTokens: input, outputTokens: output, inputUsdPerMillionTokens: inputPrice, outputUsdPerMillionTokens: outputPrice, cachedShare, cachedInputUsdPerMillionTokens: inputPrice }),
        );
        return closeTo(cached, plain, 1e-12) || Math.abs(cached - plain) < 1e-300;
      }),
    );
  });
});

describe("checkUsage", () => {
  it("returns a usage in its domain unchanged", () => {
    const valid = usage({ inputTokens: 1, cachedShare: 1 });
    expect(checkUsage(valid)).toBe(valid);
  });

  it.each<[Partial<InferenceUsage>, RegExp]>([
    [{ inputTokens: -1 }, /input_tokens must be 0 or more; got -1/],
    [{ outputTokens: -2 }, /output_tokens must be 0 or more; got -2/],
    [{ inputUsdPerMillionTokens: -3 }, /input_price must be 0 or more; got -3/],
    [{ outputUsdPerMillionTokens: -4 }, /output_price must be 0 or more; got -4/],
    [{ cachedInputUsdPerMillionTokens: -5 }, /cached_input_price must be 0 or more; got -5/],
    [{ cachedShare: -0.1 }, /cached_share must be from 0 to 1 .*got -0.1/],
    [{ cachedShare: 1.5 }, /cached_share must be from 0 to 1 .*got 1.5/],
    [{ cachedShare: Number.NaN }, /cached_share must be from 0 to 1/],
  ])("rejects %p as out of range", (overrides, message) => {
    expect(() => checkUsage(usage(overrides))).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(message) }));
  });
});
