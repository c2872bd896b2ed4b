/*
 * Builds the Excel add-in into dist/:
 *   taskpane.html   one page for the shared runtime: office.js (CDN) +
 *                   functions.js + taskpane.js
 *   functions.js    custom functions (src/functions/functions.ts)
 *   functions.json  custom-functions metadata (English, the default),
 *                   generated from the JSDoc in src/functions/functions.ts
 *                   (the build fails on errors), with a help link per function
 *   functions-sv.json  the same metadata with Swedish names and descriptions
 *                   from src/functions/sv.ts; manifest.xml selects it for sv-SE
 *   functions.js    built from src/runtime.ts: registers the custom functions
 *                   and exports what the task pane uses from the core
 *   taskpane.js     React/Fluent UI task pane shell (src/taskpane/index.tsx);
 *                   it reuses the modules of functions.js (dependOn), so
 *                   the page holds one copy of the core
 *   chunks/*.js     the task pane's views and the preview grid, each loaded
 *                   when first opened
 *   preview.html    the same page with office.js from the @microsoft/office-js
 *                   package (office-js/) instead of Microsoft's CDN: the
 *                   browser preview without Excel, and the end-to-end tests
 *   support.html    the help page, written from the metadata and the examples
 *                   computed by this build's functions.js (scripts/support-page.js)
 *   manifest.xml    manifest.xml with every URL on the origin built for
 *   assets/*        icons
 *
 * Where it is served from (scripts/addin-origin.js):
 *   ADDIN_ORIGIN=https://stimulans.example.org npm run build
 *                      production build for that origin (required; an origin
 *                      on this machine or over http is refused)
 *   npm run build:dev  development build (source maps, not minified) for
 *                      https://localhost:3000, into dist-dev/
 *   npm start          dev server on https://localhost:3000 (scripts/start.js;
 *                      --port or ADDIN_PORT for another port); it serves from
 *                      memory and writes only dist-dev/manifest.xml
 * Development output (--mode development) goes to dist-dev/, production output
 * to dist/: `npm start` and `npm run build:dev` never touch a production build.
 * `webpack --mode production` without --env release (what `npm test` and the
 * bench run) builds minified code for the dev server's origin, into dist/.
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { Compilation, NormalModule, WebpackError, sources } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const origins = require("./scripts/addin-origin");
const supportPage = require("./scripts/support-page");

const FUNCTIONS_ENTRY = "./src/functions/functions.ts";
const FUNCTIONS_METADATA = "functions.json";
const FUNCTIONS_METADATA_SV = "functions-sv.json";
const SV_TABLE = path.resolve(__dirname, "src/functions/sv.ts");
const HELP_EXAMPLES = path.resolve(__dirname, "src/functions/help.ts");
const SUPPORT_TEMPLATE = path.resolve(__dirname, "src/taskpane/support.html");
const MANIFEST = path.resolve(__dirname, "manifest.xml");
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

/** Adds `helpUrl` (the function's section of the help page) to every function. */
function withHelpUrls(metadata, base) {
  return { ...metadata, functions: metadata.functions.map((f) => ({ ...f, helpUrl: `${base}/support.html#${f.id}` })) };
}

/**
 * Finishes the metadata emitted by CustomFunctionsMetadataPlugin: adds each
 * function's help link on the origin built for, and emits functions-sv.json,
 * the English metadata with the Swedish names and descriptions of
 * src/functions/sv.ts (read afresh on every compilation so `npm start` picks
 * up edits). A function or parameter missing from the table (or a stale
 * entry in it) fails the build. Must come after CustomFunctionsMetadataPlugin.
 */
class FunctionsMetadataPlugin {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    const name = "FunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(SV_TABLE);
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const english = compilation.getAsset(FUNCTIONS_METADATA);
        if (!english) return; // the metadata plugin has already reported why
        try {
          const { localiseMetadata } = supportPage.loadPlainTsModule(SV_TABLE);
          const metadata = withHelpUrls(JSON.parse(english.source.source().toString()), this.base);
          compilation.updateAsset(FUNCTIONS_METADATA, new sources.RawSource(JSON.stringify(metadata, null, 4)));
          compilation.emitAsset(FUNCTIONS_METADATA_SV, new sources.RawSource(JSON.stringify(localiseMetadata(metadata), null, 4)));
        } catch (e) {
          compilation.errors.push(new WebpackError(`${name}: ${e instanceof Error ? e.message : String(e)}`));
        }
      });
    });
  }
}

