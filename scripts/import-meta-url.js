// esbuild inject for CommonJS bundles: ESM dependencies (tinyglobby → fdir) read import.meta.url.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
