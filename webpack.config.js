/*
 * Builds the Excel add-in into dist/:
 *   taskpane.html   one page for the shared runtime: office.js (CDN) +
 *                   functions.js + taskpane.js
 *   functions.js    custom functions (src/functions/functions.ts)
 *   functions.json  custom-functions metadata (English, the default),
 *                   generated from the JSDoc in src/functions/functions.ts
 *                   (the build fails on errors)
 *   functions-sv.json  the same metadata with Swedish names and descriptions
 *                   from src/functions/sv.ts; manifest.xml selects it for sv-SE
 *   taskpane.js     React/Fluent UI task pane shell (src/taskpane/index.tsx);
 *                   it reuses the modules of functions.js (dependOn), so
 *                   the page holds one copy of the core
 *   chunks/*.js     the task pane's views and the preview grid, each loaded
 *                   when first opened
 *   preview.html    the same page with office.js from the @microsoft/office-js
 *                   package (office-js/) instead of Microsoft's CDN: the
 *                   browser preview without Excel, and the end-to-end tests
 *   assets/*, manifest.xml, support.html   copied as they are
 *
 *   npm run build      production build
 *   npm run build:dev  development build (source maps)
 *   npm start          dev server on https://localhost:3000 (see devServerHttps)
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const ts = require("typescript");
const { Compilation, NormalModule, WebpackError, sources } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const FUNCTIONS_ENTRY = "./src/functions/functions.ts";
const FUNCTIONS_METADATA = "functions.json";
const FUNCTIONS_METADATA_SV = "functions-sv.json";
const SV_TABLE = path.resolve(__dirname, "src/functions/sv.ts");
const DEV_PORT = 3000;
/** Where Office requires add-ins to load office.js from. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The copy of office.js (npm package @microsoft/office-js) that preview.html loads. */
const OFFICE_JS_LOCAL = "office-js/office.js";
/** Files of @microsoft/office-js/dist that office.js loads in a plain browser (see test/e2e). */
const OFFICE_JS_FILES = ["office.js", "o15apptofilemappingtable.js"];

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

/**
 * Loads src/functions/sv.ts (the Swedish names and descriptions, and
 * `localiseMetadata`) at build time. sv.ts has no imports, so transpiling it
 * on its own is enough; it is read afresh on every compilation so
 * `npm start` picks up edits.
 */
function loadSvTable() {
  const source = fs.readFileSync(SV_TABLE, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: SV_TABLE,
  });
  const mod = { exports: {} };
  const noImports = (id) => {
    throw new Error(`src/functions/sv.ts must not import anything (it imports ${id})`);
  };
  new Function("module", "exports", "require", outputText)(mod, mod.exports, noImports);
  return mod.exports;
}

/**
 * Emits functions-sv.json: the English functions.json (emitted by
 * CustomFunctionsMetadataPlugin) with the Swedish names and descriptions of
 * src/functions/sv.ts. A function or parameter missing from the table (or a
 * stale entry in it) fails the build. Must come after
 * CustomFunctionsMetadataPlugin in `plugins`.
 */
class SwedishMetadataPlugin {
  apply(compiler) {
    const name = "SwedishMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(SV_TABLE);
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const english = compilation.getAsset(FUNCTIONS_METADATA);
        if (!english) return; // the metadata plugin has already reported why
        try {
          const { localiseMetadata } = loadSvTable();
          const swedish = localiseMetadata(JSON.parse(english.source.source().toString()));
          compilation.emitAsset(FUNCTIONS_METADATA_SV, new sources.RawSource(JSON.stringify(swedish, null, 4)));
        } catch (e) {
          compilation.errors.push(new WebpackError(`${name}: ${e instanceof Error ? e.message : String(e)}`));
        }
      });
    });
  }
}

