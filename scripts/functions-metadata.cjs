// functions.json as AICOST ships it: the metadata custom-functions-metadata generates from the
// JSDoc of src/functions/functions.ts, plus the top-level options its generator cannot set.
//
// allowErrorForDataTypeAny: without it Excel does not hand a custom function an error that sits
// in a range or in an `any` argument; with it, the error arrives as a value and AICOST passes it
// on unchanged, as Excel's own functions do ("Errors as custom function inputs" in Microsoft's
// "Handle and return errors from your custom function"; the option is documented for
// hand-written metadata only, which is why the build adds it to the generated file).
const { sources } = require("webpack");

const AICOST_METADATA_OPTIONS = { allowErrorForDataTypeAny: true };

/** The generated metadata JSON text with AICOST's top-level options added. */
function withAicostOptions(metadataJson) {
  const metadata = JSON.parse(metadataJson);
  return JSON.stringify({ ...metadata, ...AICOST_METADATA_OPTIONS }, null, 4);
}

/** A webpack plugin that rewrites the functions.json asset made by custom-functions-metadata-plugin. */
class AicostMetadataOptionsPlugin {
  constructor(assetName = "functions.json") {
    this.assetName = assetName;
  }

  apply(compiler) {
    const name = "AicostMetadataOptionsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.assetName);
        if (asset === undefined) {
          compilation.errors.push(new compiler.webpack.WebpackError(`${name}: no ${this.assetName} was generated`));
          return;
        }
        compilation.updateAsset(this.assetName, new sources.RawSource(withAicostOptions(asset.source.source().toString())));
      });
    });
  }
}

module.exports = { AICOST_METADATA_OPTIONS, withAicostOptions, AicostMetadataOptionsPlugin };
