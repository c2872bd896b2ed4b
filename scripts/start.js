#!/usr/bin/env node
/**
 * `npm start`: serve the add-in on https://localhost:3000 (another port with
 * `npm start -- --port 3001` or ADDIN_PORT=3001), in this one process.
 *
 * - Listens on localhost only. CORS only for Office's own origins (Excel on
 *   the web reads functions.json from its pages), never `*`.
 * - Ends on SIGINT (Ctrl-C) and SIGTERM (`kill <pid>`, `npm stop`): the port
 *   is free when the process is gone, and nothing is left running.
 * - TLS: Microsoft's office-addin-dev-certs makes a local certificate
 *   authority and a localhost certificate in ~/.office-addin-dev-certs, offline.
 *   On Windows and macOS it also makes the system trust the authority (it may
 *   ask for a password). On Linux there is no system step a browser would
 *   read (Chromium and Firefox keep their own certificate stores) and none
 *   that works without administrator rights, so the certificates are made
 *   and the steps to trust them in the browser are printed.
 * - On Windows and macOS, desktop Excel is started with the add-in sideloaded
 *   by Microsoft's office-addin-debugging, fetched by npx at that moment (it
 *   is kept out of the install: it pulls in keytar, a native module that
 *   cannot be built on a fresh Linux machine).
 * - Builds in development mode and serves from memory. The only file it
 *   writes is dist-dev/manifest.xml for its port (to upload in Excel on the
 *   web); dist/ (production builds) is never touched. The development build
 *   on disk is `npm run build:dev` (also into dist-dev/).
 * - Prints its own Swedish lines only; webpack's and the dev server's logs
 *   (English) show errors and warnings and nothing else, unless --verbose.
 * - Writes a note of its process id, which `npm stop` (scripts/stop.js) reads.
 *
 * Options: --port N (or ADDIN_PORT), --no-sideload (serve only, also on
 * Windows and macOS), --output-path DIR (where the manifest is written
 * instead of dist-dev/; the tests use it), --verbose (webpack's full log).
 */
"use strict";

const { X509Certificate } = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawn } = require("node:child_process");
const origins = require("./addin-origin");

const ROOT = path.resolve(__dirname, "..");
const CERT_DIR = () => path.join(os.homedir(), ".office-addin-dev-certs");
const CERT_DAYS = 90;
/** Where a running dev server notes its pid, one file per port (read by scripts/stop.js). */
const STATE_DIR = path.join(ROOT, "node_modules", ".cache", "stimulans");
/** The dev server answers here with its pid, so `npm stop` never signals a stranger. */
const PID_PATH = "/.stimulans/dev-server";

function stateFile(port) {
  return path.join(STATE_DIR, `dev-server-${port}.json`);
}

