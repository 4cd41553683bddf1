import fc from "fast-check";
import { blendedPrice, DEFAULT_INPUT_SHARE } from "../../src/core";

describe("blendedPrice", () => {
  it("blends 3 input : 1 output by default: GPT-4 at launch, (3 × 30 + 60) / 4 = 37.5", () => {
    expect(DEFAULT_INPUT_SHARE).toBe(0.75);
    expect(blendedPrice(30, 60)).toBe(37.5);
  });

  it("takes another input share: 1:1 as a16z used, (30 + 60) / 2 = 45", () => {
    expect(blendedPrice(30, 60, 0.5)).toBe(45);
  });

  it("gives the output price at share 0 and the input price at share 1", () => {
    expect(blendedPrice(3, 15, 0)).toBe(15);
    expect(blendedPrice(3, 15, 1)).toBe(3);
  });

  it("takes 0 as a real price", () => {
    expect(blendedPrice(0, 8)).toBe(2); // 0.25 × 8
  });

  it.each([
    [-1, 2, 0.75, /^input_price must be 0 or more; got -1/],
    [1, -2, 0.75, /^output_price must be 0 or more; got -2/],
    [Number.NaN, 2, 0.75, /^input_price must be 0 or more/],
    [1, Infinity, 0.75, /^output_price must be 0 or more/],
    [1, 2, 1.5, /^input_share must be from 0 to 1/],
    [1, 2, -0.1, /^input_share must be from 0 to 1/],
    [1, 2, Number.NaN, /^input_share must be from 0 to 1/],
  ])("refuses input %p, output %p, share %p as out of range", (input, output, share, message) => {
    expect(() => blendedPrice(input, output, share)).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(message) }));
  });

  it("property: the blend lies between the two prices", () => {
    const price = fc.double({ min: 0, max: 1000, noNaN: true });
    fc.assert(
      fc.property(price, price, fc.double({ min: 0, max: 1, noNaN: true }), (input, output, share) => {
        const blend = blendedPrice(input, output, share);
        return blend >= Math.min(input, output) * (1 - 1e-15) && blend <= Math.max(input, output) * (1 + 1e-15);
      }),
    );
  });
});
