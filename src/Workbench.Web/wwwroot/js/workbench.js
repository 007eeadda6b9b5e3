// The workbench's few browser-side helpers. Loaded from the app's own origin, so the content security policy
// (script-src 'self') allows it without a nonce.
window.workbench = (() => {
  // A table wider than its container scrolls sideways; keyboard users can only scroll what can take focus
  // (WCAG 2.1.1), so such a container joins the tab order, and leaves it again when it stops overflowing.
  const markScrollable = () => {
    for (const container of document.querySelectorAll('.mud-table-container')) {
      const overflows = container.scrollWidth > container.clientWidth;
      if (overflows && !container.hasAttribute('tabindex')) {
        container.setAttribute('tabindex', '0');
        container.dataset.keyboardScroll = '';
      } else if (!overflows && 'keyboardScroll' in container.dataset) {
        container.removeAttribute('tabindex');
        delete container.dataset.keyboardScroll;
      }
    }
  };

  let pending = false;
  const schedule = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        markScrollable();
      });
    }
  };
  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);

  // The citation chip that last had focus: closing a passage returns there rather than to the first chip of that number.
  let lastChip = null;
  document.addEventListener('focusin', event => {
    const chip = event.target instanceof Element ? event.target.closest('.citation-chip') : null;
    if (chip) {
      lastChip = chip;
    }
  });

  const typing = target =>
    target instanceof Element && target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;

  return {
    /**
     * Sends the page's shortcut keys to receiver.OnShortcutAsync(key), wherever the focus is except in a field:
     * what is typed into a field belongs to the field. Returns a handle whose stop() removes the listener.
     */
    listen(receiver, keys) {
      const handler = event => {
        if (event.ctrlKey || event.altKey || event.metaKey || !keys.includes(event.key) || typing(event.target)) {
          return;
        }

        receiver.invokeMethodAsync('OnShortcutAsync', event.key);
      };
      document.addEventListener('keydown', handler);
      return { stop: () => document.removeEventListener('keydown', handler) };
    },

    /** Focuses the chip the passage of citation `number` was opened from, or else the first chip with that number. */
    returnToCitation(number) {
      const chip = lastChip?.isConnected && lastChip.dataset.citation === String(number)
        ? lastChip
        : document.querySelector(`.citation-chip[data-citation="${number}"]`);
      chip?.focus();
    },
  };
})();
