/**
 * A diverging bar chart of what each recipient (or county) gains or loses,
 * hand-written SVG: no chart library (a few hundred bytes instead of tens of
 * kilobytes), scales to the pane's width, follows the theme's colours. The
 * bars are decoration for sighted users; the same figures are in the table
 * the view shows under the chart, and the chart's accessible name is the
 * one-line summary.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { formatKrChange } from "../../../runtime";

export interface Bar {
  label: string;
  delta: bigint;
}

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
  gain: { fill: tokens.colorPaletteGreenBackground3 },
  loss: { fill: tokens.colorPaletteRedBackground3 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
});

const WIDTH = 320;
const LABEL_WIDTH = 104;
const ROW = 22;
const BAR = 14;

/** Keeps the `max` largest changes and sums the rest into one bar, so the bars add up to the whole change. */
export function topBars(bars: readonly Bar[], max: number, restLabel: (n: number) => string): Bar[] {
  if (bars.length <= max) return [...bars];
  const kept = bars.slice(0, max - 1);
  const rest = bars.slice(max - 1);
  return [...kept, { label: restLabel(rest.length), delta: rest.reduce((s, b) => s + b.delta, 0n) }];
}

function short(text: string, max = 18): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function ChangeChart({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const styles = useStyles();
  if (bars.length === 0) return null;
  const largest = bars.reduce((m, b) => (b.delta < 0n ? (-b.delta > m ? -b.delta : m) : b.delta > m ? b.delta : m), 0n) || 1n;
  const plot = WIDTH - LABEL_WIDTH;
  const zero = LABEL_WIDTH + plot / 2;
  const half = plot / 2 - 2;
  const height = bars.length * ROW + 4;
  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label} data-testid="whatif-chart">
      <line className={styles.axis} x1={zero} x2={zero} y1={0} y2={height} />
      {bars.map((b, i) => {
        // Exact ratio of two bigints to a pixel width (amounts exceed 2^53 only in theory; the ratio is ≤ 1).
        const w = Number((b.delta < 0n ? -b.delta : b.delta) * 10000n / largest) / 10000 * half;
        const y = i * ROW + 2;
        const gain = b.delta > 0n;
        return (
          <g key={`${b.label}${i}`}>
            <text className={styles.label} x={0} y={y + BAR - 3}>
              {short(b.label)}
            </text>
            <rect className={gain ? styles.gain : styles.loss} x={gain ? zero : zero - w} y={y} width={Math.max(w, 1)} height={BAR} rx={2} />
            <text
              className={styles.value}
              x={gain ? zero - 3 : zero + 3}
              y={y + BAR - 3}
              textAnchor={gain ? "end" : "start"}
            >
              {formatKrChange(b.delta)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
