/**
 * Swedish names and descriptions of the custom functions (sv-SE).
 *
 * functions.json (English, the default) is generated from the JSDoc in
 * functions.ts; functions-sv.json is generated from it with this table by
 * webpack.config.js (`SwedishMetadataPlugin`), which the manifest selects
 * for sv-SE. `localiseMetadata` fails when a function or parameter is
 * missing here, or when this table names one that no longer exists, so the
 * two files cannot drift. Ids never change: formulas stay valid in every
 * language; only the names users type and read differ.
 *
 * Names are proper Swedish, with å, ä and ö, as Excel's own Swedish
 * functions are (SUMMA.OMF, MÅNAD, LETAUPP). Microsoft's rules for a custom
 * function's name: any Unicode letters, underscores and periods, starting
 * with a letter, at least three characters; ids stay A–Z, 0–9, _ and .; avoid
 * names that read as a cell reference or repeat an Excel 4.0 macro function,
 * and a name that matches a built-in Excel function in any language
 * ("Custom functions naming and localization",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming).
 * test/functions-sv.test.ts checks every name in the generated metadata
 * against those rules and against Excel's function names in English and
 * Swedish.
 *
 * A parameter keeps one Swedish name in every function that has it (the
 * error messages name parameters through one lookup, see names.ts), and
 * `localiseMetadata` refuses a table where the same English parameter gets
 * two Swedish names.
 *
 * This file must stay free of imports: webpack.config.js loads it at build
 * time.
 */

export interface SvParameter {
  name: string;
  description: string;
}

export interface SvFunction {
  name: string;
  description: string;
  /** Keyed by the English (metadata) parameter name. */
  parameters: Record<string, SvParameter>;
}

const AGREEMENT: SvParameter = {
  name: "överenskommelse",
  description: 'Överenskommelsens id, t.ex. "prio-2014" eller "aldre-2014" (stora eller små bokstäver).',
};

const TABLE: SvParameter = {
  name: "tabell",
  description: "Fördelningstabellen: rubrikraden först, sedan en rad per mottagare (kod, namn, nivå, län, folkmängd och svaren).",
};

const ROW: SvParameter = {
  name: "rad",
  description: "Raden i tabellen: 1 är första raden under rubrikerna, t.ex. RAD()-RAD($A$7).",
};

const RECIPIENT: SvParameter = {
  name: "mottagare",
  description: "Länskoden (t.ex. 01) när målets målsiffra räknas ur länets folkmängd (B1).",
};

