import { useTranslation } from 'react-i18next';
import { LIMITS, type Agency } from '@tinhso/contracts';
import type { ApiError } from '../../../api/client.ts';
import { OfficialList } from '../../../api/schemas.ts';
import { SelectField } from '../../../components/form-fields.tsx';
import { useApi } from '../../../hooks/use-api.ts';

/**
 * The agency, then (for a personal key or a signature image) one of its officials: the owner of
 * what the administrator uploads. The officials are those holding a post in the chosen agency.
 */
export function OwnerFields({
  agencies,
  agencyId,
  onAgency,
  withOfficial,
  error,
}: {
  agencies: readonly Agency[];
  agencyId: string;
  onAgency: (id: string) => void;
  withOfficial: boolean;
  error: ApiError | undefined;
}) {
  const { t } = useTranslation();
  const officials = useApi(OfficialList, withOfficial && agencyId ? '/api/org/officials' : null, {
    agencyId,
    limit: LIMITS.pageSizeMax,
  });
  return (
    <>
      <SelectField
        name="agencyId"
        label={t('signaturesAdmin.agency')}
        error={error}
        value={agencyId}
        onChange={(event) => {
          onAgency(event.target.value);
        }}
      >
        <option value="">{t('signaturesAdmin.chooseAgency')}</option>
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </SelectField>
      {withOfficial ? (
        <SelectField
          name="officialId"
          label={t('signaturesAdmin.official')}
          error={error}
          disabled={!agencyId}
        >
          <option value="">{t('signaturesAdmin.chooseOfficial')}</option>
          {(officials.data?.items ?? []).map((official) => (
            <option key={official.id} value={official.id}>
              {official.fullName}
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  );
}
