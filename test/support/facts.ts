/**
 * Facts builders shared by the evaluation tests: the fictional demo scenario
 * with every answer set to pass, so that a test changes only what its case
 * is about.
 */
import { Facts } from "../../src/core/facts";
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";

export type Answers = Record<string, Record<string, unknown>>;

export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** Demo facts where every requirement and goal is met (answers the demo leaves out stay out). */
export function allMet(id: string): Facts {
  const a = getAgreement(id);
  const f = clone(demoFacts(a));
  const pass = (answers: Answers | undefined) => {
    for (const [ruleId, crit] of Object.entries(answers ?? {})) {
      const rule = [...a.requirements, ...a.goals].find((r) => r.id === ruleId)!;
      for (const c of rule.criteria) {
        if (!(c.id in crit)) continue;
        if (c.kind === "boolean") crit[c.id] = true;
        if (c.kind === "share") crit[c.id] = { part: 100, total: 100 };
        if (c.kind === "target-count") crit[c.id] = 1_000_000;
        if (c.kind === "months-lower") crit[c.id] = { previous: [9, 9, 9, 9, 9, 9], current: [1, 1, 1, 1, 1, 1] };
        if (c.kind === "indicator-improvement") crit[c.id] = { baseline: [40, 40, 40, 40], result: [60, 60, 60, 60] };
      }
    }
  };
  for (const cf of Object.values(f.counties)) {
    pass(cf.county?.answers as Answers);
    pass(cf.landsting?.answers as Answers);
    for (const k of Object.values(cf.kommuner ?? {})) pass(k.answers as Answers);
  }
  return f;
}
