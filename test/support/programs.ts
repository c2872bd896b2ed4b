/**
 * External programs the interop and end-to-end suites drive (LibreOffice,
 * Chromium, Python with openpyxl). Each is found through an environment
 * variable or on PATH; when it is missing, `requireProgram` throws one line
 * that says what to install, so a suite fails clearly instead of with a raw
 * ENOENT or a silent skip. `npm test` never needs any of them.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

export interface ProgramSpec {
  /** Environment variable that may name the executable. */
  env: string;
  /** Names looked for on PATH, in order. */
  names: string[];
  /** Absolute paths tried before PATH (a program whose right copy is not first on PATH). */
  paths?: string[];
  /** What to install, in one line. */
  install: string;
}

export const PROGRAMS = {
  soffice: {
    env: "SOFFICE",
    names: ["soffice", "libreoffice"],
    install: "LibreOffice Calc saknas: installera den (Debian: apt-get install libreoffice-calc-nogui) eller ange sökvägen i SOFFICE.",
  },
  chromium: {
    env: "CHROMIUM",
    names: ["chromium", "chromium-browser", "google-chrome"],
    install: "Chromium saknas: installera den (Debian: apt-get install chromium) eller ange sökvägen i CHROMIUM.",
  },
  python: {
    env: "PYTHON",
    names: ["python3", "python"],
    install: "Python 3 saknas: installera den (Debian: apt-get install python3 python3-openpyxl) eller ange sökvägen i PYTHON.",
  },
  unoPython: {
    // The UNO bridge is built for the system's Python, not for another python3 earlier on PATH.
    env: "UNO_PYTHON",
    names: [],
    paths: ["/usr/lib/libreoffice/program/python", "/usr/bin/python3"],
    install: "Python med LibreOffice-bryggan (uno) saknas: installera den (Debian: apt-get install python3-uno) eller ange en python som kan importera uno i UNO_PYTHON.",
  },
} satisfies Record<string, ProgramSpec>;

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The executable's path, or undefined. */
export function findProgram(spec: ProgramSpec, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env[spec.env];
  if (given) return executable(given) ? given : undefined;
  for (const p of spec.paths ?? []) if (executable(p)) return p;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const name of spec.names) {
      const p = join(dir, name);
      if (executable(p)) return p;
    }
  }
  return undefined;
}

/** The executable's path; throws one line saying what to install when it is missing. */
export function requireProgram(spec: ProgramSpec, env: NodeJS.ProcessEnv = process.env): string {
  const found = findProgram(spec, env);
  if (!found) {
    const given = env[spec.env];
    throw new Error(given ? `${spec.env}=${given} är ingen körbar fil. ${spec.install}` : spec.install);
  }
  return found;
}

function canImport(python: string, module: string): boolean {
  try {
    execFileSync(python, ["-c", `import ${module}`], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * A Python that can import `module`: PYTHON when set, else the first
 * python3/python on PATH that has it (a pyenv shim first on PATH may lack a
 * Debian package such as python3-openpyxl). Missing: one line saying what to
 * install.
 */
export function requirePythonWith(module: string, install: string, env: NodeJS.ProcessEnv = process.env): string {
  const first = requireProgram(PROGRAMS.python, env);
  if (canImport(first, module)) return first;
  if (!env.PYTHON) {
    for (const dir of (env.PATH ?? "").split(delimiter)) {
      if (!dir || !isAbsolute(dir)) continue;
      for (const name of PROGRAMS.python.names) {
        const p = join(dir, name);
        if (p !== first && executable(p) && canImport(p, module)) return p;
      }
    }
  }
  throw new Error(`${first} saknar ${module}: ${install}, eller ange en Python som har den i PYTHON.`);
}

/** What to install for the openpyxl interop tests. */
export const OPENPYXL_INSTALL = "installera openpyxl (Debian: apt-get install python3-openpyxl)";
