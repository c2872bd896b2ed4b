/**
 * The task pane shell: a header, a navigation of tabs that wraps onto two
 * rows in a narrow pane (arrow keys move between tabs, Tab moves into the
 * view; components/Tabs.tsx), and the open view, loaded on first use with a Swedish message
 * instead of an empty pane if it fails.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useMemo, useRef, useState, type ComponentType, type LazyExoticComponent } from "react";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Tabs } from "./components/Tabs";
import { BodyText, Caption, PaneTitle, Pill, Spinner } from "./components/ui";
import { useHost } from "./hostContext";
import { VIEWS, type ViewInfo, type ViewProps } from "./views/registry";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0, outlineStyle: "none" },
  viewTitle: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

type LazyView = LazyExoticComponent<ComponentType<ViewProps>>;

/**
 * One lazy component per view, made when the view is first opened and kept
 * (so a view is loaded once); `forget` drops it after a failure, so that
 * "Försök igen" downloads the view anew.
 */
function useLazyViews(): { get: (view: ViewInfo) => LazyView; forget: (id: string) => void } {
  const cache = useRef(new Map<string, LazyView>());
  return useMemo(
    () => ({
      get: (view: ViewInfo) => {
        let c = cache.current.get(view.id);
        if (!c) cache.current.set(view.id, (c = lazy(view.load)));
        return c;
      },
      forget: (id: string) => cache.current.delete(id),
    }),
    [],
  );
}

export interface AppProps {
  /** The view to open first (its id, e.g. from the URL fragment); the first view otherwise. */
  initialView?: string;
  /** Called when the user opens another view (e.g. to keep the URL fragment in step). */
  onViewChange?: (id: string) => void;
  /** The views to offer (default: all, from views/registry.ts). */
  views?: readonly ViewInfo[];
}

export function App({ initialView, onViewChange, views = VIEWS }: AppProps) {
  const styles = useStyles();
  const host = useHost();
  const find = (id: string | undefined) => views.find((v) => v.id === id);
  const [viewId, setViewId] = useState(find(initialView)?.id ?? views[0].id);
  const [attempt, setAttempt] = useState(0);
  const view = find(viewId) ?? views[0];
  const lazyViews = useLazyViews();
  const View = lazyViews.get(view);

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <PaneTitle>Stimulans</PaneTitle>
        {host.preview && (
          <Pill tone="brand">Förhandsvisning</Pill>
        )}
        {host.preview && <Caption>Utanför Excel: Stimulans arbetar mot en arbetsbok i minnet.</Caption>}
      </header>
      <nav aria-label="Vyer">
        <Tabs
          label="Vyer"
          items={views}
          selected={view.id}
          idPrefix="stim-tab-"
          panelId="stim-view"
          onSelect={(id) => {
            setViewId(id);
            onViewChange?.(id);
          }}
        />
      </nav>
      <main>
        <div id="stim-view" role="tabpanel" aria-labelledby={`stim-tab-${view.id}`} className={styles.panel}>
          <h2 className={styles.viewTitle}>{view.title}</h2>
          <BodyText>{view.description}</BodyText>
          <ErrorBoundary
            key={`${view.id}:${attempt}`}
            onRetry={() => {
              lazyViews.forget(view.id);
              setAttempt((n) => n + 1);
            }}
          >
            <Suspense fallback={<Spinner label="Laddar vyn …" />}>
              <View />
            </Suspense>
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
