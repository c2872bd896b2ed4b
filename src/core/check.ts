/**
 * Self-checks run when an agreement loads: the data must add up and hang
 * together before anyone computes with it.
 */
import { applyPatches } from "./compile";
import { isIsoDate, SWEDISH_MONTHS } from "./format";
import { Agreement, Citation, Cited, ObligationDue, SEED_FILES, SeedFile, SourceDocument } from "./model";
import { SOURCE_DOCUMENTS, sourceDocument } from "../reference/sources";

export interface CheckIssue {
  agreement: string;
  item: string;
  message: string;
}

/**
 * Resolves a citation against the seed text (where the seeds are at hand:
 * tests and `stim check`); returns a Swedish problem or undefined.
 */
export type CitationResolver = (c: Citation) => string | undefined;

export function checkAgreement(a: Agreement, resolve?: CitationResolver): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const add = (item: string, message: string) => issues.push({ agreement: a.id, item, message });
  const isKr = (n: unknown) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;

  const checkCitation = (item: string, c: Citation | undefined) => {
    if (!c) return add(item, "saknar källhänvisning");
    if (!SEED_FILES.includes(c.doc)) add(item, `okänd källfil ${c.doc}`);
    else if (!sourceDocument(c.doc)) add(item, `källdokumentet ${c.doc} saknas i källregistret`);
    if (!c.section || !c.section.trim()) add(item, "källhänvisningen saknar avsnitt");
    if (!c.label || !c.label.trim()) add(item, "källhänvisningen saknar etikett");
    if (resolve && SEED_FILES.includes(c.doc) && c.section) {
      const problem = resolve(c);
      if (problem) add(item, problem);
    }
  };
  const checkCited = (item: string, x: Cited) => {
    checkCitation(item, x.source);
    if (x.status !== "sourced" && x.status !== "assumption") add(item, `ogiltig status ${String(x.status)}`);
    for (const id of x.assumptions ?? []) if (!a.assumptions.some((s) => s.id === id)) add(item, `okänt antagande ${id}`);
  };

  checkCitation("överenskommelsen", a.source);
  if (!isKr(a.total)) add("total", "totalen måste vara hela kronor");

  // Unique ids.
  const dup = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) add(`${kind} ${id}`, "id förekommer två gånger");
      seen.add(id);
    }
  };
  dup("pott", a.pots.map((p) => p.id));
  dup("regel", [...a.requirements, ...a.goals].map((r) => r.id));
  dup("antagande", a.assumptions.map((x) => x.id));

  const ruleIds = new Set([...a.requirements, ...a.goals].map((r) => r.id));
  for (const p of a.pots) {
    const item = `pott ${p.id}`;
    checkCited(item, p);
    if (!isKr(p.amount)) add(item, "beloppet måste vara hela kronor ≥ 0");
    if (p.kind === "performance") {
      if (!p.key) add(item, "prestationspott utan fördelningsnyckel");
      if (p.goal && !ruleIds.has(p.goal)) add(item, `okänt mål ${p.goal}`);
      if (!p.goal && !p.key?.input) add(item, "prestationspott utan mål delas efter en indatanyckel");
      for (const id of p.excludedBy ?? []) if (!a.pots.some((x) => x.id === id && x.goal)) add(item, `okänd högre nivå ${id}`);
    }
    if (p.key?.cap) {
      if (!Number.isSafeInteger(p.key.cap.max) || p.key.cap.max < 1) add(item, "nyckelns tak måste vara ett heltal ≥ 1");
      checkCitation(`${item} nyckelns tak`, p.key.cap.source);
    }
    if (p.kind === "organisation" && !p.payee) add(item, "organisationspott utan mottagare (payee)");
    if (p.key) checkCited(`${item} nyckel`, p.key);
    if (p.split) {
      checkCited(`${item} fördelning`, p.split);
      const sum = Number(p.split.kommuner) * 1000 + Number(p.split.landsting) * 1000;
      if (Math.round(sum) !== 1000) add(item, `fördelningen ${p.split.kommuner}/${p.split.landsting} summerar inte till 100 %`);
      if (p.split.kommunKey) checkCited(`${item} kommunnyckel`, p.split.kommunKey);
    }
    let fixedKnown = 0;
    for (const [i, f] of (p.fixed ?? []).entries()) {
      checkCited(`${item} fast belopp ${i + 1}`, f);
      if (f.amount !== null && !isKr(f.amount)) add(item, "fast belopp måste vara hela kronor");
      if (f.rule !== undefined && !ruleIds.has(f.rule)) add(item, `villkoret hänvisar till okänd regel ${f.rule}`);
      if (f.amount !== null && f.recipients !== "*" && !f.condition) fixedKnown += f.amount * f.recipients.length;
    }
    if (fixedKnown > p.amount) add(item, `fasta belopp (${fixedKnown}) överstiger potten (${p.amount})`);
  }
  for (const r of [...a.requirements, ...a.goals]) {
    const item = `regel ${r.id}`;
    checkCited(item, r);
    if (r.criteria.length === 0) add(item, "regeln saknar kriterier");
    dup(`kriterium i ${r.id}`, r.criteria.map((c) => c.id));
    for (const c of r.criteria) {
      checkCited(`${item}/${c.id}`, c);
      if ((c.kind === "share" || c.kind === "target-count") && !(Number(c.threshold) > 0 && Number(c.threshold) <= 1)) {
        add(`${item}/${c.id}`, `tröskeln ${c.threshold} ska vara en andel 0–1`);
      }
      if (c.kind === "target-count" && !(Number(c.rate) > 0 && Number(c.rate) <= 1)) add(`${item}/${c.id}`, `målsiffrans andel ${c.rate} ska vara 0–1`);
      if (c.kind === "months-lower" && !(c.required >= 1 && c.required <= c.months)) add(`${item}/${c.id}`, "ogiltigt antal månader");
    }
    for (const req of r.requires ?? []) if (!ruleIds.has(req)) add(item, `kräver okänd regel ${req}`);
  }
  for (const r of a.requirements) if (r.coverage) checkCited(`regel ${r.id} täckning`, r.coverage);
  for (const x of a.assumptions) {
    checkCitation(`antagande ${x.id}`, x.source);
    if (!x.id.startsWith(`${a.id}/`)) add(`antagande ${x.id}`, `id ska börja med ${a.id}/`);
    if (!x.options.some((o) => o.id === x.default)) add(`antagande ${x.id}`, "standardvalet finns inte bland alternativen");
    dup(`alternativ i ${x.id}`, x.options.map((o) => o.id));
    for (const o of x.options) {
      // The data encodes the default reading; every other option must change something.
      if (o.id === x.default && o.effect?.length) add(`antagande ${x.id}`, `standardvalet ${o.id} ska inte ha någon effekt (datan beskriver standardläsningen)`);
      if (o.id !== x.default && !o.effect?.length) add(`antagande ${x.id}`, `alternativet ${o.id} ändrar ingenting i beräkningen och ska inte listas`);
      if (o.id === x.default || !o.effect?.length) continue;
      try {
        applyPatches(a, o.effect);
      } catch (e) {
        add(`antagande ${x.id}`, `alternativet ${o.id}: ${(e as Error).message}`);
      }
    }
  }
  const potById = new Map(a.pots.map((p) => [p.id, p]));
  for (const t of a.totals) {
    const item = `summa ${t.id}`;
    checkCited(item, t);
    const ids = t.pots === "*" ? a.pots.filter((p) => !p.outside).map((p) => p.id) : t.pots;
    let sum = 0;
    for (const id of ids) {
      const p = potById.get(id);
      if (!p) add(item, `okänd pott ${id}`);
      else sum += p.amount;
    }
    if (sum !== t.amount) add(item, `potterna summerar till ${sum}, källan anger ${t.amount}`);
  }
  const potSum = a.pots.filter((p) => !p.outside).reduce((s, p) => s + p.amount, 0);
  if (potSum !== a.total) add("total", `potterna summerar till ${potSum}, totalen är ${a.total}`);
  for (const d of a.dates) checkCited(`datum ${d.id}`, d);
  dup("åtagande", (a.obligations ?? []).map((o) => o.id));
  for (const o of a.obligations ?? []) {
    const item = `åtagande ${o.id}`;
    checkCited(item, o);
    for (const [field, value] of [["what", o.what], ["consequence", o.consequence]] as const) {
      if (typeof value !== "string" || !value.trim()) add(item, `${field === "what" ? "vad som ska göras" : "följden"} saknas`);
    }
    const problem = obligationDueProblem(o.due);
    if (problem) add(item, problem);
  }
  for (const c of a.conflicts) {
    if (c.claims.length < 2) add(`konflikt ${c.id}`, "en konflikt behöver minst två källor");
    for (const cl of c.claims) checkCitation(`konflikt ${c.id}`, cl.source);
    if (!c.resolution.trim()) add(`konflikt ${c.id}`, "saknar beslut");
  }
  return issues;
}

