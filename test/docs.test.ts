/** The generated docs are current: regenerate with `npm run docs` when this fails. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { agreementsDoc, cliDoc } from "../scripts/gen-docs";
import { traceDoc } from "../scripts/gen-trace-doc";

test.each([
  ["docs/agreements.md", agreementsDoc],
  ["docs/cli.md", cliDoc],
  ["docs/trace.md", traceDoc],
])("%s matches the data and the CLI's real output", (file, make) => {
  expect(readFileSync(join(__dirname, "..", file as string), "utf8")).toBe((make as () => string)());
});
