import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/dialog.tsx';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
/** Shared between tabs, so that working in one tab keeps the others (and the one session) alive. */
const STORAGE_KEY = 'tinhso.lastActivity';

function storedActivity(): number {
  try {
    return Number(localStorage.getItem(STORAGE_KEY) ?? 0);
  } catch {
    return 0;
  }
}

function storeActivity(at: number): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(at));
  } catch {
    // Only this tab knows; it still times out correctly on its own.
  }
}

/**
 * Signs out after the server's idle timeout without activity. A warning comes first (WCAG 2.2.1:
 * the user can extend with one action); moving on the page does not dismiss it, the button does.
 * Activity also pings the server now and then, since its own idle timer only sees requests.
 */
export function IdleTimeout({
  timeoutSeconds,
  onActive,
  onTimeout,
}: {
  timeoutSeconds: number;
  onActive: () => Promise<void>;
  onTimeout: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const lastActivity = useRef(Date.now());
  const lastPing = useRef(Date.now());
  const isWarning = useRef(false);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const warnSeconds = Math.max(5, Math.min(60, Math.floor(timeoutSeconds / 4)));

  const markActive = useCallback(() => {
    const now = Date.now();
    lastActivity.current = now;
    if (now - storedActivity() > 5_000) storeActivity(now);
    if (now - lastPing.current > (timeoutSeconds * 1000) / 3) {
      lastPing.current = now;
      void onActive();
    }
  }, [timeoutSeconds, onActive]);

  useEffect(() => {
    const onActivity = () => {
      if (!isWarning.current) markActive();
    };
    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const last = Math.max(lastActivity.current, storedActivity());
      const left = Math.ceil(timeoutSeconds - (Date.now() - last) / 1000);
      if (left <= 0) {
        window.clearInterval(timer);
        void onTimeout();
      } else if (left <= warnSeconds) {
        isWarning.current = true;
        setSecondsLeft(left);
      } else if (isWarning.current) {
        // Another tab was used meanwhile.
        isWarning.current = false;
        setSecondsLeft(null);
      }
    }, 1000);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [timeoutSeconds, warnSeconds, markActive, onTimeout]);

  const stay = () => {
    isWarning.current = false;
    lastPing.current = 0;
    markActive();
    setSecondsLeft(null);
  };

  return (
    <Dialog isOpen={secondsLeft !== null} title={t('session.warningTitle')} onClose={stay}>
      <p>{t('session.warningBody', { seconds: secondsLeft ?? 0 })}</p>
      <button type="button" className="button button--primary" onClick={stay}>
        {t('session.stay')}
      </button>
    </Dialog>
  );
}
