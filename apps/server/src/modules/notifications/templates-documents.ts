/**
 * What officials are told about incoming documents (vn-norms §2.1 handling rules, R-DOC-4): a document
 * submitted to a leader (an urgent one at once, with its urgency), an assignment, and the reminders
 * before and after the handling deadline. Merged into TEMPLATES by templates.ts.
 */
export const DOCUMENT_TEMPLATES = {
  'document.incoming.submitted': {
    params: ['arrival', 'numberSymbol', 'issuer', 'summary'],
    vi: {
      subject: 'Văn bản đến số {arrival} trình xin ý kiến chỉ đạo',
      body: 'Văn thư trình văn bản đến số {arrival} ({numberSymbol} của {issuer}): {summary}. Đề nghị cho ý kiến chỉ đạo và phân công xử lý.',
      short: 'Văn bản đến số {arrival} ({numberSymbol}) chờ ý kiến chỉ đạo.',
    },
    en: {
      subject: 'Incoming document no. {arrival} awaits your instruction',
      body: 'The clerk submits incoming document no. {arrival} ({numberSymbol} from {issuer}): {summary}. Please write your instruction and assign it.',
      short: 'Incoming document no. {arrival} ({numberSymbol}) awaits your instruction.',
    },
  },
  'document.incoming.urgent': {
    params: ['arrival', 'numberSymbol', 'issuer', 'summary', 'urgency'],
    vi: {
      subject: '{urgency}: văn bản đến số {arrival} cần xử lý ngay',
      body: 'Văn bản {urgency} số đến {arrival} ({numberSymbol} của {issuer}): {summary}. Văn bản khẩn phải được trình và chuyển giao ngay (Nghị định 30/2020/NĐ-CP). Đề nghị cho ý kiến chỉ đạo ngay.',
      short: '{urgency}: văn bản đến số {arrival} ({numberSymbol}) cần chỉ đạo ngay.',
    },
    en: {
      subject: '{urgency}: incoming document no. {arrival} needs action now',
      body: '{urgency} incoming document no. {arrival} ({numberSymbol} from {issuer}): {summary}. Urgent documents are submitted and passed on at once (Decree 30/2020). Please give your instruction now.',
      short: '{urgency}: incoming document no. {arrival} ({numberSymbol}) needs your instruction now.',
    },
  },
  'document.incoming.assigned': {
    params: ['arrival', 'numberSymbol', 'summary', 'role', 'dueOn'],
    vi: {
      subject: 'Văn bản đến số {arrival} được giao: {role}',
      body: 'Anh/chị (hoặc đơn vị) được giao {role} văn bản đến số {arrival} ({numberSymbol}): {summary}. Thời hạn giải quyết: {dueOn}.',
      short: 'Được giao {role} văn bản đến số {arrival}, hạn {dueOn}.',
    },
    en: {
      subject: 'Incoming document no. {arrival} assigned to you: {role}',
      body: 'You (or your unit) were assigned incoming document no. {arrival} ({numberSymbol}) as {role}: {summary}. Deadline: {dueOn}.',
      short: 'Assigned incoming document no. {arrival} as {role}, due {dueOn}.',
    },
  },
  'document.incoming.due_soon': {
    params: ['arrival', 'numberSymbol', 'summary', 'dueOn'],
    vi: {
      subject: 'Nhắc việc: văn bản đến số {arrival} sắp đến hạn giải quyết',
      body: 'Văn bản đến số {arrival} ({numberSymbol}): {summary} phải được giải quyết chậm nhất ngày {dueOn}. Đề nghị hoàn thành, hoặc báo cáo lãnh đạo nếu không kịp.',
      short: 'Nhắc việc: văn bản đến số {arrival}, hạn {dueOn}.',
    },
    en: {
      subject: 'Reminder: incoming document no. {arrival} is nearly due',
      body: 'Incoming document no. {arrival} ({numberSymbol}): {summary} must be handled by {dueOn}. Please finish it, or tell your leader if you cannot.',
      short: 'Reminder: incoming document no. {arrival}, due {dueOn}.',
    },
  },
  'document.incoming.overdue': {
    params: ['arrival', 'numberSymbol', 'summary', 'dueOn'],
    vi: {
      subject: 'Cảnh báo: văn bản đến số {arrival} quá hạn giải quyết',
      body: 'Văn bản đến số {arrival} ({numberSymbol}): {summary} đã quá thời hạn giải quyết ngày {dueOn} mà chưa hoàn thành. Đề nghị đơn vị chủ trì báo cáo tiến độ.',
      short: 'Cảnh báo: văn bản đến số {arrival} quá hạn ({dueOn}).',
    },
    en: {
      subject: 'Alert: incoming document no. {arrival} is overdue',
      body: 'Incoming document no. {arrival} ({numberSymbol}): {summary} was due on {dueOn} and is not finished. The lead should report its progress.',
      short: 'Alert: incoming document no. {arrival} overdue ({dueOn}).',
    },
  },
  'document.incoming.recalled': {
    params: ['arrival', 'numberSymbol', 'issuer', 'reason'],
    vi: {
      subject: 'Văn bản đến số {arrival} đã bị cơ quan ban hành thu hồi',
      body: '{issuer} thu hồi văn bản {numberSymbol} (số đến {arrival}). Lý do: {reason}. Bản văn bản đã nhận đã được hủy và văn bản không còn được xử lý.',
      short: 'Văn bản đến số {arrival} ({numberSymbol}) bị thu hồi; dừng xử lý.',
    },
    en: {
      subject: 'Incoming document no. {arrival} was recalled by its issuer',
      body: '{issuer} recalled document {numberSymbol} (incoming no. {arrival}). Reason: {reason}. The copy received was destroyed and the document is no longer handled.',
      short: 'Incoming document no. {arrival} ({numberSymbol}) recalled; stop handling it.',
    },
  },
  'document.incoming.updated': {
    params: ['arrival', 'numberSymbol', 'issuer', 'changes', 'reason'],
    vi: {
      subject: 'Văn bản đến số {arrival}: cơ quan ban hành cập nhật thông tin',
      body: '{issuer} cập nhật thông tin văn bản {numberSymbol} (số đến {arrival}): {changes}. Lý do: {reason}.',
      short: 'Văn bản đến số {arrival} ({numberSymbol}) được cập nhật thông tin.',
    },
    en: {
      subject: 'Incoming document no. {arrival}: details corrected by the issuer',
      body: '{issuer} corrected the details of document {numberSymbol} (incoming no. {arrival}): {changes}. Reason: {reason}.',
      short: 'Incoming document no. {arrival} ({numberSymbol}): details corrected.',
    },
  },
} as const;
