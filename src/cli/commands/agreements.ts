import { AGREEMENTS } from "../../agreements";
import { formatKr } from "../../core/format";
import { defineCommand, JSON_FLAG } from "../command";
import { table, toJson } from "../output";

export const command = defineCommand({
  name: "agreements",
  summary: "visar överenskommelserna med totalbelopp",
  options: { json: JSON_FLAG },
  run({ values }) {
    const rows = AGREEMENTS.map((a) => ({
      id: a.id,
      title: a.title,
      year: a.year,
      total: a.total,
      pots: a.pots.length,
      assumptions: a.assumptions.length,
      source: a.source,
    }));
    if (values.json) return toJson(rows);
    return table(
      [["Id", "Överenskommelse", "Totalt", "Potter"], ...rows.map((r) => [r.id, r.title, formatKr(r.total), String(r.pots)])],
      [2, 3],
    );
  },
});
