import { makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { copyText } from "../clipboard";
import { ActionButton } from "./ui";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    overflowWrap: "anywhere",
    flexGrow: 1,
    minWidth: 0,
  },
});

/** A formula (or id) in monospace with a button that copies it; says "Kopierad" when done. */
export function CopyText({ text, what }: { text: string; what: string }) {
  const styles = useStyles();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await copyText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className={styles.row}>
      <code className={styles.code}>{text}</code>
      <ActionButton appearance="subtle" onClick={() => void copy()} aria-label={state === "copied" ? `${what} kopierad` : `Kopiera ${what}`}>
        {state === "copied" ? "Kopierad" : state === "failed" ? "Markera och kopiera" : "Kopiera"}
      </ActionButton>
    </span>
  );
}
