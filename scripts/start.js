#!/usr/bin/env node
/**
 * `npm start`: serve the add-in on https://localhost:3000 and, on Windows and
 * macOS, sideload it into desktop Excel with Microsoft's office-addin-debugging.
 *
 * That tool is not a dependency of the project: it pulls in keytar, a native
 * module that cannot be built on a fresh Linux machine without extra system
 * packages. On Windows/macOS it is fetched with npx when `npm start` runs; on
 * Linux (no desktop Excel) the dev server starts and the sideloading steps for
 * Excel on the web are printed.
 */
const { spawn } = require("node:child_process");

const MANIFEST = "manifest.xml";
const PORT = 3000;

/** What `npm start` runs on a platform: a command, its arguments and a note. */
function plan(platform) {
  if (platform === "win32" || platform === "darwin") {
    return {
      command: "npx",
      args: [
        "--yes",
        "office-addin-debugging@7",
        "start",
        MANIFEST,
        "desktop",
        "--app",
        "excel",
        "--dev-server",
        "npm run dev-server",
        "--dev-server-port",
        String(PORT),
      ],
      note: "Startar utvecklingsservern och läser in tillägget i Excel (office-addin-debugging).",
    };
  }
  return {
    command: "npm",
    args: ["run", "dev-server"],
    note:
      `Utvecklingsservern startar på https://localhost:${PORT}. Excel för skrivbordet finns inte på den här plattformen:\n` +
      `öppna Excel på webben → Infoga → Tillägg → Mina tillägg → Ladda upp mitt tillägg → välj ${MANIFEST}.\n` +
      `Förhandsvisning i webbläsaren: https://localhost:${PORT}/taskpane.html`,
  };
}

if (require.main === module) {
  const p = plan(process.platform);
  console.log(p.note);
  const child = spawn(p.command, p.args, { stdio: "inherit", shell: process.platform === "win32" });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

module.exports = { plan, MANIFEST, PORT };
