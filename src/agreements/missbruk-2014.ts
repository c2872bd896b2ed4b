/**
 * Missbruks- och beroendevården 2014 (missbruk-2014), as far as the sources go.
 *
 * Only 003 (SKL memo for Stockholm county 2014) mentions it; 000 does not. 003's
 * heading 2 names two agreements ("Stöd till utveckling av barn- och
 * föräldraperspektivet inom missbruks- och beroendevården" and "Stöd till
 * utveckling av brukarmedverkan genom stöd till brukarråd"); they are modelled
 * together here as one agreement.
 *
 * Limits, stated as required:
 * - No national totals are in the sources. `total` is the sum of what is known
 *   (Stockholm's 650 000 + 25 000 = 675 000, which 003 also states), and each
 *   pot is Stockholm's known part only (assumption missbruk-2014/omfattning).
 * - The third item ("medel rekvireras från Kammarkollegiet") has no amount and
 *   is not paid under this agreement; a Pot needs an amount, so it is only a
 *   note.
 * - Source conflicts would live in ./conflicts.ts; none concern this agreement.
 */
import { Agreement, Citation } from "../core/model";
import { addCountyPayeeAssumption } from "./payee";

const F003 = "003_df29125e70796945.txt" as const;
const c003 = (section: string, label: string, quote: string): Citation => ({ doc: F003, section, label, quote });

const S003_ABUSE = "2. Missbruks- och beroendevården";
const A_SCOPE = "missbruk-2014/omfattning";

export const MISSBRUK_2014: Agreement = {
  id: "missbruk-2014",
  title: "Missbruks- och beroendevården 2014: barn- och föräldraperspektivet samt brukarråd",
  year: 2014,
  total: 675_000,
  source: c003(S003_ABUSE, "PM Stockholms län 2014: missbruks- och beroendevården", "Medel 2014: 675 000 kronor"),
  status: "sourced",
  assumptions: [
    {
      id: A_SCOPE,
      title: "Omfattning: endast Stockholms läns belopp",
      reason:
        "Källorna anger inga riksbelopp, bara Stockholms 650 000 + 25 000 kr (SKL-PM Stockholms län 2014); totalen är summan av de kända beloppen, inte riksramen.",
      default: "stockholm-kanda",
      options: [
        { id: "stockholm-kanda", label: "Totalen = kända belopp för Stockholms län (675 000 kr)" },
      ],
      source: c003(S003_ABUSE, "Endast Stockholms belopp anges", "Medel 2014: 675 000 kronor"),
    },
  ],
  pots: [
    {
      id: "BARN-FORALDER",
      title: "Utveckling av barn- och föräldraperspektivet (Stockholms läns del)",
      amount: 650_000,
      kind: "fixed",
      level: "lan",
      source: c003(S003_ABUSE, "Barn- och föräldraperspektivet", "föräldraperspektivet i missbruks- och beroendevården (650 000 kronor)"),
      status: "sourced",
      assumptions: [A_SCOPE],
      note: "Riksbeloppet anges inte i källorna; potten är Stockholms kända belopp. Samordnas av regionala processledare (SKL-PM Stockholms län 2014).",
      fixed: [
        {
          recipients: ["01"],
          level: "lan",
          amount: 650_000,
          source: c003(S003_ABUSE, "Stockholm: barn- och föräldraperspektivet 2014", "föräldraperspektivet i missbruks- och beroendevården (650 000 kronor)"),
          status: "sourced",
        },
      ],
    },
    {
      id: "BRUKARRAD",
      title: "Utveckling av brukarmedverkan genom stöd till brukarråd (Stockholms läns del)",
      amount: 25_000,
      kind: "fixed",
      level: "lan",
      source: c003(S003_ABUSE, "Brukarmedverkan genom brukarråd", "ekonomiskt stöd till brukarråden (25 000 kronor)"),
      status: "sourced",
      assumptions: [A_SCOPE],
      note: "Riksbeloppet anges inte i källorna; potten är Stockholms kända belopp.",
      fixed: [
        {
          recipients: ["01"],
          level: "lan",
          amount: 25_000,
          source: c003(S003_ABUSE, "Stockholm: brukarråd 2014", "ekonomiskt stöd till brukarråden (25 000 kronor)"),
          status: "sourced",
        },
      ],
    },
  ],
  requirements: [],
  goals: [],
  totals: [
    {
      id: "stockholm",
      label: "Stockholms län 2014: missbruks- och beroendevården",
      amount: 675_000,
      pots: ["BARN-FORALDER", "BRUKARRAD"],
      source: c003(S003_ABUSE, "Medel 2014 för Stockholms län", "Medel 2014: 675 000 kronor"),
      status: "sourced",
    },
    {
      id: "total",
      label: "Kända belopp (riksramen anges inte)",
      amount: 675_000,
      pots: "*",
      source: c003(S003_ABUSE, "Medel 2014 för Stockholms län", "Medel 2014: 675 000 kronor"),
      status: "assumption",
      assumptions: [A_SCOPE],
    },
  ],
  dates: [],
  // None recorded; see ./conflicts.ts.
  conflicts: [],
  notes: [
    "Riksramen för de två överenskommelserna finns inte i källorna; överenskommelsen är bara modellerad så långt källorna räcker, dvs. Stockholms läns belopp (SKL-PM Stockholms län 2014).",
    "Vidareutveckling av missbruks- och beroendevården: medlen rekvireras från Kammarkollegiet, belopp anges inte och ingår inte här (SKL-PM Stockholms län 2014).",
    "003 samlar två överenskommelser under samma rubrik: barn- och föräldraperspektivet inom missbruks- och beroendevården samt brukarmedverkan genom stöd till brukarråd.",
    "Arbetet samordnas av regionala processledare (SKL-PM Stockholms län 2014). SKL:s cirkulär 13:66 nämner inte dessa överenskommelser.",
  ],
};

addCountyPayeeAssumption(
  MISSBRUK_2014,
  ["BARN-FORALDER", "BRUKARRAD"],
  "missbruks- och beroendevården (Stockholm 675 000 kr)",
  c003(S003_ABUSE, "Beloppet utan mottagare", "Medel 2014: 675 000 kronor"),
);
