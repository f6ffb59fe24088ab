import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type {
  DeliveryState,
  DocumentConfidentiality,
  DocumentUrgency,
  OutgoingStatus,
  SigningBlock,
  VersionKind,
} from '@tinhso/contracts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Instant = ColumnType<Date | null, Date | null | undefined, Date | null>;

/** Where the stamp at issue writes the number and the date (PDF points, page 1, baseline y). */
export interface StampBoxes {
  number: { x: number; y: number; width: number; size: number };
  date: { x: number; y: number; width: number; size: number };
  /** Between the signer's title and name: the personal signature's image; the seal overlaps its left third. */
  signature?: { pageIndex: number; rect: { x: number; y: number; width: number; height: number } };
}

/** The outgoing tables (migration 0019), added to the platform's DB type by interface merging. */
export interface OutgoingDraftTable {
  id: Generated<string>;
  agency_id: string;
  type_code: string;
  summary: string;
  body: string;
  place: string;
  unit_abbreviation: string | null;
  urgency: DocumentUrgency;
  confidentiality: DocumentConfidentiality;
  is_secret: ColumnType<boolean, never, never>;
  reply_to_incoming_id: string | null;
  status: ColumnType<OutgoingStatus, OutgoingStatus | undefined, OutgoingStatus>;
  drafter_account_id: string;
  drafter_official_id: string;
  signer_official_id: string;
  reviewer_official_id: string | null;
  current_version: ColumnType<number, number | undefined, number>;
  signing_block: JSONColumnType<SigningBlock | null, string | null, string | null>;
  signed_at: Instant;
  number_id: string | null;
  issued_at: Instant;
  issued_by: string | null;
  copies: number | null;
  kept_by: string | null;
  note: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface OutgoingVersionTable {
  id: Generated<string>;
  draft_id: string;
  version: number;
  kind: VersionKind;
  pdf: Uint8Array;
  sha256: string;
  stamp_boxes: JSONColumnType<StampBoxes | null, string | null, string | null>;
  file_id: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface OutgoingOpinionTable {
  id: Generated<string>;
  draft_id: string;
  official_id: string;
  question: string;
  asked_by: string;
  asked_at: CreatedAt;
  answer: string | null;
  answered_at: Instant;
}

export interface OutgoingStepTable {
  id: Generated<string>;
  draft_id: string;
  action: string;
  actor_account_id: string;
  actor_name: string;
  comment: string | null;
  version: number | null;
  at: CreatedAt;
}

export interface OutgoingRecipientTable {
  id: Generated<string>;
  draft_id: string;
  position: number;
  kind: 'agency' | 'unit' | 'external';
  agency_id: string | null;
  org_unit_id: string | null;
  agency_code: string | null;
  name: string;
  delivery: ColumnType<DeliveryState, DeliveryState | undefined, DeliveryState>;
}

export interface SigningAuthorisationTable {
  id: Generated<string>;
  agency_id: string;
  grantor_official_id: string;
  grantee_official_id: string;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    outgoing_draft: OutgoingDraftTable;
    outgoing_version: OutgoingVersionTable;
    outgoing_opinion: OutgoingOpinionTable;
    outgoing_step: OutgoingStepTable;
    outgoing_recipient: OutgoingRecipientTable;
    signing_authorisation: SigningAuthorisationTable;
  }
}

declare module '../audit/events.ts' {
  interface AuditEventCatalogue {
    'outgoing.drafted': { entity: 'outgoing_draft'; data: { version: number; typeCode: string } };
    'outgoing.edited': { entity: 'outgoing_draft'; data: { version: number } };
    'outgoing.opinion_asked': { entity: 'outgoing_draft'; data: { officialIds: string[] } };
    'outgoing.opinion_answered': { entity: 'outgoing_draft'; data: { opinionId: string } };
    'outgoing.submitted': { entity: 'outgoing_draft'; data: { reviewerId: string | null } };
    'outgoing.returned': { entity: 'outgoing_draft'; data: { from: OutgoingStatus } };
    'outgoing.forwarded': { entity: 'outgoing_draft'; data: { signerId: string } };
    'outgoing.approved': { entity: 'outgoing_draft'; data: { version: number } };
    'outgoing.signed': {
      entity: 'outgoing_draft';
      data: { version: number; sha256: string; block: string[] };
    };
    'outgoing.issued': {
      entity: 'outgoing_draft';
      data: { version: number; sha256: string; numberSymbol: string; recipients: number };
    };
    'outgoing.authorisation_granted': {
      entity: 'signing_authorisation';
      data: { granteeId: string; startsOn: string; endsOn: string | null };
    };
  }
}
