/* Builds the add-in (task pane, custom functions, manifest) and, except in the
 * production add-in build, the preview workbook. The ribbon button only shows the task pane, so
 * there is no commands script: the shared runtime loads functions and task pane in one page.
 *
 *   webpack --mode production                 the add-in for deployment: dist/, every
 *                                             https://localhost:3000/ in the manifest rewritten to
 *                                             AICOST_PRODUCTION_URL, no preview, no HyperFormula
 *   webpack --mode development                everything, localhost URLs (npm run build:dev)
 *   webpack --mode production --env preview   everything minified, localhost URLs (npm start)
 */
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { AicostMetadataOptionsPlugin } = require("./scripts/functions-metadata.cjs");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PRODUCTION_URL = "https://aicost.example.com/";

/** Rewrites every development URL; String.replace with a string would change only the first.
 * Bare origins (the manifest's AppDomain) become the production URL's origin. */
function toProductionUrls(manifest, productionUrl) {
  const devOrigin = new URL(DEV_URL).origin;
  return manifest.split(DEV_URL).join(productionUrl).split(devOrigin).join(new URL(productionUrl).origin);
}

module.exports = (env = {}, argv = {}) => {
  const development = argv.mode === "development";
  const productionAddin = !development && !env.preview;
  const productionUrl = env.productionUrl || process.env.AICOST_PRODUCTION_URL || DEFAULT_PRODUCTION_URL;
  if (productionAddin && productionUrl === DEFAULT_PRODUCTION_URL) {
    console.warn(
      `\nWARNING: no production URL given, so dist/manifest.xml points at the placeholder ${DEFAULT_PRODUCTION_URL}.\n` +
        "Before deploying, build with AICOST_PRODUCTION_URL=https://your.host/path/ npm run build.\n",
    );
  }
  if (productionAddin && !/^https:\/\/.+\/$/.test(productionUrl)) {
    throw new Error(`The production URL must start with https:// and end with /; got ${productionUrl}`);
  }

  const entry = {
    taskpane: "./src/taskpane/index.ts",
    functions: "./src/functions/functions.ts",
  };
  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane", "functions"],
      // In Office, office.js comes from Microsoft's CDN; the preview build serves the npm copy.
      templateParameters: { officeJsUrl: productionAddin ? "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" : "office-js/office.js" },
    }),
  ];
  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    // The manifest's SupportUrl and Get Started link.
    { from: "src/help.html", to: "help.html" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => (productionAddin ? toProductionUrls(content.toString(), productionUrl) : content),
    },
  ];
  if (!productionAddin) {
    entry.preview = "./src/preview/index.ts";
    pages.push(
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/preview/index.html",
        chunks: ["preview"],
      }),
    );
    copies.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: "office-js",
      // office.js may not be modified, and minifying 27 MB would take a minute.
      info: { minimized: true },
    });
  }

  return {
    mode: development ? "development" : "production",
    devtool: "source-map",
    entry,
    output: {
      path: path.resolve(__dirname, env.outputPath || "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } } },
        { test: /\.css$/, type: "asset/source" },
        // The price catalog (data/prices.csv) is bundled as text and parsed on first use.
        { test: /\.csv$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __AICOST_PREVIEW__: JSON.stringify(!productionAddin) }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new AicostMetadataOptionsPlugin("functions.json"),
      ...pages,
      new CopyWebpackPlugin({ patterns: copies }),
    ],
  };
};

module.exports.toProductionUrls = toProductionUrls;
module.exports.DEV_URL = DEV_URL;
