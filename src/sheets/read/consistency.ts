/** Consistency checks across rows: Region Gotland's two rows answer shared rules once. */
import { EntityFacts } from "../../core/facts";
import { GOTLAND_KOMMUN, GOTLAND_LAN } from "../../reference";
import { a1 } from "../cells";
import { RowLevel, SheetColumns } from "../columns";
import { Finding } from "../findings";

export function gotlandConsistency(
  entities: { row: number; level: RowLevel; code: string; ef: EntityFacts }[],
  columns: Map<string, number>,
  cols: SheetColumns,
  sheet: string,
  findings: Finding[],
): void {
  const kommun = entities.find((e) => e.level === "kommun" && e.code === GOTLAND_KOMMUN);
  const landsting = entities.find((e) => e.level === "landsting" && e.code === GOTLAND_LAN);
  if (!kommun || !landsting) return;
  const shared = cols.inputs.filter((c) => c.target.type !== "key" && c.levels.includes("kommun") && c.levels.includes("landsting"));
  const ruleIds = new Set(shared.map((c) => c.rule!));
  for (const ruleId of ruleIds) {
    const a = kommun.ef.answers?.[ruleId] ?? {};
    const b = landsting.ef.answers?.[ruleId] ?? {};
    for (const cid of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const va = a[cid];
      const vb = b[cid];
      if (va === undefined) {
        ((kommun.ef.answers ??= {})[ruleId] ??= {})[cid] = vb;
        continue;
      }
      if (vb === undefined) {
        ((landsting.ef.answers ??= {})[ruleId] ??= {})[cid] = va;
        continue;
      }
      if (JSON.stringify(va) !== JSON.stringify(vb)) {
        const col = shared.find((c) => c.rule === ruleId && c.id.startsWith(`${ruleId}.${cid}`))!;
        findings.push({
          severity: "fel",
          kind: "inconsistent-answers",
          sheet,
          cell: a1(landsting.row, columns.get(col.id)!),
          message: `Region Gotland är både kommun och landsting och svarar en gång på ${ruleId}; raden för landstinget säger ${JSON.stringify(vb)} men raden för kommunen ${JSON.stringify(va)}.`,
          rule: ruleId,
          source: col.source,
        });
      }
    }
  }
}
