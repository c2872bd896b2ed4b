/**
 * The pane's small controls: buttons, badges, messages, a spinner, a
 * progress bar, and labelled select, text and radio fields. They are styled
 * with Fluent UI v9's design tokens (so they follow the Office theme, light
 * or dark, exactly like Fluent's components) but built on the native HTML
 * elements, which bring keyboard and screen-reader support with them.
 *
 * Why not Fluent's own Button, Select, Field, Badge, MessageBar, Input,
 * RadioGroup, Spinner, ProgressBar and Text: together they add about 33 KB
 * (minified and gzipped) to a page whose target is 150 KB, of which React
 * and functions.js (the core) already take about 133 KB (README, "Task pane
 * size"). These take about 3 KB.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { useId, type ButtonHTMLAttributes, type ReactNode } from "react";

const useStyles = makeStyles({
  button: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    minHeight: "32px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover, borderTopColor: tokens.colorNeutralStroke1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
    ":disabled": {
      cursor: "not-allowed",
      color: tokens.colorNeutralForegroundDisabled,
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
    },
  },
  primary: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid transparent`,
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover },
    ":active": { backgroundColor: tokens.colorBrandBackgroundPressed },
  },
  subtle: {
    minHeight: "24px",
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid transparent`,
    backgroundColor: "transparent",
    color: tokens.colorBrandForeground1,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  pill: {
    display: "inline-block",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid`,
    whiteSpace: "nowrap",
  },
  informative: { color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground4, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, backgroundColor: tokens.colorPaletteYellowBackground1, ...shorthands.borderColor(tokens.colorPaletteYellowBorder1) },
  danger: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder1) },
  success: { color: tokens.colorPaletteGreenForeground1, backgroundColor: tokens.colorPaletteGreenBackground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder1) },
  brand: { color: tokens.colorBrandForeground1, backgroundColor: tokens.colorBrandBackground2, ...shorthands.borderColor(tokens.colorBrandStroke2) },
  alert: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  alertTitle: { fontWeight: tokens.fontWeightSemibold },
  spinnerRow: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  spinner: {
    width: "16px",
    height: "16px",
    flexShrink: 0,
    borderRadius: "50%",
    border: `2px solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: "rotate(0deg)" }, to: { transform: "rotate(360deg)" } },
    animationDuration: "0.9s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    "@media (prefers-reduced-motion: reduce)": { animationDuration: "3s" },
  },
  track: { height: "4px", borderRadius: "2px", backgroundColor: tokens.colorNeutralBackground6, overflow: "hidden" },
  bar: { height: "100%", backgroundColor: tokens.colorCompoundBrandBackground, transitionProperty: "width", transitionDuration: "0.2s" },
  field: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  label: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  error: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
  control: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    minHeight: "32px",
    width: "100%",
    boxSizing: "border-box",
    padding: `0 ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { borderTopColor: tokens.colorNeutralStroke1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "0" },
  },
  invalid: { borderTopColor: tokens.colorPaletteRedBorder2, borderBottomColor: tokens.colorPaletteRedBorder2 },
  radios: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, border: "none", margin: 0, padding: 0 },
  radio: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase300, cursor: "pointer" },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS },
  body: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  caption: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  title: { margin: 0, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

/** Body text (Fluent's Body1 ramp). */
export function BodyText({ children, className }: { children: ReactNode; className?: string }) {
  return <span className={mergeClasses(useStyles().body, className)}>{children}</span>;
}

/** Small secondary text (Fluent's Caption1 ramp). */
export function Caption({ children, className }: { children: ReactNode; className?: string }) {
  return <span className={mergeClasses(useStyles().caption, className)}>{children}</span>;
}

/** The pane's title (Fluent's Subtitle ramp). */
export function PaneTitle({ children }: { children: ReactNode }) {
  return <h1 className={useStyles().title}>{children}</h1>;
}

export type Tone = "informative" | "warning" | "danger" | "success" | "brand";

export function ActionButton({
  appearance = "secondary",
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: "primary" | "secondary" | "subtle" }) {
  const styles = useStyles();
  return (
    <button
      type="button"
      {...rest}
      className={mergeClasses(styles.button, appearance === "primary" && styles.primary, appearance === "subtle" && styles.subtle, className)}
    />
  );
}

/** A small coloured label, e.g. "Antagande" or "Källkonflikt". */
export function Pill({ tone, children }: { tone: Tone; children: ReactNode }) {
  const styles = useStyles();
  return <span className={mergeClasses(styles.pill, styles[tone])}>{children}</span>;
}

/** A message box: errors are announced at once (role alert), other messages politely (role status). */
export function Alert({ tone, title, children }: { tone: "danger" | "success" | "informative" | "warning"; title?: ReactNode; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={mergeClasses(styles.alert, styles[tone])}>
      {title && <span className={styles.alertTitle}>{title}</span>}
      {children}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.spinnerRow} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** A progress bar: `value` 0–1, or undefined while the total is unknown (shown as a third, moving on with each report). */
export function ProgressBar({ value, label }: { value: number | undefined; label: string }) {
  const styles = useStyles();
  const pct = Math.round((value ?? 0.33) * 100);
  return (
    <div className={styles.field} role="status">
      <div
        className={styles.track}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === undefined ? undefined : pct}
      >
        <div className={styles.bar} style={{ width: `${pct}%` }} />
      </div>
      <span className={styles.hint}>{label}</span>
    </div>
  );
}

/**
 * A label above a control, and under it a hint or (when `error` is set) the
 * error; `control` gets the id and aria attributes that tie them together.
 */
function Labelled({
  label,
  hint,
  error,
  control,
}: {
  label: string;
  hint?: string;
  error?: string;
  control: (aria: { id: string; "aria-describedby"?: string; "aria-invalid"?: true }) => ReactNode;
}) {
  const styles = useStyles();
  const id = useId();
  const message = error ?? hint;
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      {control({ id, "aria-describedby": message ? `${id}-msg` : undefined, "aria-invalid": error ? true : undefined })}
      {message && (
        <span id={`${id}-msg`} className={error ? styles.error : styles.hint}>
          {message}
        </span>
      )}
    </div>
  );
}

/** A labelled native <select>. `options` are [value, text] pairs. */
export function SelectField({
  label,
  value,
  onChange,
  options,
  hint,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
  hint?: string;
  testId?: string;
}) {
  const styles = useStyles();
  return (
    <Labelled
      label={label}
      hint={hint}
      control={(aria) => (
        <select {...aria} className={styles.control} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A labelled text input with a hint, or the error in its place. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  placeholder,
  inputMode,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  placeholder?: string;
  inputMode?: "numeric" | "text";
}) {
  const styles = useStyles();
  return (
    <Labelled
      label={label}
      hint={hint}
      error={error}
      control={(aria) => (
        <input
          {...aria}
          className={mergeClasses(styles.control, error && styles.invalid)}
          value={value}
          placeholder={placeholder}
          inputMode={inputMode}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    />
  );
}

/** Native radio buttons in a fieldset with a legend. */
export function RadioField({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
}) {
  const styles = useStyles();
  const name = useId();
  return (
    <fieldset className={styles.radios}>
      <legend className={mergeClasses(styles.label, styles.legend)}>{label}</legend>
      {options.map(([v, text]) => (
        <label key={v} className={styles.radio}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          {text}
        </label>
      ))}
    </fieldset>
  );
}

/** A native checkbox with its label (and an optional hint under it). */
export function CheckboxField({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.field}>
      <label className={styles.radio} htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}
