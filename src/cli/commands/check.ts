import { resolve } from "node:path";
import { AGREEMENTS, selfCheck } from "../../agreements";
import { checkSourceTexts } from "../../core/check";
import { StimError } from "../../core/errors";
import { defineCommand } from "../command";
import { allCitations, defaultSeedDir, missingSeeds, projectRoot, seedReader, seedResolver, seedsHint } from "../sources";

export const command = defineCommand({
  name: "check",
  args: ["[mapp]"],
  summary: "kontrollerar överenskommelserna och varje källhänvisning mot källdokumenten",
  details: [
    "Varje källhänvisnings avsnitt ska finnas som rubrik och dess citat ordagrant på en rad i källdokumentet;",
    "källregistrets titel, datum och referensnummer för varje dokument ska stå i dokumentet.",
    "<mapp> är källdokumentens mapp; standard är ../shared/seeds bredvid projektet (npm run check:sources -- <mapp>).",
  ],
  options: {},
  run({ positionals }) {
    const dir = positionals[0] ?? defaultSeedDir(projectRoot());
    const missing = missingSeeds(dir);
    if (missing.length) throw new StimError(seedsHint(dir, missing));
    const problems = [...checkSourceTexts(seedReader(dir)), ...selfCheck()].map((i) => `${i.agreement} ${i.item}: ${i.message}`);
    const resolver = seedResolver(dir);
    const citations = allCitations();
    for (const { at, c } of citations) {
      const problem = resolver(c);
      if (problem) problems.push(`${at}: ${problem}`);
    }
    if (problems.length) throw new StimError(`${problems.length} fel: ${problems.join("; ")}`);
    return `OK: ${AGREEMENTS.length} överenskommelser klarar självkontrollerna; alla ${citations.length} källhänvisningar (avsnitt och citat) och källregistrets titlar, datum och referensnummer finns i ${resolve(dir)}.`;
  },
});