/** Custom function id → Swedish name, description and parameters. */
export const SV_FUNCTIONS: Readonly<Record<string, SvFunction>> = {
  VERSION: {
    name: "VERSION",
    description: "Visar vilken version av Stimulans som är installerad.",
    parameters: {},
  },
  FUND_SHARE: {
    name: "FÖRDELA",
    description:
      "Fördelar en pott i hela kronor efter en nyckel (t.ex. folkmängd) mellan de behöriga raderna; beloppen summerar exakt till potten. Ger ett område lika stort som nycklarna.",
    parameters: {
      pot: { name: "pott", description: "Pottens belopp i hela kronor, t.ex. 80000000." },
      keys: { name: "nycklar", description: "Fördelningsnyckeln per mottagare, t.ex. antal invånare (tal ≥ 0; tom cell räknas som 0)." },
      eligible: {
        name: "behöriga",
        description: 'Valfritt: SANT/1/"ja"/"x" för mottagare som delar potten (tom = nej). Samma storlek som nycklar.',
      },
      ids: {
        name: "koder",
        description: "Valfritt: mottagarnas koder (t.ex. kommunkod) som avgör lika rester vid sista kronan: lägre kod först.",
      },
      method: {
        name: "metod",
        description:
          'Valfritt: "largest-remainder" (standard, största rest), "round" (varje rad avrundas, summan kan avvika) eller "exact" (exakta andelar, inte hela kronor).',
      },
    },
  },
  SPLIT: {
    name: "DELA_BELOPP",
    description:
      "Delar ett belopp i hela kronor mellan kommunerna och landstinget (70/30 om inget annat anges). Ger två celler: kommunernas del, landstingets del.",
    parameters: {
      amount: { name: "belopp", description: "Beloppet i hela kronor." },
      first_share: { name: "kommunandel", description: 'Valfritt: kommunernas andel, 0,7 eller "70 %" (standard 0,7).' },
    },
  },
  POT: {
    name: "POTT",
    description: "Beloppet i kronor för en pott i en överenskommelse.",
    parameters: {
      agreement: AGREEMENT,
      pot_id: { name: "pott_id", description: 'Pottens id, t.ex. "A1".' },
    },
  },
  POPULATION: {
    name: "FOLKMÄNGD",
    description:
      'Antal invånare 31 december 2013 (SCB) i en kommun eller ett län: 180 och "0180" är Stockholm, 1 och "01" Stockholms län. Ett område med koder ger ett område.',
    parameters: {
      code: { name: "kod", description: "Kommunkod (4 siffror) eller länskod (2 siffror), som text eller tal, eller ett område med koder." },
    },
  },
  GRUNDKRAV_MET: {
    name: "GRUNDKRAV_UPPFYLLT",
    description: "Om en kommun eller ett landsting uppfyller ett grundkrav, utifrån svaren på kravets kriterier.",
    parameters: {
      agreement: AGREEMENT,
      requirement_id: { name: "grundkrav_id", description: 'Grundkravets id, t.ex. "GK1".' },
      answers: {
        name: "svar",
        description:
          'Ett svar per kriterium i den ordning STIM.KRITERIER visar: SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom; andelar som 0,9 eller "90 %".',
      },
    },
  },
  GRUNDKRAV_COUNTY: {
    name: "GRUNDKRAV_LÄN",
    description:
      "Länsregeln för grundkraven: SANT när de kommuner som uppfyller dem har minst 80 % av länets invånare (exakt jämförelse).",
    parameters: {
      met: { name: "uppfyllt", description: "En cell per kommun: SANT när kommunen uppfyller grundkraven." },
      populations: { name: "folkmängder", description: "Kommunernas antal invånare, samma storlek som uppfyllt." },
      agreement: { ...AGREEMENT, description: 'Överenskommelsen vars länsregel gäller, t.ex. "prio-2014" (standard).' },
    },
  },
  GOAL_MET: {
    name: "MÅL_UPPFYLLT",
    description: "Om ett prestationsmål är nått, utifrån de indata STIM.KRITERIER visar (förutsättningar inräknade).",
    parameters: {
      agreement: AGREEMENT,
      goal_id: { name: "mål_id", description: 'Målets id, t.ex. "A1" eller "LKM-OLAMPLIGA".' },
      inputs: {
        name: "indata",
        description:
          'Indata, en rad per rad i STIM.KRITERIER: ja/nej-svar, andelar (0,9 eller "90 %", eller antal | totalt), antal, månadsvärden (föregående år | innevarande år).',
      },
      recipient: RECIPIENT,
    },
  },
  CRITERIA: {
    name: "KRITERIER",
    description: "Visar vilka indata ett grundkrav eller mål behöver, en rad per indatarad: kriterium, beskrivning, vad som ska anges, källa.",
    parameters: {
      agreement: AGREEMENT,
      id: { name: "id", description: 'Grundkravets eller målets id, t.ex. "GK1" eller "A1".' },
    },
  },
  MONTHS_LOWER: {
    name: "MÅNADER_LÄGRE",
    description: "Räknar de månader då värdet är lägre än samma månad året innan (lika räknas inte som lägre).",
    parameters: {
      previous: { name: "föregående_år", description: "Värdena året innan, ett per månad." },
      current: { name: "innevarande_år", description: "Värdena i år, samma storlek som föregående_år." },
    },
  },
  EXPLAIN: {
    name: "FÖRKLARA",
    description:
      "Förklarar på svenska om ett grundkrav eller mål är uppfyllt: utfallet, de kriterier som brister med värden och gränser, källorna och antagandena.",
    parameters: {
      agreement: AGREEMENT,
      id: { name: "id", description: 'Grundkravets eller målets id, t.ex. "GK1" eller "A1".' },
      inputs: { name: "indata", description: "Indata som för STIM.MÅL_UPPFYLLT (tomma celler redovisas som saknade uppgifter)." },
      recipient: RECIPIENT,
    },
  },
  SOURCE: {
    name: "KÄLLA",
    description: "Källan till en pott, ett grundkrav, ett mål eller ett antagande: dokument, avsnitt och rubrik.",
    parameters: {
      agreement: AGREEMENT,
      id: { name: "id", description: 'Id för en pott, ett grundkrav, ett mål, ett antagande eller "regel/kriterium", t.ex. "A1".' },
    },
  },
  ALLOCATION: {
    name: "TILLDELNING",
    description:
      "Beloppet i hela kronor som mottagaren på en rad i fördelningstabellen får ur en pott. Hela tabellen beräknas en gång per ändring.",
    parameters: {
      agreement: AGREEMENT,
      table: TABLE,
      row: ROW,
      pot_id: { name: "pott_id", description: 'Pottens id, t.ex. "A1".' },
    },
  },
  ALLOCATION_STATUS: {
    name: "TILLDELNINGSSTATUS",
    description:
      'Status för en rad i fördelningstabellen: för en pott "Behörig", "Inte behörig", "Uppgift saknas" eller "Inte aktuell"; utan pott om grundkraven är uppfyllda ("Ja", "Nej", "Uppgift saknas") efter länsreglerna.',
    parameters: {
      agreement: AGREEMENT,
      table: TABLE,
      row: ROW,
      pot_id: { name: "pott_id", description: 'Valfritt: pottens id, t.ex. "A1"; utelämnat = grundkraven.' },
    },
  },
  UNALLOCATED: {
    name: "OFÖRDELAT",
    description: "Den del av en pott som ingen i fördelningstabellen får (ingen nådde målet eller nycklarna är 0), i hela kronor.",
    parameters: {
      agreement: AGREEMENT,
      table: TABLE,
      pot_id: { name: "pott_id", description: 'Pottens id, t.ex. "A1".' },
    },
  },
  ALLOCATION_SHEET: {
    name: "FÖRDELNINGSBLAD",
    description:
      "Alla grundkrav, belopp och statusar i fördelningstabellen på en gång: först en rad med varje potts ofördelade belopp, sedan en rad per tabellrad. Beräkningsblocket som tabellens celler läser med INDEX; tabellen skickas en gång per omräkning.",
    parameters: {
      agreement: AGREEMENT,
      table: TABLE,
    },
  },
  ASSUMPTIONS: {
    name: "ANTAGANDEN",
    description: "Visar de antaganden som gäller för en överenskommelse där källorna är tysta eller oklara: id, beskrivning, standardval, källa.",
    parameters: {
      agreement: AGREEMENT,
    },
  },
};

