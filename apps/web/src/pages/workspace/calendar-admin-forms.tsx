import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATA_HOLIDAY_KINDS,
  SWAP_KINDS,
  type CalendarYear,
  type CreateCalendarHoliday,
  type CreateCalendarSwap,
} from '@tinhso/contracts';
import { addHoliday, addSwap, removeHoliday, removeSwap } from '../../api/calendar.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { formText } from '../../lib/form-data.ts';

const HOLIDAY_FIELDS = ['day', 'nameVi', 'nameEn', 'kind', 'note'];
const SWAP_FIELDS = ['day', 'kind', 'note'];

function pick<T extends string>(values: readonly T[], value: string): T {
  return values.find((candidate) => candidate === value) ?? values[0] ?? (value as T);
}

function HolidayForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const add = useAction(addHoliday);
  const language = currentLanguage();
  return (
    <section className="panel" aria-labelledby="calendar-holiday">
      <h3 id="calendar-holiday">{t('calendar.holidayTitle')}</h3>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          const body: CreateCalendarHoliday = {
            day: formText(form, 'day'),
            nameVi: formText(form, 'nameVi'),
            nameEn: formText(form, 'nameEn'),
            kind: pick(DATA_HOLIDAY_KINDS, formText(form, 'kind')),
            note: formText(form, 'note'),
          };
          void add.run(body).then((outcome) => {
            if (!outcome.ok) return;
            formElement.reset();
            onChanged();
          });
        }}
      >
        <FormAlert error={add.error} fields={HOLIDAY_FIELDS} />
        {add.result ? (
          <SuccessMessage>
            {t('calendar.holidayAdded', { date: formatDate(add.result.day, language) })}
          </SuccessMessage>
        ) : null}
        <TextField name="day" type="date" label={t('calendar.day')} error={add.error} />
        <TextField name="nameVi" label={t('calendar.nameVi')} error={add.error} autoComplete="off" />
        <TextField
          name="nameEn"
          label={t('calendar.nameEn')}
          error={add.error}
          autoComplete="off"
          lang="en"
        />
        <SelectField name="kind" label={t('calendar.holidayKind')} error={add.error} defaultValue="tet">
          {DATA_HOLIDAY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`calendar.holidayKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="note"
          label={t('calendar.note')}
          hint={t('calendar.noteHint')}
          error={add.error}
          autoComplete="off"
        />
        <SubmitButton isPending={add.isPending} pendingLabel={t('actions.saving')}>
          {t('calendar.addHoliday')}
        </SubmitButton>
      </form>
    </section>
  );
}

function SwapForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const add = useAction(addSwap);
  const language = currentLanguage();
  return (
    <section className="panel" aria-labelledby="calendar-swap">
      <h3 id="calendar-swap">{t('calendar.swapTitle')}</h3>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          const body: CreateCalendarSwap = {
            day: formText(form, 'day'),
            kind: pick(SWAP_KINDS, formText(form, 'kind')),
            note: formText(form, 'note'),
          };
          void add.run(body).then((outcome) => {
            if (!outcome.ok) return;
            formElement.reset();
            onChanged();
          });
        }}
      >
        <FormAlert error={add.error} fields={SWAP_FIELDS} />
        {add.result ? (
          <SuccessMessage>
            {t('calendar.swapAdded', { date: formatDate(add.result.day, language) })}
          </SuccessMessage>
        ) : null}
        <TextField name="day" type="date" label={t('calendar.day')} error={add.error} />
        <SelectField
          name="kind"
          label={t('calendar.swapKind')}
          error={add.error}
          defaultValue="bridge_day_off"
        >
          {SWAP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`calendar.swapKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="note"
          label={t('calendar.note')}
          hint={t('calendar.swapNoteHint')}
          error={add.error}
          autoComplete="off"
        />
        <SubmitButton isPending={add.isPending} pendingLabel={t('actions.saving')}>
          {t('calendar.addSwap')}
        </SubmitButton>
      </form>
    </section>
  );
}

interface Removable {
  day: string;
  type: 'holiday' | 'swap';
  what: string;
}

/** The days set by data (not computed from the law), each with a remove action behind a confirmation. */
function LoadedDays({ data, onChanged }: { data: CalendarYear; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [pending, setPending] = useState<Removable | null>(null);
  const [removedDay, setRemovedDay] = useState<string | null>(null);
  const remove = useAction((item: Removable) =>
    item.type === 'holiday' ? removeHoliday(item.day) : removeSwap(item.day),
  );
  const dataKinds: readonly string[] = DATA_HOLIDAY_KINDS;
  const items: Removable[] = [
    ...data.daysOff
      .filter((off) => off.reason === 'holiday' && dataKinds.includes(off.holidayKind))
      .map((off) => ({
        day: off.day,
        type: 'holiday' as const,
        what: language === 'vi' ? off.labelVi : off.labelEn,
      })),
    ...data.swaps.map((swap) => ({
      day: swap.day,
      type: 'swap' as const,
      what: `${t(`calendar.kind.${swap.kind === 'makeup_workday' ? 'makeup' : 'bridge_day'}`)}: ${swap.note}`,
    })),
  ].sort((a, b) => a.day.localeCompare(b.day));

  return (
    <section className="panel" aria-labelledby="calendar-loaded">
      <h3 id="calendar-loaded">{t('calendar.dataTitle')}</h3>
      <FormAlert error={remove.error} />
      {removedDay ? (
        <SuccessMessage>{t('calendar.removed', { date: formatDate(removedDay, language) })}</SuccessMessage>
      ) : null}
      {items.length === 0 ? (
        <p className="empty">{t('calendar.noData')}</p>
      ) : (
        <ul className="calendar-loaded">
          {items.map((item) => (
            <li key={`${item.type}:${item.day}`}>
              <span>
                <strong>{formatDate(item.day, language)}</strong> — {item.what}
              </span>
              <button
                type="button"
                className="button button--small"
                aria-label={t('calendar.removeLabel', { date: formatDate(item.day, language) })}
                onClick={() => {
                  setRemovedDay(null);
                  setPending(item);
                }}
              >
                {t('calendar.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        isOpen={pending !== null}
        title={t('calendar.confirmTitle')}
        onClose={() => {
          setPending(null);
        }}
      >
        {pending ? (
          <>
            <p>
              {t('calendar.confirmRemove', { date: formatDate(pending.day, language), what: pending.what })}
            </p>
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                disabled={remove.isPending}
                onClick={() => {
                  const item = pending;
                  void remove.run(item).then((outcome) => {
                    setPending(null);
                    if (!outcome.ok) return;
                    setRemovedDay(item.day);
                    onChanged();
                  });
                }}
              >
                {t('calendar.confirm')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setPending(null);
                }}
              >
                {t('actions.cancel')}
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </section>
  );
}

export function CalendarAdmin({ data, onChanged }: { data: CalendarYear; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="calendar-manage">
      <h2 id="calendar-manage">{t('calendar.manageTitle')}</h2>
      <LoadedDays data={data} onChanged={onChanged} />
      <div className="calendar-admin">
        <HolidayForm onChanged={onChanged} />
        <SwapForm onChanged={onChanged} />
      </div>
    </section>
  );
}
