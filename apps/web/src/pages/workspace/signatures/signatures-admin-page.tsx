import { useTranslation } from 'react-i18next';
import { SigningKeyList, TrustAnchorList } from '@tinhso/contracts';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { useAgencyOptions } from '../../../hooks/use-options.ts';
import { EnrolKeyForm } from './enrol-key-form.tsx';
import { RemoteAccountsSection } from './remote-accounts-section.tsx';
import { SignatureImageForm } from './signature-image-form.tsx';
import { SigningKeysSection } from './signing-keys-section.tsx';
import { TrustListSection } from './trust-list-section.tsx';
import './signatures-admin.css';

/**
 * The system administrator's page of digital signatures (signature.manage, issue 4): the signing
 * keys of officials and agencies with their validity and status, enrolling a PKCS#12 file and
 * revoking a key, the officials who sign remotely (ký số từ xa), an official's signature image, and
 * the trust list (roots and CRLs).
 */
export function SignaturesAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signaturesAdmin.title'));
  const keys = useApi(SigningKeyList, '/api/signatures/keys');
  const anchors = useApi(TrustAnchorList, '/api/signatures/trust-anchors');
  const agencies = useAgencyOptions().data?.items ?? [];
  return (
    <>
      <h1>{t('signaturesAdmin.title')}</h1>
      <p className="lead">{t('signaturesAdmin.lead')}</p>
      <SigningKeysSection keys={keys} agencies={agencies} />
      <EnrolKeyForm agencies={agencies} onEnrolled={keys.reload} />
      <RemoteAccountsSection agencies={agencies} />
      <SignatureImageForm agencies={agencies} />
      <TrustListSection anchors={anchors} />
    </>
  );
}
