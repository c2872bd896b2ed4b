/**
 * The pane's navigation: Fluent's TabList (one tab stop, arrow keys move
 * between the tabs, the focused tab opens its view). In a narrow pane the
 * row scrolls sideways instead of wrapping onto a second row.
 */
import { Tab, TabList, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    overflowY: "hidden",
    scrollbarWidth: "thin",
    minWidth: 0,
  },
  list: { flexWrap: "nowrap" },
  tab: { flexShrink: 0 },
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
  return (
    <div className={styles.scroller}>
      <TabList
        aria-label={label}
        size="small"
        selectedValue={selected}
        selectTabOnFocus
        className={styles.list}
        onTabSelect={(_, d) => {
          if (d.value !== selected) onSelect(String(d.value));
        }}
      >
        {items.map((t) => (
          <Tab key={t.id} value={t.id} id={`${idPrefix}${t.id}`} aria-controls={panelId} className={styles.tab}>
            {t.label}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}
