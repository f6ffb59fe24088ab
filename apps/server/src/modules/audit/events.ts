/**
 * The catalogue of audit events: each type names its entity and the shape of its data, so that a
 * writer cannot record an event the viewer does not know how to read.
 */
export interface AuditEventCatalogue {
  'account.signed_in': { entity: 'account'; data: { method: 'password' | 'password+totp' } };
  'account.sign_in_failed': {
    entity: 'account';
    data: { reason: 'bad_password' | 'bad_totp' | 'locked' | 'disabled' };
  };
  'account.locked': { entity: 'account'; data: { until: string; failures: number } };
  'account.unlocked': { entity: 'account'; data: { officialId: string; wasLockedUntil: string } };
  'account.signed_out': { entity: 'account'; data: Record<string, never> };
  'account.registered': { entity: 'account'; data: { kind: 'citizen' } };
  'account.password_changed': { entity: 'account'; data: Record<string, never> };
  'account.mfa_enabled': { entity: 'account'; data: Record<string, never> };
  'admin_unit.created': {
    entity: 'admin_unit';
    data: { code: string; name: string; level: string; effectiveFrom: string };
  };
  'admin_unit.merged': {
    entity: 'admin_unit';
    data: {
      successorCode: string;
      predecessorIds: string[];
      effectiveDate: string;
      movedAgencyIds: string[];
    };
  };
  'agency.created': {
    entity: 'agency';
    data: { code: string; name: string; kind: string; parentId: string | null };
  };
  'agency.updated': { entity: 'agency'; data: { changes: Record<string, { from: unknown; to: unknown }> } };
  'agency.moved': { entity: 'agency'; data: { fromAdminUnitId: string | null; toAdminUnitId: string } };
  'org_unit.created': { entity: 'org_unit'; data: { agencyId: string; name: string } };
  'position.created': { entity: 'position'; data: { agencyId: string; positionType: string; title: string } };
  'official.created': { entity: 'official'; data: { fullName: string; username: string } };
  'appointment.created': {
    entity: 'appointment';
    data: { officialId: string; positionId: string; kind: string; startsOn: string; endsOn: string | null };
  };
  'appointment.ended': { entity: 'appointment'; data: { officialId: string; endsOn: string } };
  'role.created': { entity: 'role'; data: { scope: string; permissions: string[] } };
  'role.updated': { entity: 'role'; data: { changes: Record<string, { from: unknown; to: unknown }> } };
  'position_type.created': { entity: 'position_type'; data: { roleCodes: string[] } };
  'position_type.updated': {
    entity: 'position_type';
    data: { changes: Record<string, { from: unknown; to: unknown }> };
  };
  'procedure.created': { entity: 'procedure'; data: { code: string; name: string; effectiveFrom: string } };
  'procedure_version.added': {
    entity: 'procedure';
    data: { code: string; version: number; effectiveFrom: string };
  };
  'procedure_version.published': {
    entity: 'procedure';
    data: { code: string; version: number; effectiveFrom: string; closedVersion: number | null };
  };
  'dossier.changed': {
    entity: 'dossier';
    data: { action: string; from: string | null; to: string; code: string | null };
  };
  /** An alert or reminder sent to officials about a dossier (R-DOS-10, R-DOS-11, step reminders). */
  'dossier.alerted': {
    entity: 'dossier';
    data: { kind: string; subject: string; code: string; dueAt: string; recipients: number };
  };
  /** A person chose the channels (e-mail, SMS, Zalo) their dossier notices go to. */
  'notification_preference.changed': {
    entity: 'account';
    data: { channels: string[]; hasZaloPhone: boolean };
  };
  'procedure.imported': {
    entity: 'system';
    data: { created: string[]; newVersions: string[]; unchanged: string[] };
  };
  'calendar_holiday.added': {
    entity: 'calendar_holiday';
    data: { kind: string; nameVi: string; note: string };
  };
  'calendar_holiday.removed': {
    entity: 'calendar_holiday';
    data: { kind: string; nameVi: string; note: string };
  };
  'calendar_swap.added': { entity: 'calendar_swap'; data: { kind: string; note: string } };
  'calendar_swap.removed': { entity: 'calendar_swap'; data: { kind: string; note: string } };
  'fee_invoice.created': {
    entity: 'fee_invoice';
    data: { subjectKind: string; subjectId: string; amountVnd: number };
  };
  'fee_invoice.payment_started': {
    entity: 'fee_invoice';
    data: { provider: string; orderRef: string; amountVnd: number };
  };
  'fee_invoice.payment_failed': {
    entity: 'fee_invoice';
    data: { provider: string; orderRef: string; result: 'failed' | 'cancelled' };
  };
  'fee_invoice.paid': {
    entity: 'fee_invoice';
    data: {
      receiptNo: string;
      amountVnd: number;
      provider: string | null;
      providerTxnId: string | null;
      paidOnline: 1 | 2 | null;
    };
  };
  /** Money taken for an invoice already paid or cancelled: to be refunded. */
  'fee_invoice.refund_due': {
    entity: 'fee_invoice';
    data: {
      provider: string;
      orderRef: string;
      providerTxnId: string;
      amountVnd: number;
      invoiceStatus: string;
    };
  };
  'fee_invoice.cancelled': { entity: 'fee_invoice'; data: { reason: string } };
  /** A security event: a payment callback that was not accepted (forged, unknown or altered). */
  'payment.callback_refused': {
    entity: 'payment_callback';
    data: {
      provider: string;
      orderRef: string | null;
      reason: 'bad_signature' | 'unknown_order' | 'amount_mismatch';
      ip: string | null;
    };
  };
  /** A security event: an upload refused because the virus scanner found a signature; nothing was stored. */
  'file.infected_upload_refused': {
    entity: 'file_upload';
    data: { fileName: string; sizeBytes: number; sha256: string; signature: string; scanner: string };
  };
  'demo.seeded': { entity: 'system'; data: { agencies: number; officials: number; citizens: number } };
}

export type AuditEventType = keyof AuditEventCatalogue;

export interface AuditEventInput<T extends AuditEventType> {
  type: T;
  entityType: AuditEventCatalogue[T]['entity'];
  entityId: string;
  agencyId?: string | null;
  data: AuditEventCatalogue[T]['data'];
}
