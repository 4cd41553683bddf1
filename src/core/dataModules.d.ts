/** data/*.csv files come in as their text (webpack asset/source; scripts/jest-text-transform.cjs; scripts/register-text-modules.cjs). */
declare module "*.csv" {
  const text: string;
  export default text;
}