/** What is wrong with an obligation's due date, in Swedish, or undefined. */
export function obligationDueProblem(due: ObligationDue | undefined): string | undefined {
  if (!due) return "saknar datum";
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/;
  switch (due.kind) {
    case "date":
      return isIsoDate(due.date) ? undefined : `datumet ${due.date} är inget giltigt datum (ÅÅÅÅ-MM-DD)`;
    case "period":
      if (!isIsoDate(due.from) || !isIsoDate(due.to)) return `perioden ${due.from}–${due.to} består inte av giltiga datum`;
      return due.from <= due.to ? undefined : `perioden börjar ${due.from} efter att den slutar ${due.to}`;
    case "monthly":
      if (!month.test(due.from) || !month.test(due.to)) return `månaderna ${due.from}–${due.to} ska skrivas ÅÅÅÅ-MM`;
      if (due.from > due.to) return `månaderna börjar ${due.from} efter att de slutar ${due.to}`;
      return Number.isInteger(due.day) && due.day >= 1 && due.day <= 28 ? undefined : `dagen i månaden ${due.day} ska vara ett heltal 1–28`;
    case "none":
      return due.note?.trim() ? undefined : "ett åtagande utan datum ska säga varför (note)";
    default:
      return `okänd datumtyp ${String((due as { kind?: unknown }).kind)}`;
  }
}

