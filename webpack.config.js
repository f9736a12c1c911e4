/**
 * Web build of the add-in into dist-web/ (dist/ is tsc's output for the CLI):
 * - taskpane.html hosts the task pane AND the BUDGET custom functions in one shared runtime
 *   (manifest.xml <Runtimes>), so both bundles are injected into that one page;
 * - functions.js is the custom functions; CustomFunctionsMetadataPlugin turns the JSDoc of
 *   functions/functions.ts into functions.json and appends the CustomFunctions.associate calls;
 * - assets/*.png are copied for the manifest's icons.
 * ts-loader runs with transpileOnly (type checking is `npm run typecheck`), so the build is fast.
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const OUT = path.resolve(__dirname, 'dist-web');

/** Copies assets/*.png into the output without another dependency. */
class CopyIconsPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('CopyIconsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyIconsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const dir = path.resolve(__dirname, 'assets');
        for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.png'))) {
          const file = path.join(dir, f);
          compilation.fileDependencies.add(file);
          compilation.emitAsset(`assets/${f}`, new RawSource(fs.readFileSync(file)));
        }
      });
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode === 'development';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './taskpane/index.tsx',
      functions: './functions/functions.ts',
    },
    // Office's webviews (Edge WebView2, Safari) have globalThis: no `new Function("return this")` fallback.
    output: { path: OUT, filename: '[name].js', chunkFilename: '[name].js', clean: true, environment: { globalThis: true } },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules let webpack drop the parts of Fluent UI the pane does not use.
              compilerOptions: { module: 'es2020', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['taskpane', 'functions'],
      }),
      new CopyIconsPlugin(),
    ],
    optimization: {
      // Terser's compress drops the exports webpack marked unused (without it all of Fluent's icons stay).
      minimizeOptions: { javascript: { ecma: 2020, module: true, compress: { passes: 3, pure_getters: true }, mangle: true } },
      // Modules the first render already loaded (react, griffel, the button) are not shipped
      // again in the chunks fetched after it (webpack 5 no longer removes them by default).
      removeAvailableModules: true,
      // One webpack runtime for the page, and the engine (src/core + decimal.js) as one chunk
      // that the pane and the custom functions share. The first render needs only the shell
      // (taskpane.js); the pane (pane.js, pane-vendor.js) follows at once; docx on demand.
      runtimeChunk: 'single',
      splitChunks: {
        cacheGroups: {
          engine: { test: /[\\/](src[\\/]core|node_modules[\\/]decimal\.js)[\\/]/, name: 'engine', chunks: 'initial', enforce: true },
          // The docx package, fetched with docx.js on the download click only.
          docxLib: { test: /[\\/]node_modules[\\/](docx|jszip)[\\/]/, name: 'docx-lib', chunks: 'async', priority: 20, enforce: true },
          // Fluent components of the pane (App.tsx), fetched right after the first render.
          paneVendor: { test: /[\\/]node_modules[\\/]/, name: 'pane-vendor', chunks: 'async', priority: 10, enforce: true },
        },
      },
    },
    performance: { hints: false },
    stats: 'errors-warnings',
    infrastructureLogging: { level: 'error' },
  };
};
