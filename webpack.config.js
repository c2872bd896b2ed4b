/*
 * Builds the Excel add-in into dist/:
 *   taskpane.html   one page for the shared runtime: office.js (CDN) +
 *                   functions.js + taskpane.js
 *   functions.js    custom functions (src/functions/functions.ts)
 *   functions.json  custom-functions metadata, generated from the JSDoc in
 *                   src/functions/functions.ts (the build fails on errors)
 *   taskpane.js     React/Fluent UI task pane (src/taskpane/index.tsx)
 *   assets/*, manifest.xml, support.html   copied as they are
 *
 *   npm run build      production build
 *   npm run build:dev  development build (source maps)
 *   npm start          dev server on port 3000
 */
"use strict";

const path = require("node:path");
const { NormalModule } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const FUNCTIONS_ENTRY = "./src/functions/functions.ts";
const DEV_PORT = 3000;

/**
 * custom-functions-metadata-plugin also adds a loader that appends an
 * unguarded `CustomFunctions.associate(id, fn)` for every @customfunction to
 * functions.ts. functions.ts registers its functions itself (guarded, so the
 * module also loads in Node tests and in the plain-browser preview, and
 * checked by test/functions-metadata.test.ts), so this plugin removes that
 * loader again: each function is associated exactly once. The metadata
 * (functions.json) is still generated, and errors still fail the build.
 * Must come after CustomFunctionsMetadataPlugin in `plugins`.
 */
class KeepExplicitAssociationsPlugin {
  apply(compiler) {
    const name = "KeepExplicitAssociationsPlugin";
    const autoAssociateLoader = require.resolve("custom-functions-metadata-plugin/lib/loader.js");
    compiler.hooks.compilation.tap(name, (compilation) => {
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap(name, (_loaders, module) => {
        module.loaders = module.loaders.filter((l) => l.loader !== autoAssociateLoader);
      });
    });
  }
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: the manifest points at functions.js and functions.json.
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is done by `tsc --noEmit` in `npm run lint`.
              transpileOnly: true,
              // tsconfig.json emits CommonJS for Node (jest, tsx); the bundle
              // needs ES modules so webpack can tree-shake Fluent UI.
              compilerOptions: { module: "esnext", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTIONS_ENTRY,
      }),
      new KeepExplicitAssociationsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions and the task pane run in this one page.
        chunks: ["functions", "taskpane"],
        // Adds ?<hash> to the script URLs so Office's cache sees new builds.
        hash: !dev,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          // URLs stay https://localhost:3000 for now (see manifest.xml).
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/taskpane/support.html", to: "support.html" },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI v9 is about 320 KiB minified (about 100 KiB gzipped);
      // warn only if the production task pane grows well beyond that. Dev
      // builds are unminified and always "too big", so no hints there.
      hints: dev ? false : "warning",
      maxEntrypointSize: 700 * 1024,
      maxAssetSize: 700 * 1024,
    },
    devServer: {
      port: DEV_PORT,
      // Plain http for now. Office only loads add-ins over https, so
      // sideloading into Excel needs certificates; the sideload issue will
      // switch this to `server: { type: "https", options: { key, cert, ca } }`.
      // Until then `npm start` is for the browser preview at
      // http://localhost:3000/taskpane.html.
      server: "http",
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};
