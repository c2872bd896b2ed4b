#!/usr/bin/env node
/**
 * `npm stop`: stops the dev servers `npm start` started from this checkout,
 * on every platform (`npm stop -- --port 3001` for one of them).
 *
 * scripts/start.js notes its pid per port in node_modules/.cache/stimulans/.
 * Before signalling, this asks the server on that port for its pid
 * (https://localhost:<port>/.stimulans/dev-server), so a stale note whose
 * pid now belongs to another program is never acted on. On Windows and
 * macOS it also ends the sideloading session of office-addin-debugging
 * (fetched by npx, as `npm start` does).
 */
"use strict";

const fs = require("node:fs");
const https = require("node:https");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { ConfigError, portFrom } = require("./addin-origin");
const { STATE_DIR, PID_PATH, alive } = require("./start");

const ROOT = path.resolve(__dirname, "..");

/** The pid the dev server on `port` reports, or null when nothing of ours answers. */
function askPid(port) {
  return new Promise((resolve) => {
    const req = https.get(
      // The dev server's own certificate may not be trusted by Node: this
      // request goes to this machine only and carries nothing.
      { host: "localhost", port, path: PID_PATH, rejectUnauthorized: false, timeout: 3000 },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => {
          try {
            const info = JSON.parse(body);
            resolve(info.root === ROOT && Number.isInteger(info.pid) ? info.pid : null);
          } catch {
            resolve(null);
          }
        });
      },
    );
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

async function waitForExit(pid, ms) {
  const until = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

async function main(argv = process.argv.slice(2)) {
  let only = null;
  try {
    if (argv.some((a) => a === "--port" || a.startsWith("--port="))) only = portFrom(argv, {});
  } catch (e) {
    console.error(e instanceof ConfigError ? e.stack : String(e));
    process.exit(2);
  }
  const notes = fs.existsSync(STATE_DIR) ? fs.readdirSync(STATE_DIR).filter((f) => /^dev-server-\d+\.json$/.test(f)) : [];
  let stopped = 0;
  let failed = 0;
  for (const file of notes) {
    const full = path.join(STATE_DIR, file);
    let note;
    try {
      note = JSON.parse(fs.readFileSync(full, "utf8"));
    } catch {
      fs.rmSync(full, { force: true });
      continue;
    }
    if (only !== null && note.port !== only) continue;
    const pid = await askPid(note.port);
    if (pid === null || pid !== note.pid) {
      // Nothing of ours on that port: the note is stale.
      fs.rmSync(full, { force: true });
      continue;
    }
    process.kill(pid, "SIGTERM");
    if (await waitForExit(pid, 15000)) {
      console.log(`Stoppade utvecklingsservern på https://localhost:${note.port} (process ${pid}).`);
      stopped++;
    } else {
      console.error(`Fel: process ${pid} (port ${note.port}) avslutades inte inom 15 sekunder.`);
      failed++;
    }
    fs.rmSync(full, { force: true });
  }
  if (stopped === 0 && failed === 0) console.log(only === null ? "Ingen utvecklingsserver från npm start är igång." : `Ingen utvecklingsserver från npm start på port ${only}.`);

  if (process.platform === "win32" || process.platform === "darwin") {
    const manifest = path.join(ROOT, "dist-dev", "manifest.xml");
    spawnSync("npx", ["--yes", "office-addin-debugging@7", "stop", fs.existsSync(manifest) ? manifest : path.join(ROOT, "manifest.xml")], {
      stdio: "inherit",
      shell: process.platform === "win32",
      cwd: ROOT,
    });
  }
  process.exit(failed > 0 ? 1 : 0);
}

if (require.main === module) void main();
