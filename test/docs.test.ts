/** The generated docs are current: regenerate with `npm run docs` when this fails. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { agreementsDoc, cliDoc } from "../scripts/gen-docs";
import { traceDoc } from "../scripts/gen-trace-doc";
import { AGREEMENTS } from "../src/agreements";
import { allCommands } from "../src/cli/commands";
import { run } from "../src/cli/main";
import { formatKr } from "../src/core/format";

test.each([
  ["docs/agreements.md", agreementsDoc],
  ["docs/cli.md", cliDoc],
  ["docs/trace.md", traceDoc],
])("%s matches the data and the CLI's real output", async (file, make) => {
  expect(readFileSync(join(__dirname, "..", file as string), "utf8")).toBe(await (make as () => string | Promise<string>)());
}, 120_000);

test("docs/cli.md shows every command of the registry, each with its help and a real run", async () => {
  const text = readFileSync(join(__dirname, "..", "docs/cli.md"), "utf8");
  for (const c of allCommands()) {
    expect(text).toContain(`\n## stim ${c.name}\n`);
    expect(text).toContain(`$ npm run --silent stim -- ${c.name}`);
  }
});

describe("the README and the guides show real output", () => {
  const read = (file: string) => readFileSync(join(__dirname, "..", file), "utf8");
  /** The text blocks of a markdown file that start with `$ <command>`, keyed by the command. */
  const runs = (text: string) =>
    new Map(
      [...text.matchAll(/```text\n\$ ([^\n]*)\n([\s\S]*?)```/g)].map((m) => [m[1], m[2]] as const),
    );

  test("the README is a front door: at most about 150 lines", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(150);
  });
  test("the README's run is the main job's real first lines", () => {
    const block = runs(read("README.md")).get("npm run --silent stim -- evaluate prio-2014 --scenario demo | head -18")!;
    expect(block).toBe(run(["evaluate", "prio-2014", "--scenario", "demo"]).stdout.split("\n").slice(0, 18).join("\n") + "\n");
  });
  test("the README's agreements table has the totals and pot counts stim gives", () => {
    const readme = read("README.md");
    for (const a of AGREEMENTS) expect(readme).toContain(`| \`${a.id}\` |`);
    for (const a of AGREEMENTS) expect(readme).toMatch(new RegExp(`\\| \`${a.id}\` \\| [^|]+ \\| ${formatKr(a.total)} \\| ${a.pots.length} \\|`));
  });
  test("the analysts' guide shows the validate run that docs/cli.md makes from scripts/make-validate-example.ts", () => {
    const guide = runs(read("docs/guide-analytiker.md")).get('npm run --silent stim -- validate lan --out rapport.xlsx; echo "exit $?"')!;
    const cli = runs(read("docs/cli.md")).get("npm run --silent stim -- validate lan --out rapport.xlsx")!;
    expect(guide).toBe(cli.replace("(slutkod 2)\n", "exit 2\n"));
  });
  test("every screenshot a guide links exists", () => {
    for (const g of ["docs/guide-ekonomer.md", "docs/guide-analytiker.md", "docs/guide-utbildare.md"]) {
      const shots = [...read(g).matchAll(/\]\((screenshots\/[^)]+)\)/g)].map((m) => m[1]);
      expect(shots.length).toBeGreaterThan(0);
      for (const s of shots) expect([s, existsSync(join(__dirname, "..", "docs", s))]).toEqual([s, true]);
    }
  });
});
