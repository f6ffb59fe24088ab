/**
 * What officials are told about the dossiers they hold: alerts when a legal time limit was missed
 * (vn-norms R-DOS-10, R-DOS-11) and reminders before a step's budget runs out. Same shape and rules
 * as the citizens' texts in templates.ts, which merges them.
 */
export const OFFICIAL_TEMPLATES = {
  'dossier.alert.handover_late': {
    params: ['code', 'receivedAt', 'handoverDue'],
    vi: {
      subject: 'Cảnh báo: hồ sơ {code} chưa được chuyển xử lý đúng hạn',
      body: 'Hồ sơ giấy {code} tiếp nhận lúc {receivedAt} phải được chuyển đến cơ quan, đơn vị giải quyết chậm nhất {handoverDue} (Nghị định 61/2018/NĐ-CP, Điều 18), nhưng đơn vị giải quyết chưa nhận xử lý. Đề nghị Bộ phận Một cửa và đơn vị chủ trì kiểm tra việc bàn giao hồ sơ.',
      short: 'Cảnh báo: hồ sơ {code} (nhận {receivedAt}) chưa được chuyển xử lý, hạn {handoverDue}.',
    },
    en: {
      subject: 'Alert: dossier {code} not handed over on time',
      body: 'Paper dossier {code}, received at {receivedAt}, had to reach the deciding agency by {handoverDue} (Decree 61/2018, Art 18), but the deciding unit has not taken it up. The one-stop desk and the lead unit should check its hand-over.',
      short: 'Alert: dossier {code} (received {receivedAt}) not handed over; due {handoverDue}.',
    },
  },
  'dossier.alert.consultation_overdue': {
    params: ['code', 'agency', 'dueDate'],
    vi: {
      subject: 'Cảnh báo: quá hạn trả lời ý kiến về hồ sơ {code}',
      body: 'Cơ quan được lấy ý kiến ({agency}) chưa trả lời về hồ sơ {code}; hạn trả lời là ngày {dueDate} (Nghị định 61/2018/NĐ-CP, Điều 19). Đề nghị đơn vị chủ trì và Bộ phận Một cửa đôn đốc, hoặc xin lỗi và hẹn lại ngày trả kết quả nếu hồ sơ có nguy cơ quá hạn.',
      short: 'Cảnh báo: {agency} quá hạn trả lời ý kiến về hồ sơ {code} (hạn {dueDate}).',
    },
    en: {
      subject: 'Alert: opinion on dossier {code} overdue',
      body: 'The agency consulted ({agency}) has not answered about dossier {code}; its answer was due on {dueDate} (Decree 61/2018, Art 19). The lead unit and the one-stop desk should chase it, or apologise with a new date if the dossier risks being late.',
      short: 'Alert: {agency} has not answered on dossier {code} (due {dueDate}).',
    },
  },
  'dossier.alert.transfer_overdue': {
    params: ['code', 'agency', 'step', 'dueAt'],
    vi: {
      subject: 'Cảnh báo: hồ sơ liên thông {code} quá hạn tại {agency}',
      body: 'Hồ sơ {code} được chuyển liên thông đến {agency} ở bước "{step}" đã quá thời hạn của bước ({dueAt}). Đề nghị đơn vị chủ trì và Bộ phận Một cửa đôn đốc cơ quan đang giữ hồ sơ.',
      short: 'Cảnh báo: hồ sơ liên thông {code} quá hạn bước "{step}" tại {agency} (hạn {dueAt}).',
    },
    en: {
      subject: 'Alert: dossier {code} late at {agency}',
      body: 'Dossier {code}, handed over to {agency} at step "{step}", has run past that step’s time limit ({dueAt}). The lead unit and the one-stop desk should chase the agency holding it.',
      short: 'Alert: dossier {code} late at step "{step}" at {agency} (due {dueAt}).',
    },
  },
  'dossier.reminder.step_due': {
    params: ['code', 'step', 'dueAt'],
    vi: {
      subject: 'Nhắc việc: hồ sơ {code} sắp hết thời gian bước "{step}"',
      body: 'Thời gian dành cho bước "{step}" của hồ sơ {code} sắp hết: hạn của bước là {dueAt}. Đề nghị hoàn thành và chuyển bước tiếp theo, hoặc báo cáo lãnh đạo nếu không kịp.',
      short: 'Nhắc việc: hồ sơ {code}, bước "{step}" hết hạn lúc {dueAt}.',
    },
    en: {
      subject: 'Reminder: step "{step}" of dossier {code} is nearly out of time',
      body: 'The time for step "{step}" of dossier {code} is running out: the step is due at {dueAt}. Please finish it and hand the dossier on, or tell your leader if you cannot.',
      short: 'Reminder: dossier {code}, step "{step}" due at {dueAt}.',
    },
  },
} as const;
