import { evaluate } from "../src/core/evaluate";
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
const a = getAgreement(process.argv[2] ?? "aldre-2014");
const f = demoFacts(a);
for (let i = 0; i < 200; i++) evaluate(a, f, { explain: false });