/** The certificate files and whether they can be used (present, readable, not expiring within a day). */
function certificateStatus(dir = CERT_DIR()) {
  const files = { ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
  try {
    const cert = new X509Certificate(fs.readFileSync(files.cert));
    const ca = new X509Certificate(fs.readFileSync(files.ca));
    fs.accessSync(files.key, fs.constants.R_OK);
    const soon = Date.now() + 24 * 3600 * 1000;
    const usable = new Date(cert.validTo).getTime() > soon && new Date(ca.validTo).getTime() > soon;
    return { files, usable, validTo: cert.validTo };
  } catch {
    return { files, usable: false };
  }
}

/**
 * Makes sure a localhost certificate exists: office-addin-dev-certs creates
 * one (and on Windows/macOS has the system trust its authority). Returns how
 * the dev server will do TLS: "office" (those certificates) or "self-signed"
 * (webpack-dev-server's own, when office-addin-dev-certs is not installed or
 * fails).
 */
async function ensureCertificates(platform = process.platform, log = console.log) {
  const dir = CERT_DIR();
  if (certificateStatus(dir).usable) return { kind: "office", dir, created: false };
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    return { kind: "self-signed", dir, created: false, reason: "office-addin-dev-certs är inte installerat (npm ci)" };
  }
  try {
    if (platform === "win32" || platform === "darwin") {
      await devCerts.ensureCertificatesAreInstalled(CERT_DAYS);
    } else {
      fs.mkdirSync(dir, { recursive: true });
      const status = certificateStatus(dir);
      // It announces itself in English on the console; this script says it in Swedish below.
      const say = console.log;
      console.log = () => {};
      try {
        await devCerts.generateCertificates(status.files.ca, status.files.cert, status.files.key, CERT_DAYS, ["localhost", "127.0.0.1"]);
      } finally {
        console.log = say;
      }
    }
  } catch (e) {
    return { kind: "self-signed", dir, created: false, reason: e instanceof Error ? e.message : String(e) };
  }
  if (!certificateStatus(dir).usable) return { kind: "self-signed", dir, created: false, reason: `inga giltiga certifikat i ${dir}` };
  log(`Skapade ett utvecklingscertifikat för localhost i ${dir} (giltigt i ${CERT_DAYS} dagar).`);
  return { kind: "office", dir, created: true };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** True when nothing listens on `port` on any of localhost's addresses. */
async function portIsFree(port) {
  const net = require("node:net");
  const dns = require("node:dns");
  let addresses;
  try {
    addresses = (await dns.promises.lookup("localhost", { all: true })).map((a) => a.address);
  } catch {
    addresses = ["127.0.0.1"];
  }
  for (const host of addresses) {
    const free = await new Promise((resolve) => {
      const s = net.createServer();
      s.once("error", (e) => resolve(e.code === "EADDRNOTAVAIL" || e.code === "EAFNOSUPPORT"));
      s.listen(port, host, () => s.close(() => resolve(true)));
    });
    if (!free) return false;
  }
  return true;
}

/** The steps printed for a platform: how to trust the certificate and load the add-in. */
function instructions(platform, { port, certs, manifest = path.join("dist-dev", "manifest.xml"), sideload = true }) {
  const origin = origins.devOrigin(port);
  const lines = [`Utvecklingsservern lyssnar på ${origin} (bara den här datorn).`, ""];
  if (certs.kind === "office" && (platform === "win32" || platform === "darwin")) {
    lines.push(
      `Certifikatet (${path.join(certs.dir, "localhost.crt")}) är betrott i systemet genom office-addin-dev-certs;`,
      "Excel och webbläsare som använder systemets certifikat (Edge, Chrome, Safari) litar på det.",
    );
  } else if (certs.kind === "office") {
    const ca = path.join(certs.dir, "ca.crt");
    lines.push(
      "Lita på certifikatet i webbläsaren där du kör Excel på webben (en gång):",
      `  importera ${ca} som betrodd certifikatutfärdare för webbplatser:`,
      "  - Chrome, Chromium, Edge: Inställningar → Sekretess och säkerhet → Säkerhet → Hantera certifikat → Utfärdare → Importera",
      `    (eller i terminalen, med paketet libnss3-tools: certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Stimulans utveckling" -i ${ca})`,
      "  - Firefox: Inställningar → Sekretess och säkerhet → Certifikat → Visa certifikat → Certifikatutfärdare → Importera",
      `  Starta om webbläsaren och öppna ${origin}/support.html: sidan ska visas utan varning.`,
      `  Tillfälligt i stället: öppna ${origin}/taskpane.html och godkänn varningen (Avancerat → Fortsätt till localhost).`,
    );
  } else {
    lines.push(
      `Servern använder ett självsignerat certifikat (${certs.reason ?? "inga utvecklingscertifikat"}).`,
      `Lita på det i webbläsaren där du kör Excel på webben: öppna ${origin}/taskpane.html och godkänn varningen`,
      "(Chrome/Edge: Avancerat → Fortsätt till localhost; Firefox: Avancerat → Acceptera risken och fortsätt).",
      "Varaktigt: npx office-addin-dev-certs install (Windows, macOS) och starta om npm start.",
    );
  }
  lines.push("");
  if (sideload && (platform === "win32" || platform === "darwin")) {
    lines.push("Excel för skrivbordet startar med tillägget (office-addin-debugging).");
  }
  lines.push(
    `Excel på webben: öppna en arbetsbok → Start → Tillägg → Fler tillägg → Mina tillägg → Ladda upp mitt tillägg → välj ${manifest}`,
    `  (manifestet för port ${port}; det skrivs när första bygget är klart).`,
    `Förhandsvisning i webbläsaren: ${origin}/taskpane.html · Hjälpsidan: ${origin}/support.html`,
    "Stoppa: Ctrl-C här, npm stop i en annan terminal, eller kill <pid>.",
  );
  return lines.join("\n");
}

/** The sideloading command on Windows and macOS (none elsewhere). */
function sideloadCommand(platform, { port, manifest }) {
  if (platform !== "win32" && platform !== "darwin") return null;
  return {
    command: "npx",
    args: ["--yes", "office-addin-debugging@7", "start", manifest, "desktop", "--app", "excel", "--dev-server-port", String(port), "--no-debug"],
  };
}

/** The options of `npm start -- …`. */
function parseArgs(argv, env = process.env) {
  const known = new Set(["--port", "--no-sideload", "--output-path", "--verbose"]);
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].split("=")[0];
    if (!known.has(name)) throw new origins.ConfigError(`okänt val ${argv[i]}; npm start tar --port N, --no-sideload, --output-path KATALOG och --verbose.`);
    if ((name === "--port" || name === "--output-path") && !argv[i].includes("=")) i++;
  }
  const at = argv.findIndex((a) => a === "--output-path" || a.startsWith("--output-path="));
  let outputPath = null;
  if (at >= 0) {
    outputPath = argv[at].includes("=") ? argv[at].slice(argv[at].indexOf("=") + 1) : argv[at + 1];
    if (!outputPath) throw new origins.ConfigError("--output-path: ange en katalog.");
    outputPath = path.resolve(outputPath);
  }
  return { port: origins.portFrom(argv, env), sideload: !argv.includes("--no-sideload"), outputPath, verbose: argv.includes("--verbose") };
}

