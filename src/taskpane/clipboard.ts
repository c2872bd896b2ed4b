/**
 * Copies text to the clipboard. The asynchronous Clipboard API is refused in
 * some Office hosts (the task pane is a frame without clipboard permission),
 * so a hidden text area and the copy command are the fallback.
 */
export async function copyText(text: string): Promise<void> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // fall through to the copy command
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  const focused = document.activeElement as HTMLElement | null;
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  focused?.focus();
  if (!ok) throw new Error("Kopieringen stöds inte här. Markera texten och tryck Ctrl+C.");
}
