import type { AgendaView } from '../api/types';
import { useTOrEnglish } from '../i18n/intl';

/** The recap's "Goals that moved": each milestone ticked or changed since the previous meeting. */
export function RecapGoals({ recap, className }: { recap: NonNullable<AgendaView['recap']>; className?: string }) {
  // The agenda is also rendered outside a LocaleProvider (its own component tests): English there.
  const { t } = useTOrEnglish();
  if (!recap.goalsMoved?.length) return null;
  return (
    <>
      <h3 className={className}>{t('card.recap.goalsMoved')}</h3>
      <ul aria-label={t('card.recap.goalsMoved')}>
        {recap.goalsMoved.flatMap((g) =>
          g.milestones.map((m) => (
            <li key={`${g.id}/${m.title}`}>
              {t(m.done ? 'card.recap.milestoneDone' : 'card.recap.milestoneChanged', {
                goal: g.title,
                milestone: m.title,
              })}
            </li>
          )),
        )}
      </ul>
    </>
  );
}
