/*
 * Where the add-in is served from, in one place: the dev server's port, the
 * production origin (ADDIN_ORIGIN), the manifest rewritten for either, and
 * which browser origins may read the custom-functions metadata (CORS).
 *
 * Used by webpack.config.js (build and dev server), scripts/start.js,
 * scripts/stop.js and the tests. Plain CommonJS with no dependencies.
 *
 * The role of `urlDev`/`urlProd` in Microsoft's add-in templates: manifest.xml
 * in the repository points at the development origin https://localhost:3000
 * (so it can be uploaded as it is while `npm start` runs on the default
 * port); every build writes dist/manifest.xml with every URL on the origin it
 * was built for, and a production build refuses an origin that is not a
 * public https address.
 */
"use strict";

/** The dev server's default port; manifest.xml in the repository uses it. */
const DEFAULT_PORT = 3000;

/** The origin every URL in manifest.xml (the source) is written with. */
const SOURCE_ORIGIN = `https://localhost:${DEFAULT_PORT}`;

/** A mistake in the configuration: one Swedish line, no stack trace. */
class ConfigError extends Error {
  constructor(message) {
    super(message);
    // Tools print an error's stack (webpack-cli does): make it the one line.
    this.stack = `Fel: ${message}`;
  }
}
ConfigError.prototype.name = "ConfigError";

/**
 * A TCP port from a flag or an environment variable. `allowZero` accepts 0
 * ("any free port"), which only a listening server can use.
 */
function parsePort(value, where, { allowZero = false } = {}) {
  const text = String(value).trim();
  const n = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n > 65535 || (n === 0 && !allowZero)) {
    throw new ConfigError(`${where}: "${text}" är ingen port; ange ett heltal 1–65535 (standard ${DEFAULT_PORT}).`);
  }
  return n;
}

/**
 * The dev server's port: `--port N` (or `--port=N`) in argv, else
 * ADDIN_PORT in the environment, else 3000.
 */
function portFrom(argv = [], env = process.env) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--port") {
      if (i + 1 >= argv.length) throw new ConfigError("--port: ange ett portnummer, t.ex. --port 3001.");
      return parsePort(argv[i + 1], "--port");
    }
    if (a.startsWith("--port=")) return parsePort(a.slice("--port=".length), "--port");
  }
  if (env.ADDIN_PORT !== undefined && env.ADDIN_PORT !== "") return parsePort(env.ADDIN_PORT, "ADDIN_PORT");
  return DEFAULT_PORT;
}

/** https://localhost:<port>, the dev server's origin. */
function devOrigin(port) {
  return `https://localhost:${port}`;
}

const LOOPBACK_HOSTS = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1?\]|0\.0\.0\.0|\[::ffff:127(\.\d{1,3}){3}\]|\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\])$/i;

/** True for a host name that only ever reaches this machine. */
function isLoopbackHost(hostname) {
  return LOOPBACK_HOSTS.test(hostname);
}

/**
 * The production base URL from ADDIN_ORIGIN: https, a real host name, an
 * optional path (hosting under e.g. https://intranet.example.se/stimulans),
 * no credentials, query or fragment. Returns { base, origin } where `base`
 * has no trailing slash and `origin` is scheme://host[:port].
 */