/**
 * src/sheets, src/agreements and the demo scenario at build time, for the
 * help page's table examples: bundled together by esbuild (one copy of the
 * core for all three) and run here; read afresh on every compilation.
 */
function sourceLoader() {
  let modules;
  return (name) => {
    if (!modules) {
      const { outputFiles } = require("esbuild").buildSync({
        stdin: {
          contents: 'export * as sheets from "./src/sheets"; export * as agreements from "./src/agreements"; export * as demo from "./src/agreements/demo";',
          resolveDir: __dirname,
          loader: "ts",
        },
        bundle: true,
        platform: "node",
        format: "cjs",
        target: "node20",
        write: false,
        logLevel: "silent",
      });
      const mod = { exports: {} };
      new Function("module", "exports", "require", outputFiles[0].text)(mod, mod.exports, require);
      modules = mod.exports;
    }
    return modules[name];
  };
}

/**
 * Writes support.html (scripts/support-page.js) once functions.js is final:
 * the examples of src/functions/help.ts are computed by running that very
 * bundle, so the page shows what ships.
 */
class SupportPagePlugin {
  apply(compiler) {
    const name = "SupportPagePlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      for (const f of [HELP_EXAMPLES, SUPPORT_TEMPLATE, MANIFEST]) compilation.fileDependencies.add(f);
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const asset = (file) => compilation.getAsset(file)?.source.source().toString();
        const [code, en, sv, manifest] = ["functions.js", FUNCTIONS_METADATA, FUNCTIONS_METADATA_SV, "manifest.xml"].map(asset);
        if (!code || !en || !sv || !manifest) return; // an earlier step failed and said why
        try {
          const english = JSON.parse(en);
          const examples = supportPage.resolveExamples(supportPage.loadPlainTsModule(HELP_EXAMPLES).HELP_EXAMPLES, sourceLoader());
          const functions = supportPage.loadBundle(code, "sv-SE");
          const outcomes = examples.map((ex) => {
            const meta = english.functions.find((f) => f.id === ex.id);
            if (!meta) throw new Error(`src/functions/help.ts: ${ex.id} is not in functions.json`);
            return supportPage.runExample(functions, ex, meta);
          });
          const html = supportPage.renderSupportPage({
            template: fs.readFileSync(SUPPORT_TEMPLATE, "utf8"),
            english,
            swedish: JSON.parse(sv),
            examples,
            outcomes,
            labels: supportPage.manifestLabels(manifest),
            version: require("./package.json").version,
          });
          compilation.emitAsset("support.html", new sources.RawSource(html));
        } catch (e) {
          compilation.errors.push(new WebpackError(`${name}: ${e instanceof Error ? e.message : String(e)}`));
        }
      });
    });
  }
}

/**
 * The dev server's TLS certificate, chosen without any network access: the
 * Office development certificates in ~/.office-addin-dev-certs when they
 * exist (scripts/start.js creates them with office-addin-dev-certs, which on
 * Windows and macOS also makes the system trust them); otherwise
 * webpack-dev-server's own self-signed certificate.
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

/**
 * CORS for the dev server: Excel on the web reads functions.json from its
 * own pages, so Office's origins (and the add-in's own) get their origin
 * back in Access-Control-Allow-Origin; anything else gets no CORS header.
 * Never `*`.
 */
function corsMiddleware(ownOrigin) {
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.setHeader("Vary", "Origin");
    if (origins.corsAllowed(origin, ownOrigin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      if (req.method === "OPTIONS") {
        res.statusCode = 204;
        res.end();
        return;
      }
    }
    next();
  };
}