/** The parts of functions.json this module reads and writes. */
export interface MetadataParameter {
  name: string;
  description?: string;
  [key: string]: unknown;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  [key: string]: unknown;
}
export interface Metadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

/**
 * The Swedish metadata: the English metadata with every function's and
 * parameter's name and description replaced; everything else (ids, types,
 * dimensionality, optional, result, options) is copied unchanged. Throws when
 * the table and the metadata disagree.
 */
export function localiseMetadata(english: Metadata, table: Readonly<Record<string, SvFunction>> = SV_FUNCTIONS): Metadata {
  const problems: string[] = [];
  const ids = new Set(english.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`${id}: finns i sv.ts men inte i functions.json`);
  const svParam = new Map<string, string>();
  for (const [id, f] of Object.entries(table)) {
    for (const [en, p] of Object.entries(f.parameters)) {
      const seen = svParam.get(en);
      if (seen !== undefined && seen !== p.name) problems.push(`${id}: parametern ${en} heter ${p.name} här men ${seen} i en annan funktion`);
      else svParam.set(en, p.name);
    }
  }
  const functions = english.functions.map((f) => {
    const sv = table[f.id];
    if (!sv) {
      problems.push(`${f.id}: saknar svenskt namn och beskrivning i sv.ts`);
      return f;
    }
    const names = new Set(f.parameters.map((p) => p.name));
    for (const p of Object.keys(sv.parameters)) if (!names.has(p)) problems.push(`${f.id}: parametern ${p} finns i sv.ts men inte i functions.json`);
    const parameters = f.parameters.map((p) => {
      const sp = sv.parameters[p.name];
      if (!sp) {
        problems.push(`${f.id}: parametern ${p.name} saknar svenskt namn och beskrivning i sv.ts`);
        return p;
      }
      return { ...p, name: sp.name, description: sp.description };
    });
    return { ...f, name: sv.name, description: sv.description, parameters };
  });
  if (problems.length > 0) throw new Error(`Svenska funktionsbeskrivningar (src/functions/sv.ts) stämmer inte:\n${problems.join("\n")}`);
  return { ...english, functions };
}