// ---------------------------------------------------------------------------
// The source registry (src/reference/sources.ts)

const REGISTRY = "källregistret";
const KINDS = ["signed-agreement", "government-decision", "skl-circular", "skl-memo"];

/** The registry lists every seed document once, with well-formed fields. */
export function checkSourceRegistry(docs: readonly SourceDocument[] = SOURCE_DOCUMENTS): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const seen = new Map<string, string>();
  for (const d of docs) {
    const item = `dokument ${d.doc}`;
    const add = (message: string) => issues.push({ agreement: REGISTRY, item, message });
    if (!SEED_FILES.includes(d.doc)) add("okänd källfil");
    for (const [field, value] of [["doc", d.doc], ["title", d.title], ["name", d.name], ["short", d.short]] as const) {
      const key = `${field}:${value}`;
      if (seen.has(key)) add(`${field} "${value}" förekommer också för ${seen.get(key)}`);
      seen.set(key, d.doc);
    }
    for (const [field, value] of [["title", d.title], ["name", d.name], ["short", d.short], ["issuer", d.issuer]] as const) {
      if (typeof value !== "string" || value.trim() === "") add(`${field} saknas`);
      else if (value !== value.trim() || /\s{2,}|\n/.test(value)) add(`${field} har överflödiga blanksteg`);
    }
    if (d.short.length > 30) add(`kortnamnet "${d.short}" är längre än 30 tecken`);
    if (!KINDS.includes(d.kind)) add(`okänd dokumenttyp ${String(d.kind)}`);
    if (d.role !== "primary" && d.role !== "secondary") add(`ogiltig roll ${String(d.role)}`);
    const primaryKind = d.kind === "signed-agreement" || d.kind === "government-decision";
    if (primaryKind !== (d.role === "primary")) add(`dokumenttypen ${d.kind} ska vara ${primaryKind ? "primär" : "sekundär"} källa`);
    if (d.date !== null) {
      if (!isIsoDate(d.date.iso)) add(`datumet ${d.date.iso} är inget giltigt datum (ÅÅÅÅ-MM-DD)`);
      if (d.date.role !== "dated" && d.date.role !== "signed") add(`ogiltig datumroll ${String(d.date.role)}`);
      if (d.date.role === "signed" && d.kind !== "signed-agreement" && d.kind !== "government-decision") add("bara en överenskommelse kan ha ett underskriftsdatum");
      if (!d.date.text.trim()) add("datumet saknar textställe");
    }
    if (d.reference !== null && !/^[\p{L}\d][\p{L}\d:/.-]*$/u.test(d.reference)) add(`referensnumret "${d.reference}" är inte välformat`);
    if (d.kind === "skl-circular" && d.reference === null) add("ett cirkulär har alltid ett nummer");
  }
  for (const f of SEED_FILES) {
    if (!docs.some((d) => d.doc === f)) issues.push({ agreement: REGISTRY, item: `dokument ${f}`, message: "saknas i källregistret" });
  }
  return issues;
}

