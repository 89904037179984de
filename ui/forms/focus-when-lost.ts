/**
 * After a dialog has closed: once no dialog is left in the page and focus has fallen back to the page itself,
 * focuses `target()`. Fluent gives focus back to the element a dialog was opened from; when that element was
 * replaced meanwhile (the list it was in re-rendered it elsewhere), focus is left on nothing and a keyboard or
 * screen reader user would start again from the top. Looks once a frame for about a second; returns a cancel.
 */
export function focusWhenLost(target: () => HTMLElement | undefined, frames = 60): () => void {
  let left = frames;
  let id = 0;
  const look = () => {
    const dialogLeft = document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!dialogLeft && lost) {
      target()?.focus();
      return;
    }
    if (--left > 0) id = requestAnimationFrame(look);
  };
  id = requestAnimationFrame(look);
  return () => cancelAnimationFrame(id);
}
