// Jest transform for data/*.csv: the module's value is the file's text, as webpack's asset/source
// rule makes it in the bundle.
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)};` };
  },
};
