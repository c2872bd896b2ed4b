/**
 * Bad input at the allocator's edges (issue 6 §4), each a correct value or a
 * Swedish message naming the field: non-boolean `eligible`, one code
 * normalisation for tie-breaks on every face, spaces inside numbers, the
 * precision of decimal keys, and shares a hair above 100 %.
 */
import { allocate, parseShare } from "../src/core/allocate";
import { stimError } from "./support/stim-error";
import { MAX_KEY_DECIMALS, MAX_KEY_DIGITS, parseScaled, ungroup } from "../src/core/exact";
import { run } from "../src/cli/main";
import { fundShare } from "../src/functions/functions";
import { fundShare as fundShareAdapter } from "../src/functions/adapters"; // throws the StimError Excel shows
import { readNumber } from "../src/functions/excel";


describe("eligible takes only booleans", () => {
  test.each([
    { eligible: ["ja", "nej"], row: 1, shown: 'texten "ja"' },
    { eligible: [true, 1], row: 2, shown: "1" },
    { eligible: [true, null], row: 2, shown: "tomt värde" },
  ])("$eligible → refused, naming eligible and the row", ({ eligible, row, shown }) => {
    const e = stimError(() => allocate(100, [1, 1], { eligible: eligible as unknown as boolean[] }));
    expect(e.field).toBe("eligible");
    expect(e.message).toContain(`eligible: rad ${row}`);
    expect(e.message).toContain("sant eller falskt");
    expect(e.message).toContain(shown);
  });

  test("not a list → refused", () => {
    expect(stimError(() => allocate(100, [1], { eligible: "ja" as unknown as boolean[] })).field).toBe("eligible");
  });

  test("booleans still work: the ineligible row gets 0", () => {
    expect(allocate(100, [1, 1], { eligible: [false, true] }).amounts).toEqual([0n, 100n]);
  });
});

describe("one code normalisation for tie-breaks, on every face", () => {
  // One krona, equal keys: the lower code wins. 180 is Stockholm, 0180;
  // 1280 is Malmö: "0180" < "1280", so Stockholm gets it however it is typed.
  test.each([
    { ids: ["180", "1280"], want: [1n, 0n] },
    { ids: ["0180", "1280"], want: [1n, 0n] },
    { ids: ["1280", "180"], want: [0n, 1n] },
    { ids: [180, 1280], want: [1n, 0n] },
    { ids: [" 180 ", "1280"], want: [1n, 0n] },
  ])("core: ids $ids → $want", ({ ids, want }) => {
    const a = allocate(1, [1, 1], { ids: ids as string[] });
    expect(a.amounts).toEqual(want);
    expect(a.tieBreaks[0].by).toBe("id");
  });

  test("län codes pad to two digits: 1 (Stockholms län, 01) before 12 (Skåne)", () => {
    expect(allocate(1, [1, 1], { ids: ["12", "1"] }).amounts).toEqual([0n, 1n]);
  });

  test("other text is compared as given", () => {
    expect(allocate(1, [1, 1], { ids: ["b", "a"] }).amounts).toEqual([0n, 1n]);
  });

  test("180 and 0180 are the same recipient: refused as a duplicate", () => {
    const e = stimError(() => allocate(10, [1, 1], { ids: ["180", "0180"] }));
    expect(e.field).toBe("ids");
    expect(e.message).toContain('"0180"');
    expect(e.message).toContain("rad 1 och 2");
  });

  test("the CLI and FUND_SHARE give the core's winner for --ids 180,1280", () => {
    const cli = run(["allocate", "--pot", "1", "--keys", "1,1", "--ids", "180,1280", "--json"]);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual([1, 0]);
    expect(fundShare(1, [[1], [1]], undefined, [["180"], ["1280"]])).toEqual([[1], [0]]);
    expect(fundShare(1, [[1], [1]], undefined, [[180], [1280]])).toEqual([[1], [0]]);
  });
});

