import { loadHost } from "./test/excel-host/host";
import { buildAllocationSheet, sheetColumns } from "./src/sheets";
import { getAgreement } from "./src/agreements";
import { demoFacts } from "./src/agreements/demo";
(async () => {
const host = await loadHost("source");
const PRIO = getAgreement("prio-2014");
const { sheet, geometry } = buildAllocationSheet(PRIO, sheetColumns(PRIO), { county: "09", facts: demoFacts(PRIO) });
const T = sheet.cells.slice(geometry.headerRow, geometry.lastDataRow + 1).map(r => r.slice(0, geometry.lastTableColumn + 1).map(c => c?.value ?? c?.cached ?? null));
console.log(geometry.headerRow, geometry.lastDataRow, geometry.lastTableColumn, T.length, T[0].length);
const bad = T.map(r => [...r]); bad[1][5] = "kanske";
const cases: [string, unknown[]][] = [
 ["ALLOCATION", ["prio-2014", T, 1, "B3"]], ["ALLOCATION", ["prio-2014", T, 2, "A1"]], ["ALLOCATION_STATUS", ["prio-2014", T, 1]], ["ALLOCATION_STATUS", ["prio-2014", T, 2, "A1"]], ["UNALLOCATED", ["prio-2014", T, "A1"]],
 ["ALLOCATION", ["prio-2014", T, null, "B3"]], ["ALLOCATION", [null, T, 1, "B3"]], ["ALLOCATION", ["prio-2014", T, 0, "B3"]], ["ALLOCATION", ["prio-2014", T, 1, 0]],
 ["ALLOCATION", ["prio-2014", bad, 1, "B3"]], ["ALLOCATION", ["prio-2014", T, "första", "B3"]], ["ALLOCATION", ["prio-2014", T, -1, "B3"]], ["ALLOCATION", ["prio-2014", T, NaN, "B3"]],
 ["ALLOCATION", ["prio-2014", [T[0]], 1, "B3"]], ["ALLOCATION", ["prio-2014", T, 5, "B3"]], ["ALLOCATION", ["prio-2014", T, 1, "Z"]], ["ALLOCATION", ["prio-2014", T, 1e300, "B3"]],
 ["ALLOCATION", ["prio-2014", T, 1.5, "B3"]], ["ALLOCATION", ["aldre-2014", T, 1, "PALL1"]],
 ["ALLOCATION_STATUS", ["prio-2014", T, null]], ["ALLOCATION_STATUS", ["prio-2014", T, 1, 0]], ["ALLOCATION_STATUS", ["prio-2014", bad, 1]], ["ALLOCATION_STATUS", ["prio-2014", T, -2]], ["ALLOCATION_STATUS", ["prio-2014", T, Infinity]], ["ALLOCATION_STATUS", ["prio-2014", T.map(r=>r.slice(0,3)), 1, "A1"]], ["ALLOCATION_STATUS", ["prio-2014", [...T, T[1]], 1, "A1"]], ["ALLOCATION_STATUS", ["prio-2014", T, 1, "ZZ"]], ["ALLOCATION_STATUS", ["prio-2014", T, 1e20]],
 ["UNALLOCATED", ["prio-2014", T, null]], ["UNALLOCATED", ["prio-2014", T, 0]], ["UNALLOCATED", ["prio-2014", bad, "A1"]], ["UNALLOCATED", ["prio-2014", T.map((r,i)=> i===1 ? r.map((v,k)=>k===4? -5 : v) : r), "A1"]], ["UNALLOCATED", ["prio-2014", T, NaN]], ["UNALLOCATED", ["prio-2014", [["Kod"],["0980"]], "A1"]], ["UNALLOCATED", ["prio-2014", T, "SKL-BARN"]], ["UNALLOCATED", ["prio-2014", T, "Q"]], ["UNALLOCATED", ["prio-2014", T.map((r,i)=> i===1 ? r.map((v,k)=>k===4? 1e300 : v) : r), "A1"]],
];
for (const [id, args] of cases) console.log(id, JSON.stringify(args.map(a => Array.isArray(a) ? `[${a.length}x${(a[0] as unknown[]).length}]` : a)), JSON.stringify(host.call(id, args)));
host.close();
})();
