/**
 * Turns any error into a Swedish message that says what to do. The pane
 * never shows a blank page or a stack trace: messages from the core and the
 * workbook adapter are already Swedish and meant for users; Excel's errors
 * and failed downloads get a message of their own; anything else gets a
 * general one with the technical detail kept apart for support.
 */
export interface UserMessage {
  /** One line: what happened. */
  title: string;
  /** What to do about it. */
  action: string;
  /** The original message, for support (not for users to act on). */
  detail?: string;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
}

/** Excel's error codes (OfficeExtension.Error.code) that users can do something about. */
const EXCEL_CODES: Record<string, UserMessage> = {
  InvalidOperationInCellEditMode: {
    title: "Excel redigerar en cell just nu.",
    action: "Tryck Enter eller Esc i cellen och försök igen.",
  },
  AccessDenied: {
    title: "Excel tillåter inte ändringen.",
    action: "Kontrollera att arbetsboken inte är skrivskyddad och att bladen inte är låsta, och försök igen.",
  },
  ItemAlreadyExists: {
    title: "Det finns redan ett blad med det namnet.",
    action: "Försök igen: Stimulans väljer då ett nytt namn.",
  },
  RequestPayloadSizeLimitExceeded: {
    title: "Datamängden är för stor för Excel på webben.",
    action: "Välj ett mindre område eller använd Excel för skrivbordet.",
  },
  ItemNotFound: {
    title: "Bladet eller området finns inte längre.",
    action: "Kontrollera att bladet inte har tagits bort eller bytt namn, och försök igen.",
  },
};

// The core's, the functions' and the sheet layer's errors are Swedish and name the field or cell.
const USER_FACING = new Set(["WorkbookError", "StimError", "FactsError", "NotAvailableError", "SheetReadError"]);

export function userMessage(e: unknown): UserMessage {
  const err = (typeof e === "object" && e !== null ? e : {}) as ErrorLike;
  const message = typeof err.message === "string" ? err.message : String(e);
  const name = typeof err.name === "string" ? err.name : "";
  if (USER_FACING.has(name)) return { title: message, action: "Rätta uppgiften och försök igen." };
  if (name === "ChunkLoadError" || /Loading chunk|Failed to fetch dynamically imported module/i.test(message)) {
    return {
      title: "En del av Stimulans kunde inte laddas.",
      action: "Stäng tillägget och öppna det igen. Hjälper inte det: kontrollera nätverket eller kontakta den som driftar tillägget.",
      detail: message,
    };
  }
  if (typeof err.code === "string" && EXCEL_CODES[err.code]) return { ...EXCEL_CODES[err.code], detail: message };
  return {
    title: "Något gick fel.",
    action: "Försök igen. Om felet kvarstår: spara arbetsboken, stäng tillägget och öppna det igen.",
    detail: message,
  };
}
