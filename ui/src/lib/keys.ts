/**
 * A row's keydown handler that opens it on Enter. The key's default is stopped: the page
 * it opens focuses a button, which would otherwise take the same Enter and close it again.
 * Only the row itself reacts (not a field or button inside it).
 */
export function onEnter(open: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== "Enter" || e.target !== e.currentTarget) return;
    e.preventDefault();
    open();
  };
}
