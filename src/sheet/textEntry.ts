/**
 * How text must be entered so that a spreadsheet keeps it as text. Both hosts write user text
 * (scenario names, notes) through {@link literalText}. Pure: no Office, no DOM.
 */

/** A month's name or abbreviation, which Excel reads as part of a date ("Jan 2027", "15 March"). */
const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

/**
 * Text that Excel, entering it as typed, would store as something else than that text:
 * - a formula: Range.values treats a value starting with "+", "-" or "=" as a formula (Office.js
 *   reference, Excel.Range.values), and "@" starts a formula when typed;
 * - a number in disguise: "10%", "$5", "(5)", "1,000";
 * - a date or a time: "2027-01-15", "1/2", "12:30", "Jan 2027", "15 March".
 */
const READ_AS_OTHER: readonly RegExp[] = [
  /^[=+\-@]/,
  /^\(?[$€£¥]?\s*[\d.,]+\s*%?\)?$/,
  /^\d{1,4}\s*[-/.:]\s*\d{1,2}(\s*[-/.:]\s*\d{1,4})?(\s*[ap]m?)?$/i,
  new RegExp(`^(\\d{1,2}[\\s-]+${MONTH}([\\s-]+\\d{1,4})?|${MONTH}[\\s-]+\\d{1,4})$`, "i"),
];

/**
 * Text as it must be entered so that a spreadsheet keeps it as text: a leading "'" where it
 * would otherwise be read as a formula, a number, a date or a logical value. Excel keeps the
 * "'" as the cell's prefix, not in its value (values and formulas read back without it).
 *
 * @example literalText("2025") // "'2025"
 * @example literalText("-10% if the deal closes") // "'-10% if the deal closes"
 * @example literalText("team plan") // "team plan"
 */
export function literalText(text: string): string {
  const trimmed = text.trim();
  const readAsOther =
    text.startsWith("'") ||
    (trimmed !== "" && Number.isFinite(Number(trimmed))) ||
    /^(true|false)$/i.test(trimmed) ||
    READ_AS_OTHER.some((pattern) => pattern.test(trimmed));
  return readAsOther ? `'${text}` : text;
}
