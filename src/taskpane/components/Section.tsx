/**
 * A section that opens and closes: Fluent's Accordion with one item (its
 * header a button inside an <h3>, keyboard and screen-reader support from
 * Fluent). Closed unless `open`, so long views start short; a change of
 * `open` (e.g. a check that found errors) opens or closes it again.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";

const useStyles = makeStyles({
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  panel: { paddingBottom: tokens.spacingVerticalM, marginLeft: tokens.spacingHorizontalXS, marginRight: tokens.spacingHorizontalXS },
});

export function Section({ title, open, children, testId }: { title: string; open?: boolean; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  const [isOpen, setOpen] = useState(!!open);
  useEffect(() => setOpen(!!open), [open]);
  return (
    <Accordion collapsible openItems={isOpen ? ["s"] : []} onToggle={(_, d) => setOpen(d.openItems.includes("s"))} data-testid={testId}>
      <AccordionItem value="s" className={styles.item}>
        <AccordionHeader as="h3" size="large" expandIconPosition="start">
          {title}
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>{children}</AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
