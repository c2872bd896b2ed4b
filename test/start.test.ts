/**
 * `npm start` and `npm stop` (scripts/start.js, scripts/stop.js), for real:
 * the dev server is started on a free random port (other engineers' servers
 * and tests share this machine), with HOME in a temporary directory so the
 * development certificates are made there, and the manifest written to a
 * temporary directory instead of dist/.
 *
 * Checked: it serves on localhost only, over TLS that a client trusting the
 * printed certificate authority accepts; CORS only for Office's origins,
 * never `*`; it ends on SIGTERM and SIGINT, also while still building, also
 * when started through npm and npm gets the signal; `npm stop` ends it; the
 * port is free afterwards and no process is left.
 */
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import { join } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const start = require("../scripts/start.js") as {
  parseArgs: (argv: string[], env: Record<string, string>) => { port: number; sideload: boolean; outputPath: string | null; verbose: boolean };
  instructions: (platform: string, o: { port: number; certs: { kind: string; dir: string; reason?: string }; sideload?: boolean }) => string;
  sideloadCommand: (platform: string, o: { port: number; manifest: string }) => { command: string; args: string[] } | null;
  stateFile: (port: number) => string;
};

const ROOT = join(__dirname, "..");
const HOME = mkdtempSync(join(os.tmpdir(), "stimulans-start-home-"));
const OUT = mkdtempSync(join(os.tmpdir(), "stimulans-start-out-"));
const CA = join(HOME, ".office-addin-dev-certs", "ca.crt");
const started: ChildProcess[] = [];
/** Every dev server pid seen, so a failed test leaves nothing running. */
const servers = new Set<number>();

afterAll(() => {
  for (const c of started) if (c.pid && alive(c.pid)) c.kill("SIGKILL");
  for (const pid of servers) if (alive(pid)) process.kill(pid, "SIGKILL");
  rmSync(HOME, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "localhost", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** True when this machine's localhost addresses accept a new listener on `port`. */
async function portIsFree(port: number): Promise<boolean> {
  const tryListen = (host: string) =>
    new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "EADDRNOTAVAIL" || e.code === "EAFNOSUPPORT"));
      s.listen(port, host, () => s.close(() => resolve(true)));
    });
  return (await tryListen("127.0.0.1")) && (await tryListen("::1"));
}