describe("spaces in numbers: thousands separators only in a correctly grouped number", () => {
  test.each([
    ["41 449", 41449n],
    ["1 234 567", 1234567n],
    ["1\u00a0234\u00a0567", 1234567n], // no-break space, as Excel writes it
    ["1\u202f234", 1234n], // narrow no-break space
    [" 41 449 ", 41449n],
    ["-1 234", -1234n],
  ])("%j → %s", (text, want) => {
    const p = parseScaled(text)!;
    expect(p.negative ? -p.value.mantissa : p.value.mantissa).toBe(want);
    expect(p.value.scale).toBe(0);
  });

  test("a grouped integer part with decimals: '1 234.5' is 1234.5", () => {
    expect(parseScaled("1 234.5")).toEqual({ negative: false, value: { mantissa: 12345n, scale: 1 } });
  });

  test.each(["1 2", "41449 31616 40495", "12 34", "1 2345", "1  234", "1 234 56", "1 234.567 8", "1\t234", "1e3 000"])("%j is not a number", (text) => {
    expect(parseScaled(text)).toBeUndefined();
    expect(ungroup(text.trim())).toBeUndefined();
  });

  test("allocate: a list typed in one key is refused, naming the row and the rule", () => {
    const e = stimError(() => allocate(100, ["41449 31616 40495"]));
    expect(e.field).toBe("keys");
    expect(e.message).toContain("rad 1");
    expect(e.message).toContain('texten "41449 31616 40495"');
    expect(e.message).toContain("tusentalsavgränsare");
  });

  test("allocate: grouped keys are read as numbers", () => {
    expect(allocate(1000000, ["41 449", "31 616", "40 495"])).toEqual(allocate(1000000, [41449, 31616, 40495]));
  });

  test("the CLI: --keys \"41449 31616 40495\" is an error, not one key", () => {
    const r = run(["allocate", "--pot", "1000000", "--keys", "41449 31616 40495"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("keys: rad 1");
    expect(r.stderr).toContain("tusentalsavgränsare");
  });

  test("FUND_SHARE: a key cell with a list is #VALUE! naming the cell; a grouped one is a number", () => {
    expect(() => fundShareAdapter(100, [["41449 31616 40495"], [1]])).toThrow(/\(keys\) rad 1: texten "41449 31616 40495" är inte ett tal.*tusentalsavgränsare/);
    expect(fundShare(1000000, [["41 449"], ["31\u00a0616"], [40495]])).toEqual([[364996], [278408], [356596]]);
  });

  test("Excel number cells (readNumber): '1 2' is not 12, '1 234,5' is 1234.5", () => {
    expect(() => readNumber("1 2", "A1")).toThrow(/A1.*inte ett tal/);
    expect(readNumber("1 234,5", "A1")).toBe(1234.5);
  });
});

describe("decimal keys: bounded precision", () => {
  const message = `högst ${MAX_KEY_DIGITS} värdesiffror och högst ${MAX_KEY_DECIMALS} decimaler`;

  test("the bound is 30 significant digits and 30 decimals", () => {
    expect([MAX_KEY_DIGITS, MAX_KEY_DECIMALS]).toEqual([30, 30]);
  });

  test.each([
    { name: "31 decimals", key: "0." + "1".repeat(31) },
    { name: "31 significant digits", key: "1234567890123456789012345678901" },
    { name: "31 significant digits around a point", key: "12345678901234567890.12345678901" },
    { name: "a 32 767-character key (Excel's cell text limit)", key: "0." + "1".repeat(32_765) },
    { name: "a 100 000-digit key", key: "9".repeat(100_000) },
    { name: "a bigint key with 40 significant digits", key: 10n ** 40n + 1n },
  ])("$name → refused with the bound in the message", ({ key }) => {
    const e = stimError(() => allocate(100, [1, key]));
    expect(e.field).toBe("keys");
    expect(e.message).toContain("rad 2");
    expect(e.message).toContain(message);
  });

  test.each([
    { name: "30 decimals", key: "0." + "1".repeat(30) },
    { name: "30 significant digits", key: "123456789012345678901234567890" },
    { name: "trailing zeros do not count: 1.000…0 (40 zeros) is 1", key: "1." + "0".repeat(40) },
    { name: "1e40 has one significant digit", key: "1e40" },
  ])("$name → accepted", ({ key }) => {
    const a = allocate(100, [1, key]);
    expect(a.amounts.reduce((s, x) => s + x, 0n)).toBe(100n);
  });

  test("trailing zeros change nothing: '0.500' as '0.5'", () => {
    expect(allocate(7, ["0.500", "0.25"])).toEqual(allocate(7, ["0.5", "0.25"]));
  });

  test("FUND_SHARE shows the same bound", () => {
    expect(() => fundShareAdapter(100, [[1], ["0." + "1".repeat(31)]])).toThrow(/högst 30 värdesiffror och högst 30 decimaler/);
  });
});

describe("shares: exactly at most 100 %", () => {
  test.each([
    { input: "100,0000000000000000001 %", needle: "högst 100 %" },
    { input: "1.0000000000000000001", needle: "%" },
    { input: "1,0000000000000000001", needle: "%" },
  ])("$input → refused", ({ input, needle }) => {
    expect(stimError(() => parseShare(input, "andel")).message).toContain(needle);
  });

  test("whole percent: 100.0000000000000000001 is above 100 %", () => {
    expect(stimError(() => parseShare("100.0000000000000000001", "andel", true)).field).toBe("andel");
  });

  test.each([
    { input: "100 %", want: "1" },
    { input: "100,000 %", want: "1" },
    { input: "99,9999999999999999999 %", want: "0.999999999999999999999" },
    { input: "1 %", want: "0.01" },
  ])("$input → $want", ({ input, want }) => {
    expect(parseShare(input, "andel")).toBe(want);
  });

  test("a list of numbers is not a share: '0 9' and '50 50 %'", () => {
    expect(stimError(() => parseShare("0 9", "andel")).field).toBe("andel");
    expect(stimError(() => parseShare("50 50 %", "andel")).field).toBe("andel");
  });
});
