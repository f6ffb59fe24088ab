import { useTranslation } from 'react-i18next';
import { Type, type Static } from 'typebox';
import { apiSend } from '../../api/client.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useApi } from '../../hooks/use-api.ts';
import { formText } from '../../lib/form-data.ts';

/**
 * Where a citizen's dossier notices go besides the portal inbox: e-mail, SMS, Zalo. The schema
 * mirrors the server's (notifications/channel-preferences.ts) until it moves to the contracts.
 */
const CHANNELS = ['email', 'sms', 'zalo'] as const;
type NoticeChannel = (typeof CHANNELS)[number];
const PREFERENCES_PATH = '/api/me/notification-preferences';
const Preferences = Type.Object({
  channels: Type.Array(Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('zalo')])),
  zaloPhone: Type.Union([Type.String(), Type.Null()]),
  accountPhone: Type.Union([Type.String(), Type.Null()]),
  isDefault: Type.Boolean(),
});
type Preferences = Static<typeof Preferences>;

const savePreferences = (body: { channels: NoticeChannel[]; zaloPhone: string | null }) =>
  apiSend('PUT', PREFERENCES_PATH, body, Preferences);

export function NotificationChannels() {
  const { t } = useTranslation();
  const current = useApi(Preferences, PREFERENCES_PATH);
  return (
    <section className="panel" aria-labelledby="account-channels">
      <h2 id="account-channels">{t('account.channels.title')}</h2>
      <AsyncContent state={current}>{(data) => <ChannelsForm current={data} />}</AsyncContent>
    </section>
  );
}

/** Unchecked inputs keep what the person set; after a save the server's answer is what shows. */
function ChannelsForm({ current }: { current: Preferences }) {
  const { t } = useTranslation();
  const save = useAction(savePreferences);
  const shown = save.result ?? current;
  return (
    <form
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const channels = CHANNELS.filter((channel) => form.get(channel) === 'on');
        const zaloPhone = formText(form, 'zaloPhone').trim();
        void save.run({ channels, zaloPhone: zaloPhone === '' ? null : zaloPhone });
      }}
    >
      <p>{t('account.channels.lead')}</p>
      {shown.isDefault ? <p className="alert alert--info">{t('account.channels.isDefault')}</p> : null}
      <FormAlert error={save.error} fields={['channels', 'zaloPhone']} />
      {save.isDone ? <SuccessMessage>{t('account.channels.saved')}</SuccessMessage> : null}
      <fieldset className="checkboxes">
        <legend>{t('account.channels.legend')}</legend>
        <ul>
          {CHANNELS.map((channel) => (
            <li key={channel}>
              <label>
                <input type="checkbox" name={channel} defaultChecked={current.channels.includes(channel)} />
                {t(`account.channels.${channel}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextField
        name="zaloPhone"
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        isOptional
        label={t('account.channels.zaloPhone')}
        hint={t('account.channels.zaloPhoneHint', {
          account: current.accountPhone
            ? t('account.channels.zaloPhoneAccount', { phone: current.accountPhone })
            : '',
        })}
        defaultValue={current.zaloPhone ?? ''}
        error={save.error}
      />
      <SubmitButton isPending={save.isPending} pendingLabel={t('account.channels.saving')}>
        {t('account.channels.save')}
      </SubmitButton>
    </form>
  );
}
