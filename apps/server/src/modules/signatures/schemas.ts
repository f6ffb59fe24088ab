/** The verification answer, the keys and the trust list live in @tinhso/contracts (the web reads them). */
export {
  RevokeKeyBody,
  SignatureReportSchema,
  SigningKeyList,
  SigningKeyQuery,
  SigningKeySchema,
  TrustAnchorList,
  TrustAnchorOcspBody,
  TrustAnchorSchema,
  TrustCrlSchema,
  VerifyPdfAnswer,
} from '@tinhso/contracts';
