import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  DOCUMENT_CONFIDENTIALITIES,
  DOCUMENT_URGENCIES,
  DocumentTypeList,
  OutgoingColleagueList,
  type CreateOutgoingBody,
  type OutgoingRecipientInput,
} from '@tinhso/contracts';
import { createOutgoing } from '../../../api/documents-outgoing.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { FormAlert } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { usePublicAgencies } from '../../../hooks/use-public-agencies.ts';
import { formText, optionalText } from '../../../lib/form-data.ts';

const FIELDS = [
  'typeCode',
  'summary',
  'body',
  'place',
  'unitAbbreviation',
  'recipients',
  'signerId',
  'urgency',
  'confidentiality',
];

function pick<T extends string>(values: readonly T[], value: string): T {
  return values.find((candidate) => candidate === value) ?? values[0]!;
}

/** The drafting form of a specialist: the server lays the draft out and keeps it as version 1. */
export function OutgoingNewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('outgoing.newTitle'));
  const types = useApi(DocumentTypeList, '/api/documents/types');
  const colleagues = useApi(OutgoingColleagueList, '/api/documents/outgoing/colleagues');
  // Every agency of the province (a specialist's own org.read reaches only their agency).
  const agencies = usePublicAgencies();
  const navigate = useNavigate();
  const create = useAction(createOutgoing);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/workspace/documents/outgoing">{t('outgoing.back')}</Link>
      </p>
      <h1>{t('outgoing.newTitle')}</h1>
      <p className="lead">{t('outgoing.newLead')}</p>
      <AsyncContent state={colleagues}>
        {(people) => (
          <form
            noValidate
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const recipients: OutgoingRecipientInput[] = form
                .getAll('recipients')
                .filter((value): value is string => typeof value === 'string')
                .map((agencyId) => ({ kind: 'agency' as const, agencyId }));
              const externalCode = optionalText(form, 'externalCode');
              if (externalCode)
                recipients.push({
                  kind: 'external',
                  agencyCode: externalCode,
                  name: formText(form, 'externalName'),
                });
              const unitAbbreviation = optionalText(form, 'unitAbbreviation');
              const body: CreateOutgoingBody = {
                typeCode: formText(form, 'typeCode'),
                summary: formText(form, 'summary'),
                body: formText(form, 'body'),
                place: formText(form, 'place'),
                ...(unitAbbreviation ? { unitAbbreviation } : {}),
                recipients,
                signerId: formText(form, 'signerId'),
                urgency: pick(DOCUMENT_URGENCIES, formText(form, 'urgency')),
                confidentiality: pick(DOCUMENT_CONFIDENTIALITIES, formText(form, 'confidentiality')),
              };
              void create.run(body).then((outcome) => {
                if (outcome.ok) void navigate(`/workspace/documents/outgoing/${outcome.value.id}`);
              });
            }}
          >
            <FormAlert error={create.error} fields={FIELDS} />
            <SelectField
              name="typeCode"
              label={t('outgoing.type')}
              error={create.error}
              defaultValue="cong_van"
            >
              {(types.data?.items ?? [])
                .filter((type) => type.symbolRule !== 'none')
                .map((type) => (
                  <option key={type.code} value={type.code}>
                    {type.nameVi}
                  </option>
                ))}
            </SelectField>
            <TextField name="summary" label={t('outgoing.summary')} error={create.error} autoComplete="off" />
            <div className="field">
              <label htmlFor="outgoing-body">{t('outgoing.body')}</label>
              <p className="field__hint" id="outgoing-body-hint">
                {t('outgoing.bodyHint')}
              </p>
              <textarea id="outgoing-body" name="body" rows={10} aria-describedby="outgoing-body-hint" />
            </div>
            <TextField
              name="place"
              label={t('outgoing.place')}
              error={create.error}
              defaultValue="Đồng Tháp"
            />
            <TextField
              name="unitAbbreviation"
              label={t('outgoing.unitAbbreviation')}
              hint={t('outgoing.unitHint')}
              error={create.error}
              isOptional
            />
            <SelectField
              name="recipients"
              label={t('outgoing.recipients')}
              hint={t('outgoing.recipientsHint')}
              error={create.error}
              multiple
              size={6}
              isOptional
            >
              {(agencies.data?.items ?? []).map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </SelectField>
            <TextField name="externalCode" label={t('outgoing.externalCode')} isOptional autoComplete="off" />
            <TextField name="externalName" label={t('outgoing.externalName')} isOptional autoComplete="off" />
            <SelectField name="signerId" label={t('outgoing.proposedSigner')} error={create.error}>
              {people.items
                .filter((person) => person.signingLines !== null)
                .map((person) => (
                  <option key={person.officialId} value={person.officialId}>
                    {person.name} — {(person.signingLines ?? []).join(' / ')}
                  </option>
                ))}
            </SelectField>
            <SelectField
              name="urgency"
              label={t('outgoing.urgency')}
              error={create.error}
              defaultValue="thuong"
            >
              {DOCUMENT_URGENCIES.map((value) => (
                <option key={value} value={value}>
                  {t(`outgoing.urgencies.${value}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              name="confidentiality"
              label={t('outgoing.confidentiality')}
              error={create.error}
              defaultValue="thuong"
            >
              {DOCUMENT_CONFIDENTIALITIES.map((value) => (
                <option key={value} value={value}>
                  {t(`outgoing.confidentialities.${value}`)}
                </option>
              ))}
            </SelectField>
            <SubmitButton isPending={create.isPending} pendingLabel={t('outgoing.saving')}>
              {t('outgoing.save')}
            </SubmitButton>
          </form>
        )}
      </AsyncContent>
    </>
  );
}
