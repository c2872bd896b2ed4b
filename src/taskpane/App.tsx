import {
  Badge,
  Body1,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatCitation, formatKr } from "../core/format";
import type { Citation } from "../core/model";

/** One agreement as listed in the task pane. */
export interface AgreementSummary {
  id: string;
  title: string;
  /** Total amount in kronor. */
  total: number;
  /** The agreement document; shown in the full citation form. */
  source: Citation;
}

export interface AppProps {
  agreements: readonly AgreementSummary[];
  /** True when running outside Excel (plain browser, in-memory workbook). */
  preview?: boolean;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  amount: {
    textAlign: "right",
    // Amounts are grouped with ordinary spaces (src/core/format.ts); the cell keeps them on one line.
    whiteSpace: "nowrap",
    fontVariantNumeric: "tabular-nums",
  },
  title: {
    display: "flex",
    flexDirection: "column",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  source: {
    color: tokens.colorNeutralForeground3,
  },
});

export function AgreementList({ agreements }: { agreements: readonly AgreementSummary[] }) {
  const styles = useStyles();
  if (agreements.length === 0) {
    return <Body1>Inga överenskommelser laddade</Body1>;
  }
  return (
    <Table size="small" aria-label="Överenskommelser">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Överenskommelse</TableHeaderCell>
          <TableHeaderCell className={styles.amount}>Totalt</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {agreements.map((a) => (
          <TableRow key={a.id}>
            <TableCell>
              <div className={styles.title}>
                <span>{a.title}</span>
                <Caption1 className={styles.source}>Källa: {formatCitation(a.source)}</Caption1>
              </div>
            </TableCell>
            <TableCell className={styles.amount}>{formatKr(a.total)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function App({ agreements, preview = false }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">Stimulans</Title2>
        {preview && (
          <Badge appearance="tint" color="informative">
            Förhandsvisning
          </Badge>
        )}
      </header>
      <Body1>
        Fördela och kontrollera statliga stimulansmedel till kommuner och landsting enligt 2014 års
        överenskommelser – direkt i Excel.
      </Body1>
      {preview && (
        <Caption1>Öppnad utanför Excel: arbetsboken är en tom arbetsbok i minnet.</Caption1>
      )}
      <section className={styles.section} aria-labelledby="stim-agreements">
        <Subtitle2 as="h2" id="stim-agreements">
          Överenskommelser
        </Subtitle2>
        <AgreementList agreements={agreements} />
      </section>
    </main>
  );
}