async function main(argv = process.argv.slice(2)) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    console.error(e instanceof origins.ConfigError ? e.stack : String(e));
    process.exit(2);
  }
  const { port } = options;

  const certs = await ensureCertificates();
  // Loaded after the certificates exist: the config picks them up.
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require("../webpack.config.js")({ serve: true, port: String(port) }, { mode: "development" });
  if (options.outputPath) config.output.path = options.outputPath;
  if (!options.verbose) {
    // webpack's and webpack-dev-server's own (English) log: only what is wrong.
    config.infrastructureLogging = { level: "error" };
    // Nothing on success (webpack would say "compiled successfully" after
    // every build); errors and warnings as they come.
    config.stats = { all: false, errors: true, warnings: true };
  }
  const compiler = webpack(config);
  const devServerOptions = {
    ...config.devServer,
    setupMiddlewares: (middlewares, devServer) => {
      const rest = config.devServer.setupMiddlewares ? config.devServer.setupMiddlewares(middlewares, devServer) : middlewares;
      return [
        {
          name: "stimulans-pid",
          path: PID_PATH,
          middleware: (_req, res) => {
            res.setHeader("Content-Type", "application/json");
            res.end(JSON.stringify({ pid: process.pid, port, root: ROOT }));
          },
        },
        ...rest,
      ];
    },
  };
  const server = new WebpackDevServer(devServerOptions, compiler);

  let child = null;
  let stopping = false;
  // Ends at once: the port is freed with the process, and nothing a later
  // start needs is left half-written (a compilation in progress is dropped).
  const stop = () => {
    if (stopping) return;
    stopping = true;
    fs.rmSync(stateFile(port), { force: true });
    if (child && child.exitCode === null) child.kill("SIGTERM");
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, stop);
  // Started by npm, this process runs under `sh -c`, which does not pass a
  // SIGTERM on: when npm and its shell are gone, end too.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid !== parent || !alive(parent)) stop();
    }, 250);
    watch.unref();
  }

  const busy = `Fel: port ${port} används redan. Stoppa det som lyssnar där (npm stop) eller välj en annan port: npm start -- --port ${port + 1} (eller ADDIN_PORT=${port + 1}).`;
  // webpack-dev-server throws a failed listen from a callback, past any
  // catch: find out first (on every address localhost has here).
  if (!(await portIsFree(port))) {
    console.error(busy);
    process.exit(1);
  }
  try {
    await server.start();
  } catch (e) {
    console.error(e && e.code === "EADDRINUSE" ? busy : `Fel: utvecklingsservern kunde inte starta: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  fs.mkdirSync(STATE_DIR, { recursive: true });
  fs.writeFileSync(stateFile(port), JSON.stringify({ pid: process.pid, port, root: ROOT, started: new Date().toISOString() }));
  console.log(instructions(process.platform, { port, certs, manifest: path.relative(process.cwd(), path.join(config.output.path, "manifest.xml")), sideload: options.sideload }));
  console.log(`Process ${process.pid}. Bygger …`);

  let first = true;
  compiler.hooks.done.tap("stimulans-start", (stats) => {
    const ok = !stats.hasErrors();
    console.log(ok ? `Klar: ${origins.devOrigin(port)}/taskpane.html` : "Bygget har fel; se ovan. Servern väntar på ändringar.");
    if (!first || stopping) return;
    first = false;
    const sideload = options.sideload ? sideloadCommand(process.platform, { port, manifest: path.join(config.output.path, "manifest.xml") }) : null;
    if (ok && sideload) {
      child = spawn(sideload.command, sideload.args, { stdio: "inherit", shell: process.platform === "win32", cwd: ROOT });
      child.on("error", (e) => console.error(`office-addin-debugging kunde inte starta: ${e.message}`));
    }
  });
}

if (require.main === module) void main();

module.exports = { alive, portIsFree, parseArgs, instructions, sideloadCommand, ensureCertificates, certificateStatus, stateFile, STATE_DIR, PID_PATH, CERT_DAYS };
