import { allocate as allocatePot, METHODS, Method } from "../../core/allocate";
import { StimError } from "../../core/errors";
import { formatKr, formatKrChange } from "../../core/format";
import { defineCommand } from "../command";
import { splitList, toJson } from "../output";

export const command = defineCommand({
  name: "allocate",
  summary: "fördelar en pott i hela kronor efter nycklar (största rest)",
  options: {
    pot: { type: "string", value: "<kr>", required: true, help: "potten i hela kronor" },
    keys: { type: "string", value: "<k1,k2,…>", required: true, help: "fördelningsnycklarna, kommaseparerade" },
    eligible: { type: "string", value: "<1,0,…>", help: "vilka rader som är behöriga (1 eller 0), lika många som nycklarna" },
    ids: { type: "string", value: "<kod,…>", help: "radernas koder; lägre kod vinner lika rest" },
    method: { type: "string", value: `<${METHODS.join("|")}>`, help: "avrundningsmetod (standard largest-remainder)" },
    json: { type: "boolean", help: "skriver beloppen som JSON" },
  },
  run({ values }) {
    const keys = splitList(values.keys);
    const eligible = values.eligible === undefined ? undefined : splitList(values.eligible).map((v, i) => parseFlag01(v, i));
    const ids = values.ids === undefined ? undefined : splitList(values.ids);
    const method = (values.method ?? "largest-remainder") as Method;
    if (!METHODS.includes(method)) throw new StimError(`--method måste vara ett av ${METHODS.join(", ")} (fick "${method}").`);
    const res = allocatePot(values.pot, keys, { method, eligible, ids });
    const shown = method === "exact" ? res.exact!.map((x) => (x.terminating ? x.text : `${x.numerator}/${x.denominator}`)) : res.amounts;
    if (values.json) return toJson(shown);
    const name = (i: number) => (ids ? ids[i] : `rad ${i + 1}`);
    const lines = shown.map((v, i) => `${name(i)}: ${typeof v === "bigint" || !v.includes("/") ? formatKr(v) : `${v} kr`}`);
    const sum = res.amounts.reduce((s, x) => s + x, 0n);
    lines.push(`Summa: ${method === "exact" ? formatKr(res.allocated) : formatKr(sum)} av ${formatKr(res.pot)}`);
    if (res.unallocated > 0n) lines.push(`Ofördelat: ${formatKr(res.unallocated)} (ingen behörig mottagare med nyckel > 0)`);
    if (method === "round" && res.difference !== 0n) lines.push(`Avvikelse mot potten (avrundning per rad): ${formatKrChange(res.difference)}`);
    for (const t of res.tieBreaks) {
      lines.push(`Lika rest: ${name(t.winner)} fick kronan före ${name(t.loser)} (${t.by === "key" ? "större nyckel" : t.by === "id" ? "lägre kod" : "tidigare rad"})`);
    }
    return lines.join("\n");
  },
});

function parseFlag01(v: string, i: number): boolean {
  const t = v.toLowerCase();
  if (["1", "true", "ja", "x", "sant"].includes(t)) return true;
  if (["0", "false", "nej", "", "falskt"].includes(t)) return false;
  throw new StimError(`--eligible: värde ${i + 1} ("${v}") ska vara 1 eller 0.`);
}
