import type { ColumnType, Generated } from 'kysely';
import type { AssignmentRole, IncomingAction, IncomingStatus } from '@tinhso/contracts';

type DateColumn = ColumnType<string, string, string>;

/** Handling of incoming documents (migration 0018), added to the platform's DB type by interface merging. */
export interface IncomingAssignmentTable {
  id: Generated<string>;
  document_id: string;
  role: AssignmentRole;
  org_unit_id: string | null;
  account_id: string | null;
  due_on: DateColumn | null;
  assigned_at: ColumnType<Date, Date, Date>;
  assigned_by: string;
  read_at: Date | null;
  opinion: string | null;
  opinion_at: Date | null;
}

export interface IncomingActionTable {
  id: Generated<string>;
  document_id: string;
  at: ColumnType<Date, Date, never>;
  action: IncomingAction;
  from_status: IncomingStatus | null;
  to_status: IncomingStatus;
  actor_account_id: string | null;
  actor_label: string;
  note: string | null;
  data: ColumnType<unknown, string | undefined, never>;
}

export interface IncomingReminderTable {
  assignment_id: string;
  kind: 'due_soon' | 'overdue';
  due_on: DateColumn;
  recipients: number;
  sent_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    incoming_assignment: IncomingAssignmentTable;
    incoming_action: IncomingActionTable;
    incoming_reminder: IncomingReminderTable;
  }
}

declare module './tables.ts' {
  interface IncomingDocumentTable {
    status: ColumnType<IncomingStatus, IncomingStatus | undefined, IncomingStatus>;
    deadline_on: ColumnType<string | null, string | null | undefined, string | null>;
    submitted_to: ColumnType<string | null, string | null | undefined, string | null>;
    instruction: ColumnType<string | null, string | null | undefined, string | null>;
    due_on: ColumnType<string | null, string | null | undefined, string | null>;
    result_note: ColumnType<string | null, string | null | undefined, string | null>;
    reply_reference: ColumnType<string | null, string | null | undefined, string | null>;
    body_text: ColumnType<string | null, string | null | undefined, string | null>;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  }
}

declare module '../audit/events.ts' {
  interface AuditEventCatalogue {
    'document.incoming_handled': {
      entity: 'incoming_document';
      data: {
        action: IncomingAction;
        from: IncomingStatus;
        to: IncomingStatus;
        note: string | null;
        detail?: Record<string, string | number | boolean | null | string[]>;
      };
    };
    'document.incoming_reminded': {
      entity: 'incoming_document';
      data: { assignmentId: string; kind: 'due_soon' | 'overdue'; dueOn: string; recipients: number };
    };
  }
}

export {};