interface Running {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, ms: number) => Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(command: string, args: string[]): Running {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, HOME, USERPROFILE: HOME, ADDIN_PORT: "", ADDIN_ORIGIN: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let text = "";
  const collect = (d: Buffer) => {
    text += d;
    for (const m of text.matchAll(/Process (\d+)\. Bygger/g)) servers.add(Number(m[1]));
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const waitFor = (pattern: RegExp, ms: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms; output:\n${text}`)), ms);
      const check = () => {
        const m = text.match(pattern);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        }
      };
      child.stdout!.on("data", check);
      child.stderr!.on("data", check);
      void exited.then(() => {
        check();
        setTimeout(() => reject(new Error(`exited before ${pattern}; output:\n${text}`)), 50);
      });
      check();
    });
  return { child, output: () => text, waitFor, exited };
}

const startServer = (port: number, extra: string[] = []) => run(process.execPath, ["scripts/start.js", "--port", String(port), "--no-sideload", "--output-path", OUT, ...extra]);

async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request over TLS that trusts only the development certificate authority. */
function request(port: number, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: "localhost", port, path, method, headers, ca: readFileSync(CA), servername: "localhost" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("what npm start prints and runs (every platform)", () => {
  test("options: --port, ADDIN_PORT, default 3000; refused ports and unknown options say why", () => {
    expect(start.parseArgs([], {})).toEqual({ port: 3000, sideload: true, outputPath: null, verbose: false });
    expect(start.parseArgs(["--verbose"], {}).verbose).toBe(true);
    expect(start.parseArgs(["--port", "3456"], {}).port).toBe(3456);
    expect(start.parseArgs(["--port=3457"], {}).port).toBe(3457);
    expect(start.parseArgs([], { ADDIN_PORT: "4000" }).port).toBe(4000);
    expect(start.parseArgs(["--port", "3456"], { ADDIN_PORT: "4000" }).port).toBe(3456);
    expect(() => start.parseArgs(["--port", "70000"], {})).toThrow('--port: "70000" är ingen port; ange ett heltal 1–65535 (standard 3000).');
    expect(() => start.parseArgs([], { ADDIN_PORT: "abc" })).toThrow("ADDIN_PORT");
    expect(() => start.parseArgs(["--prot", "1"], {})).toThrow("okänt val --prot");
    expect(start.parseArgs(["--no-sideload"], {}).sideload).toBe(false);
  });

  test("Linux: how to trust the certificate authority in the browser, and how to upload the manifest in Excel on the web", () => {
    const text = start.instructions("linux", { port: 3456, certs: { kind: "office", dir: "/h/.office-addin-dev-certs" } });
    expect(text).toContain("https://localhost:3456 (bara den här datorn)");
    expect(text).toContain("importera /h/.office-addin-dev-certs/ca.crt som betrodd certifikatutfärdare");
    expect(text).toContain('certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Stimulans utveckling" -i /h/.office-addin-dev-certs/ca.crt');
    expect(text).toContain("Firefox");
    expect(text).toContain("Ladda upp mitt tillägg → välj dist-dev/manifest.xml");
    expect(text).toContain("manifestet för port 3456");
    expect(text).not.toContain("Excel för skrivbordet");
  });

  test("without the development certificates: accept the self-signed one in the same browser", () => {
    const text = start.instructions("linux", { port: 3000, certs: { kind: "self-signed", dir: "/h", reason: "x" } });
    expect(text).toContain("självsignerat certifikat");
    expect(text).toContain("öppna https://localhost:3000/taskpane.html och godkänn varningen");
  });

  test.each([["win32"], ["darwin"]])("%s: the system trusts the certificate; desktop Excel is sideloaded by office-addin-debugging, fetched by npx", (platform) => {
    const text = start.instructions(platform, { port: 3000, certs: { kind: "office", dir: "C:/u/.office-addin-dev-certs" } });
    expect(text).toContain("betrott i systemet");
    expect(text).toContain("Excel för skrivbordet startar med tillägget");
    const cmd = start.sideloadCommand(platform, { port: 3456, manifest: "/r/dist/manifest.xml" })!;
    expect(cmd.command).toBe("npx");
    expect(cmd.args).toEqual(["--yes", "office-addin-debugging@7", "start", "/r/dist/manifest.xml", "desktop", "--app", "excel", "--dev-server-port", "3456", "--no-debug"]);
    expect(start.sideloadCommand("linux", { port: 3456, manifest: "m" })).toBeNull();
  });

  test("npm start and npm stop run these scripts; keytar and office-addin-debugging stay out of the install", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts.start).toBe("node scripts/start.js");
    expect(pkg.scripts.stop).toBe("node scripts/stop.js");
    const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, unknown> };
    const installed = Object.keys(lock.packages);
    expect(installed.filter((p) => /(^|\/)node_modules\/(keytar|office-addin-debugging)$/.test(p))).toEqual([]);
    expect(installed).toContain("node_modules/office-addin-dev-certs");
  });
});

test("development builds (npm start, npm run build:dev) go to dist-dev/, never over a production build in dist/", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../webpack.config.js") as (env: Record<string, unknown>, argv: { mode: string }) => { output: { path: string } };
  expect(config({ serve: true, port: "3456" }, { mode: "development" }).output.path).toBe(join(ROOT, "dist-dev"));
  expect(config({}, { mode: "development" }).output.path).toBe(join(ROOT, "dist-dev"));
  expect(config({}, { mode: "production" }).output.path).toBe(join(ROOT, "dist"));
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  expect(pkg.scripts["build:dev"]).toBe("webpack --mode development");
  expect(readFileSync(join(ROOT, ".gitignore"), "utf8").split("\n")).toEqual(expect.arrayContaining(["dist/", "dist-dev/"]));
});

describe("the dev server, started and stopped for real", () => {
  jest.setTimeout(240_000);

  test("serves on localhost only, TLS trusted through the printed authority, CORS for Office only; SIGTERM ends it and frees the port", async () => {
    const port = await freePort();
    const s = startServer(port);
    const pid = Number((await s.waitFor(/Process (\d+)\. Bygger/, 60_000))[1]);
    expect(pid).toBe(s.child.pid);
    expect(s.output()).toContain(`lyssnar på https://localhost:${port} (bara den här datorn)`);
    expect(s.output()).toContain(`importera ${CA} som betrodd certifikatutfärdare`);
    const note = JSON.parse(readFileSync(start.stateFile(port), "utf8")) as { pid: number; port: number };
    expect(note).toMatchObject({ pid, port });
    await s.waitFor(/Klar: https:\/\/localhost:\d+\/taskpane\.html/, 200_000);
    // Only its own Swedish lines: webpack, the dev server and the certificate tool keep their English logs to themselves.
    expect(s.output()).not.toMatch(/webpack|compiled|certificates have been generated|\[webpack-dev-/i);
    expect(s.output()).toContain("Skapade ett utvecklingscertifikat för localhost");

    // TLS: a client that trusts only ca.crt accepts the server (https.request rejects otherwise).
    const page = await request(port, "/support.html");
    expect(page.status).toBe(200);
    expect(page.body).toContain("STIM.FÖRDELA");
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();

    // CORS: Excel on the web reads the metadata from its own pages; nobody else gets a CORS header.
    const office = await request(port, "/functions-sv.json", { Origin: "https://excel.officeapps.live.com" });
    expect(office.status).toBe(200);
    expect(office.headers["access-control-allow-origin"]).toBe("https://excel.officeapps.live.com");
    expect(String(office.headers.vary)).toContain("Origin");
    expect(JSON.parse(office.body).functions.length).toBeGreaterThanOrEqual(13);
    const preflight = await request(port, "/functions.json", { Origin: "https://excel.officeapps.live.com", "Access-Control-Request-Method": "GET" }, "OPTIONS");
    expect(preflight.status).toBe(204);
    for (const origin of ["https://evil.example", "http://excel.officeapps.live.com", "https://officeapps.live.com.evil.example", "null"]) {
      const r = await request(port, "/functions.json", { Origin: origin });
      expect([origin, r.headers["access-control-allow-origin"]]).toEqual([origin, undefined]);
    }

    // The manifest for this port, written where asked (not dist/).
    const manifest = readFileSync(join(OUT, "manifest.xml"), "utf8");
    expect(manifest).toContain(`<SourceLocation DefaultValue="https://localhost:${port}/taskpane.html"/>`);
    expect(manifest).not.toContain("localhost:3000");

    // Localhost only: the machine's other addresses refuse the connection.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal && a.family === "IPv4")
      .map((a) => a.address);
    for (const address of external) {
      const refused = await new Promise<string>((resolve) => {
        const sock = net.connect({ host: address, port, timeout: 3000 });
        sock.on("connect", () => {
          sock.destroy();
          resolve("connected");
        });
        sock.on("timeout", () => {
          sock.destroy();
          resolve("timeout");
        });
        sock.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
      });
      expect([address, refused]).toEqual([address, "ECONNREFUSED"]);
    }

    expect(await portIsFree(port)).toBe(false);
    process.kill(pid, "SIGTERM");
    expect(await within(s.exited, 10_000, "stopping on SIGTERM")).toEqual({ code: 0, signal: null });
    expect(await portIsFree(port)).toBe(true);
    expect(existsSync(start.stateFile(port))).toBe(false);
  });

  test("SIGINT while it is still building ends it at once and frees the port", async () => {
    const port = await freePort();
    const s = startServer(port);
    await s.waitFor(/Process \d+\. Bygger/, 60_000);
    expect(s.output()).not.toContain("Klar:");
    process.kill(s.child.pid!, "SIGINT");
    expect(await within(s.exited, 10_000, "stopping on SIGINT")).toEqual({ code: 0, signal: null });
    expect(await portIsFree(port)).toBe(true);
  });

  test("through npm: SIGTERM to npm's pid ends npm and the server, and frees the port", async () => {
    const port = await freePort();
    const npm = run(process.platform === "win32" ? "npm.cmd" : "npm", ["start", "--silent", "--", "--port", String(port), "--no-sideload", "--output-path", OUT]);
    const server = Number((await npm.waitFor(/Process (\d+)\. Bygger/, 60_000))[1]);
    expect(server).not.toBe(npm.child.pid);
    expect(alive(server)).toBe(true);
    process.kill(npm.child.pid!, "SIGTERM");
    await within(npm.exited, 15_000, "npm ending on SIGTERM");
    const until = Date.now() + 10_000;
    while (alive(server) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(alive(server)).toBe(false);
    expect(await portIsFree(port)).toBe(true);
  });

  test("npm stop ends a server started from another terminal; a second npm stop finds none", async () => {
    const port = await freePort();
    const s = startServer(port);
    await s.waitFor(/Process \d+\. Bygger/, 60_000);
    // Asynchronous, so this process keeps reading the server's output meanwhile.
    const stop = run(process.platform === "win32" ? "npm.cmd" : "npm", ["stop", "--silent", "--", "--port", String(port)]);
    const stopped = await within(stop.exited, 60_000, "npm stop");
    expect([stopped.code, stop.output()]).toEqual([0, `Stoppade utvecklingsservern på https://localhost:${port} (process ${s.child.pid}).\n`]);
    expect((await within(s.exited, 5_000, "the server ending")).code).toBe(0);
    expect(await portIsFree(port)).toBe(true);
    const again = spawnSync(process.execPath, ["scripts/stop.js", "--port", String(port)], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`Ingen utvecklingsserver från npm start på port ${port}.`);
  });

  test("a port already in use: one Swedish line naming the port and what to do, exit 1, nothing left", async () => {
    const port = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "localhost", () => resolve()));
    try {
      const s = startServer(port);
      const { code } = await within(s.exited, 60_000, "refusing a busy port");
      expect(code).toBe(1);
      expect(s.output()).toContain(`Fel: port ${port} används redan. Stoppa det som lyssnar där (npm stop) eller välj en annan port: npm start -- --port ${port + 1}`);
      expect(existsSync(start.stateFile(port))).toBe(false);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  test("a port that is no port: exit 2 before anything starts", async () => {
    const s = run(process.execPath, ["scripts/start.js", "--port", "0"]);
    expect((await within(s.exited, 20_000, "refusing port 0")).code).toBe(2);
    expect(s.output().trim()).toBe('Fel: --port: "0" är ingen port; ange ett heltal 1–65535 (standard 3000).');
  });
});
