import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Dialog } from '../components/dialog.tsx';

/** Tells the person why they are on the sign-in page after an idle timeout. */
export function SessionExpiredDialog({
  afterSeconds,
  onClose,
}: {
  afterSeconds: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Dialog isOpen={afterSeconds !== null} title={t('session.expiredTitle')} onClose={onClose}>
      <p>{t('session.expiredBody', { minutes: Math.max(1, Math.round((afterSeconds ?? 0) / 60)) })}</p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          onClose();
          // The page's guard has usually brought the person to sign in already, with the way back.
          if (pathname !== '/sign-in') void navigate('/sign-in');
        }}
      >
        {t('session.signInAgain')}
      </button>
    </Dialog>
  );
}
