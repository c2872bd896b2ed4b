/**
 * View "Bygg fördelningsark" (finance staff, trainers): choose an agreement,
 * the whole country or one county, and optionally the fictional demo data;
 * the sheet layer's workbook is written into new sheets (an Excel table with
 * data validation and STIM formulas, the rules, the assumptions and the
 * source conflicts), and the allocation sheet is selected when done.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { OperationStatus } from "../../components/OperationStatus";
import { ActionButton, Caption, CheckboxField, RadioField, SelectField } from "../../components/ui";
import { useHost } from "../../hostContext";
import { useOperation } from "../../operation";
import type { ViewProps } from "../registry";
import { AGREEMENTS, LAN } from "../../../runtime";
import { buildSheets, type BuildResult } from "./build";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

function doneText(r: BuildResult): string {
  const [allocation, ...rest] = r.sheets;
  return (
    `Klart: bladet ”${allocation}” har ${r.rows} mottagare${r.fictional ? " med FIKTIVA demouppgifter" : " och tomma svarskolumner att fylla i"}` +
    `; regler, antaganden och källkonflikter finns på bladen ${rest.map((s) => `”${s}”`).join(", ")}. Inga befintliga blad eller celler ändrades.`
  );
}

export default function BuildView(_props: ViewProps) {
  const styles = useStyles();
  const { workbook, preview } = useHost();
  const [agreement, setAgreement] = useState(AGREEMENTS[0].id);
  const [scope, setScope] = useState<"riket" | "lan">("riket");
  const [county, setCounty] = useState("01");
  const [demo, setDemo] = useState(true);
  const build = useOperation<BuildResult>();

  const start = () =>
    build.run("Bygger fördelningsarket …", (report) => buildSheets(workbook, { agreement, county: scope === "lan" ? county : undefined, demo }, report));

  return (
    <div className={styles.root}>
      <SelectField
        label="Överenskommelse"
        value={agreement}
        onChange={(v) => {
          setAgreement(v);
          build.reset();
        }}
        options={AGREEMENTS.map((a) => [a.id, `${a.id}: ${a.title}`] as const)}
        testId="build-agreement"
      />
      <RadioField
        label="Omfattning"
        value={scope}
        onChange={(v) => setScope(v as "riket" | "lan")}
        options={[
          ["riket", "Hela riket"],
          ["lan", "Ett län"],
        ]}
      />
      {scope === "lan" && (
        <SelectField
          label="Län"
          value={county}
          onChange={setCounty}
          options={LAN.map((l) => [l.code, `${l.code} ${l.name}`] as const)}
          hint="Beloppen på ett länsark förutsätter att alla i övriga län uppfyller kraven."
          testId="build-county"
        />
      )}
      <CheckboxField
        label="Fyll i fiktiva demouppgifter"
        checked={demo}
        onChange={setDemo}
        hint="Påhittade svar och nyckeltal (märkta FIKTIVT) för att visa och öva; folkmängden är SCB:s. Utan dem blir svarskolumnerna tomma."
      />
      <Caption>
        Skriver fyra nya blad: fördelningen som en Excel-tabell med listor och gränser för svaren och STIM-formler för belopp och status, samt regler,
        antaganden och källkonflikter. Befintliga blad och celler ändras aldrig.
      </Caption>
      <div className={styles.actions}>
        {/* Focusable while it runs: Enter leaves the keyboard focus on the button, not on <body>. */}
        <ActionButton appearance="primary" onClick={() => void start()} disabledFocusable={build.state.status === "running"}>
          Bygg fördelningsark
        </ActionButton>
      </div>
      <OperationStatus state={build.state} done={doneText} onRetry={() => void start()} />
      {preview && build.state.status === "done" && (
        <Caption>I förhandsvisningen visar rutnätet de värden Stimulans räknade fram. I Excel räknar STIM-formlerna om när svaren ändras.</Caption>
      )}
    </div>
  );
}