/** The live-reload client, for the task pane's page only (see `entry`). */
function liveReloadClient(port) {
  const query = new URLSearchParams({
    protocol: "wss:",
    hostname: "localhost",
    port: String(port),
    pathname: "/ws",
    logging: "info",
    overlay: "true",
    reconnect: "10",
    hot: "false",
    "live-reload": "true",
  });
  return `${require.resolve("webpack-dev-server/client/index.js")}?${query}`;
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serve = Boolean(env.WEBPACK_SERVE || env.serve);
  const port = env.port !== undefined ? origins.parsePort(env.port, "--env port") : origins.portFrom([], process.env);
  // The dev server always serves itself; a build targets ADDIN_ORIGIN when
  // given (required for --env release) and the dev server's origin otherwise.
  const target = serve ? { ...origins.buildTarget({ env: {}, port }) } : origins.buildTarget({ release: Boolean(env.release), env: process.env, port });
  const taskpaneEntry = "./src/taskpane/index.tsx";
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      // src/runtime.ts registers the functions (FUNCTIONS_ENTRY) and is the
      // task pane's one way into the core, so the page's one copy of the
      // core is built, concatenated and minified together.
      functions: "./src/runtime.ts",
      // The page hosts the functions too (shared runtime), so a reload of the
      // task pane reloads both; functions.js stays free of dev-server code,
      // which lets the build run it for the help page's examples. The task
      // pane reuses every module functions.js already has (the core, the
      // agreements, the reference data): one copy, loaded and evaluated once.
      // functions.js keeps the webpack runtime, so it still runs on its own
      // (test/excel-host and the help page load it alone).
      taskpane: { import: serve ? [liveReloadClient(port), taskpaneEntry] : taskpaneEntry, dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, dev ? "dist-dev" : "dist"),
      // Fixed names: the manifest points at functions.js and functions.json.
      filename: "[name].js",
      // Views are loaded when opened (React.lazy): one chunk per view.
      chunkFilename: dev ? "chunks/[name].js" : "chunks/[name].[contenthash:8].js",
      // Chunks are loaded relative to the page (taskpane.html at the root),
      // whatever origin serves it. "auto" would probe document.currentScript,
      // which a VM (the test host, the help page's build step) does not have.
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
                // needs ES modules so webpack can tree-shake.
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
      new FunctionsMetadataPlugin(target.base),
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
          // Every URL moved to the origin built for; a production manifest
          // that still points at this machine fails the build.
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => origins.manifestFor(content.toString(), target) },
          // office.js for preview.html: the loader and the file it fetches
          // outside Office.
          ...OFFICE_JS_FILES.map((f) => ({
            from: `node_modules/@microsoft/office-js/dist/${f}`,
            to: `office-js/${f}`,
            // Microsoft's file as published: not minified again.
            info: { minimized: true },
          })),
        ],
      }),
      new SupportPagePlugin(),
    ],
    // Builds keep their compiled modules on disk (build/webpack-cache, beside
    // the CLI's build output): \`npm test\`'s build and the production build
    // that test/manifest.test.ts makes share them, and a later build
    // recompiles only what changed. Starting afresh whenever this file,
    // tsconfig.json or the lock file changes. The dev server keeps its cache
    // in memory.
    cache: serve
      ? undefined
      : {
          type: "filesystem",
          cacheDirectory: path.resolve(__dirname, "build", "webpack-cache"),
          buildDependencies: { config: [__filename, path.resolve(__dirname, "tsconfig.json"), path.resolve(__dirname, "package-lock.json")] },
        },
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
      // Only this machine can connect; Office and the browser reach it as
      // https://localhost (the certificate's name).
      host: "localhost",
      port,
      // https, because Office loads add-ins only over https. See devServerHttps().
      server: devServerHttps(),
      static: false,
      // The live-reload client is in the task pane's entry (see `entry`).
      client: false,
      hot: false,
      liveReload: true,
      // scripts/start.js stops the server itself on SIGINT and SIGTERM.
      setupExitSignals: false,
      // The manifest for this port on disk, to upload in Excel on the web.
      devMiddleware: { writeToDisk: (file) => path.basename(file) === "manifest.xml" },
      setupMiddlewares: (middlewares) => [{ name: "stimulans-cors", middleware: corsMiddleware(target.origin) }, ...middlewares],
    },
  };
};

module.exports.withHelpUrls = withHelpUrls;
