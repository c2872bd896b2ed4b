/**
 * The pane's small controls, each one of Fluent UI v9's own components
 * (Button, Badge, MessageBar, Spinner, ProgressBar, Field with Select,
 * Input, RadioGroup and Checkbox, Text) behind the few props the views use,
 * so every view gets Fluent's look, keyboard handling and theme from one
 * place.
 */
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar as FluentProgressBar,
  Radio,
  RadioGroup,
  Select,
  Spinner as FluentSpinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  type ButtonProps,
} from "@fluentui/react-components";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";

const useStyles = makeStyles({
  title: { margin: 0, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  caption: { color: tokens.colorNeutralForeground2 },
  messageBody: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  radios: { flexDirection: "row", flexWrap: "wrap" },
  // Fluent's tinted warning badge in the dark theme is orange on a dark
  // yellow (3.7:1); its light-theme foreground on a lighter background
  // reaches 4.5:1 in both themes (checked by axe in test/e2e).
  warning: {
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    borderTopColor: tokens.colorPaletteYellowBorder1,
    borderRightColor: tokens.colorPaletteYellowBorder1,
    borderBottomColor: tokens.colorPaletteYellowBorder1,
    borderLeftColor: tokens.colorPaletteYellowBorder1,
  },
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
});

/** Body text (Fluent's Body1 ramp). */
export function BodyText({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <Text size={300} className={className}>
      {children}
    </Text>
  );
}

/** Small secondary text (Fluent's Caption1 ramp). */
export function Caption({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <Text size={200} className={mergeClasses(useStyles().caption, className)}>
      {children}
    </Text>
  );
}

/** The pane's title (Fluent's Subtitle ramp). */
export function PaneTitle({ children }: { children: ReactNode }) {
  return <h1 className={useStyles().title}>{children}</h1>;
}

export type Tone = "informative" | "warning" | "danger" | "success" | "brand";

type ActionButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "color"> & {
  appearance?: "primary" | "secondary" | "subtle";
  /** Disabled but still focusable (aria-disabled): a button that starts a long task keeps the keyboard focus while it runs. */
  disabledFocusable?: boolean;
};

/** Fluent's Button; `ref` reaches the <button> (views give focus back to it). */
export const ActionButton = forwardRef<HTMLButtonElement, ActionButtonProps>(function ActionButton({ appearance = "secondary", ...rest }, ref) {
  return <Button ref={ref} appearance={appearance} size={appearance === "subtle" ? "small" : "medium"} {...(rest as ButtonProps)} />;
});

/** A small coloured label, e.g. "Antagande" or "Källkonflikt" (Fluent's Badge). */
export function Pill({ tone, children }: { tone: Tone; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Badge appearance="tint" shape="rounded" color={tone} className={mergeClasses(styles.badge, tone === "warning" && styles.warning)}>
      {children}
    </Badge>
  );
}

const INTENT = { danger: "error", success: "success", informative: "info", warning: "warning" } as const;

/** A message (Fluent's MessageBar): errors are announced at once (role alert), other messages politely (role status). */
export function Alert({ tone, title, children }: { tone: "danger" | "success" | "informative" | "warning"; title?: ReactNode; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div role={tone === "danger" ? "alert" : "status"}>
      <MessageBar intent={INTENT[tone]} layout="multiline">
        <MessageBarBody className={styles.messageBody}>
          {title && <MessageBarTitle>{title}</MessageBarTitle>}
          {children}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <div role="status">
      <FluentSpinner size="tiny" labelPosition="after" label={label} />
    </div>
  );
}

/** A progress bar: `value` 0–1, or undefined while the total is unknown (Fluent's indeterminate bar). */
export function ProgressBar({ value, label }: { value: number | undefined; label: string }) {
  return (
    <div role="status">
      <Field validationMessage={label} validationState="none">
        <FluentProgressBar value={value} max={1} aria-label={label} thickness="large" />
      </Field>
    </div>
  );
}

/** A labelled select (Fluent's Select: the native list, with its type-ahead). `options` are [value, text] pairs. */
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
  return (
    <Field label={label} hint={hint}>
      <Select value={value} onChange={(_, d) => onChange(d.value)} data-testid={testId}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
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
  return (
    <Field label={label} hint={error ? undefined : hint} validationMessage={error} validationState={error ? "error" : "none"}>
      <Input value={value} placeholder={placeholder} inputMode={inputMode} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

/** Radio buttons (Fluent's RadioGroup) with a label. */
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
  return (
    <Field label={label}>
      <RadioGroup value={value} onChange={(_, d) => onChange(d.value)} layout="horizontal" className={styles.radios}>
        {options.map(([v, text]) => (
          <Radio key={v} value={v} label={text} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** A checkbox with its label (and an optional hint under it). */
export function CheckboxField({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  return (
    <Field hint={hint}>
      <Checkbox checked={checked} onChange={(_, d) => onChange(d.checked === true)} label={label} />
    </Field>
  );
}