/** Text flattened for comparison: markdown marks dropped, whitespace collapsed, lower case. */
export function flattenText(text: string): string {
  return text.replace(/[#*]/g, "").replace(/\s+/g, " ").trim().toLocaleLowerCase("sv");
}

/**
 * The date a passage states, as ISO: "2013-12-16", or "Stockholm den 11
 * december 2013" (day and month first, then the first year after them, as in
 * side-by-side signature blocks).
 */
export function statedDate(passage: string): string | undefined {
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(passage);
  if (iso) return iso[1];
  const flat = flattenText(passage);
  const dm = new RegExp(`\\b(\\d{1,2}) (${SWEDISH_MONTHS.join("|")})\\b`).exec(flat);
  if (!dm) return undefined;
  const year = /\b(\d{4})\b/.exec(flat.slice(dm.index + dm[0].length));
  if (!year) return undefined;
  return `${year[1]}-${String(SWEDISH_MONTHS.indexOf(dm[2]) + 1).padStart(2, "0")}-${dm[1].padStart(2, "0")}`;
}

/**
 * Each registry entry against its document's text: the title, the passage
 * stating the date (and that it states that date) and the reference number
 * occur in the document. `read` gives a document's text, or undefined.
 */
export function checkSourceTexts(read: (doc: SeedFile) => string | undefined, docs: readonly SourceDocument[] = SOURCE_DOCUMENTS): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const d of docs) {
    const add = (message: string) => issues.push({ agreement: REGISTRY, item: `dokument ${d.doc}`, message });
    const raw = read(d.doc);
    if (raw === undefined) {
      add("dokumentet finns inte");
      continue;
    }
    const text = flattenText(raw);
    if (!text.includes(flattenText(d.title))) add(`titeln "${d.title}" finns inte i dokumentet`);
    if (d.date) {
      if (!text.includes(flattenText(d.date.text))) add(`datumstället "${d.date.text}" finns inte i dokumentet`);
      const stated = statedDate(d.date.text);
      if (stated !== d.date.iso) add(`datumstället "${d.date.text}" anger ${stated ?? "inget datum"}, registret ${d.date.iso}`);
    }
    if (d.reference !== null && !new RegExp(`(^|[^\\p{L}\\d])${d.reference.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}($|[^\\p{L}\\d])`, "u").test(text)) {
      add(`referensnumret "${d.reference}" finns inte i dokumentet`);
    }
  }
  return issues;
}
