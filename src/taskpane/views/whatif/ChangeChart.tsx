/**
 * A diverging bar chart of what each recipient (or county) gains or loses,
 * laid out with CSS so its text stays readable at any width: full labels
 * (wrapping, never cut), a scale with ticks in kronor along the top, a zero
 * line, and each bar's exact change beside it. Hand-written because the
 * diverging layout (losses left of zero, gains right) with wrapped labels
 * is not one of @fluentui/react-charts' horizontal charts; it is marked up
 * as a list, and the view shows the same figures in a table beside it.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatKrChange, formatKrShort } from "../../format";

export interface Bar {
  label: string;
  delta: bigint;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0, margin: 0, padding: 0 },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(7em, 32%) 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    listStyle: "none",
  },
  label: { overflowWrap: "anywhere", lineHeight: tokens.lineHeightBase200 },
  plot: { position: "relative", height: "1.6em" },
  scale: { position: "relative", height: "1.4em", color: tokens.colorNeutralForeground2, fontSize: "0.85em" },
  tick: { position: "absolute", top: 0, transform: "translateX(-50%)", whiteSpace: "nowrap" },
  tickEnd: { transform: "translateX(-100%)" },
  tickStart: { transform: "none" },
  grid: { position: "absolute", top: 0, bottom: 0, width: "1px", backgroundColor: tokens.colorNeutralStroke2 },
  zero: { position: "absolute", top: "-2px", bottom: "-2px", width: "2px", marginLeft: "-1px", backgroundColor: tokens.colorNeutralForeground1 },
  bar: { position: "absolute", top: "15%", height: "70%", borderRadius: tokens.borderRadiusSmall },
  gain: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  loss: { backgroundColor: tokens.colorPaletteRedBackground3 },
  value: { position: "absolute", top: "50%", transform: "translateY(-50%)", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", fontSize: "0.9em" },
});

/** Keeps the `max` largest changes and sums the rest into one bar, so the bars add up to the whole change. */
export function topBars(bars: readonly Bar[], max: number, restLabel: (n: number) => string): Bar[] {
  if (bars.length <= max) return [...bars];
  const kept = bars.slice(0, max - 1);
  const rest = bars.slice(max - 1);
  return [...kept, { label: restLabel(rest.length), delta: rest.reduce((s, b) => s + b.delta, 0n) }];
}

/** A "nice" step (1, 2 or 5 × 10^k) that divides `max` into at most `count` parts. */
export function niceStep(max: bigint, count = 2): bigint {
  if (max <= 0n) return 1n;
  let step = 1n;
  for (;;) {
    for (const m of [1n, 2n, 5n]) if (max <= step * m * BigInt(count)) return step * m;
    step *= 10n;
  }
}

const abs = (n: bigint) => (n < 0n ? -n : n);

export function ChangeChart({ bars, label, className }: { bars: readonly Bar[]; label: string; className?: string }) {
  const styles = useStyles();
  if (bars.length === 0) return null;
  const largest = bars.reduce((m, b) => (abs(b.delta) > m ? abs(b.delta) : m), 0n) || 1n;
  const step = niceStep(largest);
  const extent = ((largest + step - 1n) / step) * step; // the scale runs from -extent to +extent
  const ticks: bigint[] = [];
  for (let t = -extent; t <= extent; t += step) ticks.push(t);
  // Exact ratio of two bigints as a percentage of the plot's width.
  const pos = (v: bigint) => 50 + (Number((v * 100000n) / extent) / 100000) * 50;
  return (
    <figure className={mergeClasses(styles.root, className)} data-testid="whatif-chart" aria-label={label}>
      <div className={styles.row} aria-hidden="true">
        <span />
        <div className={styles.scale} data-testid="whatif-scale">
          {ticks.map((t, i) => (
            <span key={t.toString()} className={mergeClasses(styles.tick, i === 0 && styles.tickStart, i === ticks.length - 1 && styles.tickEnd)} style={{ left: `${pos(t)}%` }}>
              {t === 0n ? "0" : formatKrShort(t).replace(/^(?=\d)/, "+")}
            </span>
          ))}
        </div>
      </div>
      <ul className={styles.root} style={{ listStyle: "none" }}>
        {bars.map((b, i) => {
          const gain = b.delta > 0n;
          const w = Math.max(pos(abs(b.delta)) - 50, 0.3);
          return (
            <li key={`${b.label}${i}`} className={styles.row}>
              <span className={styles.label}>{b.label}</span>
              <div className={styles.plot}>
                {ticks.map((t) => (
                  <span key={t.toString()} className={t === 0n ? styles.zero : styles.grid} style={{ left: `${pos(t)}%` }} aria-hidden="true" />
                ))}
                <span className={mergeClasses(styles.bar, gain ? styles.gain : styles.loss)} style={gain ? { left: "50%", width: `${w}%` } : { right: "50%", width: `${w}%` }} aria-hidden="true" />
                <span className={styles.value} style={gain ? { right: "51%" } : { left: "51%" }}>
                  {formatKrChange(b.delta)}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
