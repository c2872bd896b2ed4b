/**
 * The task pane's views. Each lives in its own folder under views/ with an
 * index.tsx whose default export is the view's component, and is loaded
 * (as its own chunk) the first time it is opened. Adding a view: create
 * the folder, add one entry here; the navigation, the lazy loading, the
 * error boundary and the keyboard order come with it.
 */
import type { ComponentType } from "react";

/** What every view gets. The workbook, preview flag and formula locale come from `useHost()`. */
export type ViewProps = Record<string, never>;

/** Who a view is mainly for (the README's walk-throughs follow these groups). */
export type UserGroup = "ekonomi" | "analys" | "utbildning";

export interface ViewInfo {
  /** Stable id, also the URL fragment: taskpane.html#lansoversikt. */
  id: string;
  /** Short label for the navigation (fits a 320 px pane). */
  label: string;
  /** Heading shown above the view. */
  title: string;
  /** One Swedish sentence: what the view does. */
  description: string;
  group: UserGroup;
  load: () => Promise<{ default: ComponentType<ViewProps> }>;
}

export const VIEWS: readonly ViewInfo[] = [
  {
    id: "overenskommelser",
    label: "Överenskommelser",
    title: "Överenskommelser",
    description: "Potter, grundkrav, prestationsmål och datum med källor, antaganden och de STIM-formler som använder dem.",
    group: "ekonomi",
    load: () => import(/* webpackChunkName: "view-overenskommelser" */ "./agreements"),
  },
  {
    id: "bygg",
    label: "Bygg ark",
    title: "Bygg fördelningsark",
    description: "Skriv ett fördelningsark för en överenskommelse, hela riket eller ett län, till nya blad: en Excel-tabell med listor, gränser och STIM-formler.",
    group: "ekonomi",
    load: () => import(/* webpackChunkName: "view-bygg" */ "./build"),
  },
  {
    id: "granska",
    label: "Granska",
    title: "Granska länsark",
    description: "Kontrollera ett ifyllt fördelningsark mot reglerna: varje avvikelse med en länk till cellen, rapport till ett nytt blad och färgmarkering som kan tas bort.",
    group: "analys",
    load: () => import(/* webpackChunkName: "view-granska" */ "./review"),
  },
  {
    id: "forklara",
    label: "Förklara",
    title: "Förklara",
    description: "Markera en cell eller rad i ett fördelningsark och se varför: bedömning, kriterier med värde och gräns, antaganden och källor.",
    group: "analys",
    load: () => import(/* webpackChunkName: "view-forklara" */ "./explain"),
  },
  {
    id: "tank-om",
    label: "Tänk om",
    title: "Tänk om",
    description: "Ändra om en mottagare uppfyller ett krav eller ett mål, eller ändra en nyckel, och se hur pengarna flyttas.",
    group: "utbildning",
    load: () => import(/* webpackChunkName: "view-tank-om" */ "./whatif"),
  },
  {
    id: "lansoversikt",
    label: "Länsöversikt",
    title: "Länsöversikt",
    description: "Allt ett län kan få: fasta, villkorade och prestationsbaserade medel, med lägsta summa. Kan skrivas till ett nytt blad.",
    group: "ekonomi",
    load: () => import(/* webpackChunkName: "view-lansoversikt" */ "./county"),
  },
];

export function findView(id: string | undefined): ViewInfo | undefined {
  return VIEWS.find((v) => v.id === id);
}
