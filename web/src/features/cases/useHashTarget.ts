// Brings the element named by the location's hash (/cases/{id}#child-title) into view and focus once it
// has rendered. After client-side navigation the browser does not do it: the case page's sections load
// their data after the page itself, so the target may appear later, and sections above it may still grow.
// Until the user scrolls, clicks or types, the target is kept in view for a short while.
import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** How long to wait for the target to appear, and to keep it in view while the page settles (ms). */
export const HASH_WAIT_MS = 10_000;
export const HASH_SETTLE_MS = 2_000;

const FOCUSABLE = /^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/;
/** What the user does that means they have taken over the scrolling. */
const USER_EVENTS = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

function bringIntoView(el: HTMLElement) {
  // jsdom lacks scrollIntoView.
  if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
}

/** Scrolls to and focuses `document.getElementById(location.hash)` once it exists; call it once in a page. */
export function useHashTarget(): void {
  const { hash, key } = useLocation();
  useEffect(() => {
    let id = hash.replace(/^#/, '');
    try {
      id = decodeURIComponent(id);
    } catch {
      // Not percent-encoded text: the id as written.
    }
    if (!id) return;
    let found: HTMLElement | null = null;
    let settleTimer: number | undefined;
    const observer = new MutationObserver(() => { look(); });
    const waitTimer = window.setTimeout(() => { stop(); }, HASH_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(waitTimer);
      window.clearTimeout(settleTimer);
      for (const type of USER_EVENTS) window.removeEventListener(type, stop, true);
    };
    const look = () => {
      if (found?.isConnected) {
        bringIntoView(found); // something above it grew: keep it in view
        return;
      }
      const el = document.getElementById(id);
      if (!el) return;
      found = el;
      if (!FOCUSABLE.test(el.tagName) && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      bringIntoView(el);
      el.focus({ preventScroll: true });
      window.clearTimeout(waitTimer);
      settleTimer = window.setTimeout(stop, HASH_SETTLE_MS);
    };
    observer.observe(document.body, { childList: true, subtree: true });
    for (const type of USER_EVENTS) window.addEventListener(type, stop, true);
    look();
    return stop;
  }, [hash, key]);
}
