// Keeping the keyboard inside a panel that is open over the page's work (the proposals):
// Tab from its last field goes to its first, Shift+Tab from its first to its last.

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The fields of `root` the keyboard can reach, in order. */
function reachable(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
}

/** An action: Tab cycles within `node`. */
export function trapFocus(node: HTMLElement) {
  function onKey(e: KeyboardEvent) {
    if (e.key !== "Tab") return;
    const all = reachable(node);
    if (!all.length) return;
    const first = all[0];
    const last = all[all.length - 1];
    if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    }
  }
  node.addEventListener("keydown", onKey);
  return { destroy: () => node.removeEventListener("keydown", onKey) };
}
