/**
 * Tabs for the pane's navigation, after the WAI-ARIA tabs pattern: one tab
 * stop, arrow keys (and Home/End) move between tabs and open them, the tabs
 * wrap onto a second row in a narrow pane. Styled with Fluent's tokens like
 * Fluent's TabList, without its focus-management library (about 24 KB
 * gzipped, a sixth of the page's budget).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXXS, rowGap: tokens.spacingVerticalXXS },
  tab: {
    position: "relative",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    backgroundColor: "transparent",
    borderTopStyle: "none",
    borderRightStyle: "none",
    borderLeftStyle: "none",
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    borderRadius: 0,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px", borderRadius: tokens.borderRadiusMedium },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    ":hover": { borderBottomColor: tokens.colorCompoundBrandStrokeHover },
  },
});

export interface TabItem {
  id: string;
  label: string;
}

export function Tabs({
  items,
  selected,
  onSelect,
  label,
  idPrefix,
  panelId,
}: {
  items: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
  idPrefix: string;
  panelId: string;
}) {
  const styles = useStyles();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  // Focus follows the selection after React has committed it (the new view
  // may suspend while its chunk loads; focusing earlier can be undone). A
  // layout effect runs in the commit itself: Preact runs plain effects after
  // the next frame, which a busy page (a view explaining a selection) delays.
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (focusNext === null) return;
    refs.current.get(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext]);
  const move = (e: KeyboardEvent, index: number) => {
    const last = items.length - 1;
    const next =
      e.key === "ArrowRight" || e.key === "ArrowDown"
        ? index === last ? 0 : index + 1
        : e.key === "ArrowLeft" || e.key === "ArrowUp"
          ? index === 0 ? last : index - 1
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setFocusNext(items[next].id);
    onSelect(items[next].id);
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {items.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={panelId}
          tabIndex={t.id === selected ? 0 : -1}
          className={mergeClasses(styles.tab, t.id === selected && styles.selected)}
          onClick={() => onSelect(t.id)}
          onKeyDown={(e) => move(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
