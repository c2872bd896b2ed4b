/**
 * Input files for `stim evaluate --input`: kind and size checked before
 * reading, a BOM accepted, duplicate keys (also escaped) and deep nesting
 * refused, each with one Swedish line and exit 2.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
import { MAX_INPUT_BYTES, readInputFile } from "../src/cli/input";
import { toJson } from "../src/cli/output";
import { fails, json } from "./cli-helpers";

const dir = mkdtempSync(join(tmpdir(), "stim-input-"));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const demoText = toJson(demoFacts(getAgreement("prio-2014")));
const evaluate = (path: string) => ["evaluate", "prio-2014", "--input", path, "--json"];

describe("files that are not regular files are refused before they are opened", () => {
  test("/dev/zero (read whole, it never ends): refused at once", () => {
    const started = Date.now();
    fails(evaluate("/dev/zero"), /--input: \/dev\/zero är ingen vanlig fil/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
  test("a link to /dev/zero is followed and refused", () => {
    const link = join(dir, "zero.json");
    symlinkSync("/dev/zero", link);
    fails(evaluate(link), /är ingen vanlig fil/);
  });
  test("a named pipe is refused without waiting for a writer", () => {
    const fifo = join(dir, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    fails(evaluate(fifo), /är ingen vanlig fil/);
  });
  test("a folder", () => {
    fails(evaluate(dir), /är en mapp; ange en fil/);
  });
  test("a file that does not exist", () => {
    fails(evaluate(join(dir, "saknas.json")), /Kan inte läsa filen .*saknas\.json: den finns inte\./);
  });
});

describe("size: the limit is stated in the message", () => {
  test("a 600 MB file is refused without reading it", () => {
    const big = file("big.json", "");
    truncateSync(big, 600_000_000); // sparse: takes no disk space
    fails(evaluate(big), /--input: filen .*big\.json är 600 000 000 byte; gränsen för en indatafil är 10 MB\./);
  });
  test("one byte over the limit is refused; at the limit the file is read", () => {
    const over = file("over.json", "");
    truncateSync(over, MAX_INPUT_BYTES + 1);
    fails(evaluate(over), /är 10 000 001 byte; gränsen för en indatafil är 10 MB/);
    const at = file("at.json", "[]");
    expect(readInputFile(at, "--input", 2)).toBe("[]");
    expect(() => readInputFile(at, "--input", 1)).toThrow(/är 2 byte; gränsen för en indatafil är 1 byte\./);
  });
  test("the full national demo scenario is far below the limit", () => {
    expect(Buffer.byteLength(demoText)).toBeLessThan(MAX_INPUT_BYTES / 10);
  });
});

describe("text encoding", () => {
  test("a UTF-8 byte-order mark is accepted: same result as without", () => {
    const plain = json(evaluate(file("plain.json", demoText)));
    const withBom = json(evaluate(file("bom.json", "\uFEFF" + demoText)));
    expect(withBom).toEqual(plain);
    expect(plain.total).toBe(692_500_000);
  });
  test("text that is not UTF-8 (Latin-1 å) is refused", () => {
    fails(evaluate(file("latin1.json", Buffer.from('{"title": "G\xe5rd"}', "latin1"))), /inte UTF-8-text; spara den som UTF-8/);
  });
});

describe("JSON that JSON.parse would misread or choke on", () => {
  test('Stockholm entered twice, once as "\\u0030180": refused with the path', () => {
    const text = demoText.replace('"0180": {', '"\\u0030180": {"keys": {}},\n        "0180": {');
    expect(text).not.toBe(demoText);
    fails(evaluate(file("dup.json", text)), /counties\.01\.kommuner\.0180: förekommer två gånger i samma objekt \(skrivet "\\u0030180" och "0180"\)/);
  });
  test("a share nested 10 000 levels deep: a Swedish message, not a stack overflow", () => {
    const text = '{"format": "stimulans-facts", "counties": {"01": {"county": {"answers": {"A1": {"x": ' + '{"part": '.repeat(10_000) + "1" + "}".repeat(10_005) + "}";
    fails(evaluate(file("deep.json", text)), /nästlat djupare än 64 nivåer, som är gränsen/);
  });
  test("invalid JSON says where", () => {
    fails(evaluate(file("bad.json", '{\n  "format": "stimulans-facts",\n}')), /ogiltig JSON på rad 3, kolumn 1/);
  });
});
