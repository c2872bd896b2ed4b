/** Finding the table: the agreement and the scope in the title block. */
import { MAX_HEADER_SCAN } from "./headers";
import { Agreement } from "../../core/model";
import { AGREEMENTS } from "../../agreements";
import { SheetGrid } from "../cells";
import { AGREEMENT_LABEL, FICTIONAL_LABEL, SCOPE_LABEL, SCOPE_NATIONAL } from "../texts";

export function agreementFromGrid(values: unknown[][], formulas: SheetGrid["formulas"]): Agreement | undefined {
  for (let r = 0; r < Math.min(values.length, MAX_HEADER_SCAN); r++) {
    for (const v of values[r] ?? []) {
      if (typeof v !== "string") continue;
      const t = v.toLowerCase();
      const a = AGREEMENTS.find((x) => t === x.id || t.includes(`${AGREEMENT_LABEL.toLowerCase()} ${x.id}`) || t.includes(`(${x.id})`));
      if (a) return a;
    }
  }
  for (const row of formulas ?? []) {
    for (const f of row ?? []) {
      if (!f) continue;
      const m = /"([a-z]+-\d{4})"/i.exec(f);
      const a = m ? AGREEMENTS.find((x) => x.id === m[1].toLowerCase()) : undefined;
      if (a) return a;
    }
  }
  return undefined;
}

export function scopeFromGrid(values: unknown[][], headerRow: number): { scope?: string; fictional: boolean } {
  let scope: string | undefined;
  let fictional = false;
  for (let r = 0; r < headerRow; r++) {
    for (const v of values[r] ?? []) {
      if (typeof v !== "string") continue;
      if (v.includes(FICTIONAL_LABEL)) fictional = true;
      if (v.startsWith(SCOPE_LABEL) && !v.includes(SCOPE_NATIONAL)) {
        const m = /\((\d{2})\)/.exec(v);
        if (m) scope = m[1];
      }
    }
  }
  return { scope, fictional };
}

export function hasScopeLine(values: unknown[][], headerRow: number): boolean {
  for (let r = 0; r < headerRow; r++) for (const v of values[r] ?? []) if (typeof v === "string" && v.startsWith(SCOPE_LABEL)) return true;
  return false;
}
