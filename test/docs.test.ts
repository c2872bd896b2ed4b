/** The generated docs are current: regenerate with `npm run docs` when this fails. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { agreementsDoc, cliDoc } from "../scripts/gen-docs";
import { traceDoc } from "../scripts/gen-trace-doc";
import { allCommands } from "../src/cli/commands";

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