/**
 * The dev server's TLS setup, chosen without any network access:
 * - when the Office development certificates exist (created once by
 *   `npx office-addin-dev-certs install`, which also makes the OS trust
 *   them: what sideloading into Excel on Windows/macOS needs), use them;
 * - otherwise let webpack-dev-server generate a self-signed certificate
 *   (offline, cached in node_modules/.cache/webpack-dev-server). Browsers
 *   and Office do not trust it until you accept or install it; the task
 *   pane preview then works at https://localhost:3000/taskpane.html.
 */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    return {
      type: "https",
      options: Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)])),
    };
  }
  return "https";
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      // src/runtime.ts registers the functions (FUNCTIONS_ENTRY) and is the
      // task pane's one way into the core, so the page's one copy of the
      // core is built, concatenated and minified together.
      functions: "./src/runtime.ts",
      // The task pane reuses every module the functions bundle already has
      // (the core, the agreements, the reference data): one copy, loaded
      // once, evaluated once. functions.js keeps the webpack runtime, so it
      // still runs on its own (test/excel-host loads it alone).
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: the manifest points at functions.js and functions.json.
      filename: "[name].js",
      // Views are loaded when opened (React.lazy): one chunk per view.
      chunkFilename: dev ? "chunks/[name].js" : "chunks/[name].[contenthash:8].js",
      // Chunks are loaded relative to the page (taskpane.html at the root),
      // whatever origin serves it. "auto" would probe document.currentScript,
      // which a VM (the test host) or a worker does not have.
      publicPath: "",
      clean: true,
      // Always write the outputs, even when unchanged, so their time stamps
      // say which sources they were built from (the tests check freshness).
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Second: makeStyles() calls in the task pane become precompiled
            // class maps at build time (as Fluent's own components ship), so
            // the page needs no CSS-in-JS compiler at run time.
            { loader: "@griffel/webpack-loader" },
            {
              loader: "ts-loader",
              options: {
                // Type checking is done by `tsc --noEmit` in `npm run lint`.
                transpileOnly: true,
                // tsconfig.json emits CommonJS for Node (jest, tsx); the bundle
                // needs ES modules so webpack can tree-shake Fluent UI.
                compilerOptions: { module: "esnext", sourceMap: dev },
              },
            },
          ],
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: FUNCTIONS_METADATA,
        input: FUNCTIONS_ENTRY,
      }),
      new KeepExplicitAssociationsPlugin(),
      new SwedishMetadataPlugin(),
      // The page Office loads (shared runtime: the functions and the task
      // pane run in this one page), and the same page for the browser
      // preview and the tests, with office.js from the npm package.
      ...[
        { filename: "taskpane.html", officeJs: OFFICE_JS_CDN },
        { filename: "preview.html", officeJs: OFFICE_JS_LOCAL },
      ].map(
        ({ filename, officeJs }) =>
          new HtmlWebpackPlugin({
            filename,
            template: "./src/taskpane/taskpane.html",
            templateParameters: { officeJs },
            chunks: ["functions", "taskpane"],
            chunksSortMode: "manual",
            // Adds ?<hash> to the script URLs so Office's cache sees new builds.
            hash: !dev,
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          // URLs stay https://localhost:3000 for now (see manifest.xml).
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/taskpane/support.html", to: "support.html" },
          // office.js for preview.html: the loader and the files it fetches
          // outside Office (its Swedish and English strings).
          ...OFFICE_JS_FILES.map((f) => ({
            from: `node_modules/@microsoft/office-js/dist/${f}`,
            to: `office-js/${f}`,
            // Microsoft's file as published: not minified again.
            info: { minimized: true },
          })),
        ],
      }),
    ],
    performance: {
      // The page's real budget is checked gzipped by scripts/bundle-size.js
      // (`npm run size`, test/bundle-size.test.ts); this only warns about a
      // minified file growing far beyond today's (functions.js about 285 KiB).
      // Dev builds are unminified and always "too big", so no hints there.
      hints: dev ? false : "warning",
      maxEntrypointSize: 700 * 1024,
      maxAssetSize: 700 * 1024,
    },
    devServer: {
      port: DEV_PORT,
      // https, because manifest.xml points at https://localhost:3000 and
      // Office loads add-ins only over https. See devServerHttps().
      server: devServerHttps(),
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};