function parseAddinOrigin(value) {
  const text = String(value ?? "").trim();
  const hint = "ange den https-adress där dist/ publiceras, t.ex. ADDIN_ORIGIN=https://stimulans.example.org";
  if (text === "") throw new ConfigError(`ADDIN_ORIGIN saknas: ${hint}.`);
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`ADDIN_ORIGIN "${text}" är ingen adress: ${hint}.`);
  }
  if (url.protocol !== "https:") {
    throw new ConfigError(`ADDIN_ORIGIN "${text}" använder ${url.protocol.replace(/:$/, "")}: Office läser bara in tillägg över https; ${hint}.`);
  }
  if (isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      `ADDIN_ORIGIN "${text}" pekar på den egna datorn (${url.hostname}): ett manifest för produktion måste peka på servern där tillägget ligger; ${hint}. För utveckling: npm start.`,
    );
  }
  if (url.username || url.password) throw new ConfigError(`ADDIN_ORIGIN "${text}" innehåller inloggningsuppgifter; ta bort dem.`);
  if (url.search || url.hash || text.includes("?") || text.includes("#")) {
    throw new ConfigError(`ADDIN_ORIGIN "${text}" innehåller ? eller #; ange bara adressen till katalogen, t.ex. https://intranet.example.se/stimulans.`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  return { base: `${url.origin}${path}`, origin: url.origin };
}

/**
 * What a build targets: `release` (npm run build) requires ADDIN_ORIGIN;
 * otherwise ADDIN_ORIGIN is used when set, else the dev server's origin.
 */
function buildTarget({ release = false, env = process.env, port = DEFAULT_PORT } = {}) {
  const configured = env.ADDIN_ORIGIN !== undefined && env.ADDIN_ORIGIN.trim() !== "";
  if (release || configured) return { ...parseAddinOrigin(env.ADDIN_ORIGIN), production: true };
  const origin = devOrigin(port);
  return { base: origin, origin, production: false };
}

/**
 * manifest.xml rewritten for a base URL: every URL on the source origin moves
 * to `base`, the AppDomain becomes the bare origin. A production manifest
 * (`production: true`) that still mentions a loopback host is refused.
 */
function manifestFor(xml, { base, origin, production }) {
  if (!xml.includes(SOURCE_ORIGIN)) throw new ConfigError(`manifest.xml nämner inte ${SOURCE_ORIGIN}; kan inte skriva om adresserna.`);
  const out = xml
    .split(`<AppDomain>${SOURCE_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`)
    .split(SOURCE_ORIGIN)
    .join(base);
  if (production) {
    const left = /https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])[^"'<\s]*/i.exec(out);
    if (left) throw new ConfigError(`manifestet för produktion pekar fortfarande på ${left[0]}; rätta manifest.xml.`);
  }
  return out;
}

/**
 * Origins whose pages may read the add-in's files across origins. Only the
 * add-in's own origin and the hosts of Excel on the web themselves: Excel's
 * frame (https://excel.officeapps.live.com and its regional siblings such as
 * usc-excel.officeapps.live.com, also when a workbook is opened from
 * SharePoint or OneDrive: the document page embeds that frame), its newer
 * host excel.cloud.microsoft, and the office.com start page that launches it.
 * Microsoft publishes no fixed list of the regional host names
 * (OfficeDev/office-js-docs-pr#2956), so these are matched by suffix, over
 * https only. Deliberately NOT allowed: *.sharepoint.com (and the other
 * Microsoft 365 domains), where every tenant hosts its own pages: any of
 * them could read the dev server's files, and Office never fetches from
 * there. Everything else gets no CORS header at all (never `*`).
 */
const OFFICE_HOST_SUFFIXES = [".officeapps.live.com", ".cloud.microsoft", ".office.com"];

function corsAllowed(requestOrigin, ownOrigin) {
  if (typeof requestOrigin !== "string" || requestOrigin === "" || requestOrigin === "null") return false;
  if (requestOrigin === ownOrigin) return true;
  let url;
  try {
    url = new URL(requestOrigin);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.origin !== requestOrigin) return false;
  const host = url.hostname.toLowerCase();
  return OFFICE_HOST_SUFFIXES.some((s) => host.endsWith(s) && host.length > s.length);
}

module.exports = {
  DEFAULT_PORT,
  SOURCE_ORIGIN,
  OFFICE_HOST_SUFFIXES,
  ConfigError,
  parsePort,
  portFrom,
  devOrigin,
  isLoopbackHost,
  parseAddinOrigin,
  buildTarget,
  manifestFor,
  corsAllowed,
};
