// Node preload for scripts run with tsx (npm run bench): require("...csv") gives the file's text, as
// webpack's asset/source rule does in the bundle. Use: NODE_OPTIONS="--require <this file>".
const { readFileSync } = require("node:fs");

require.extensions[".csv"] = (module, filename) => {
  module.exports = readFileSync(filename, "utf8");
};
