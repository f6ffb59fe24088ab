import { AppError, invalid, type FieldIssue } from '../../platform/errors.ts';
import type { NotificationLanguage } from './tables.ts';
import { DOCUMENT_TEMPLATES } from './templates-documents.ts';
import { OFFICIAL_TEMPLATES } from './templates-officials.ts';

/**
 * What the province says to people, per event and language. `subject` and `body` go to the portal
 * and e-mail (plain text: nothing is read as HTML), `short` to SMS and Zalo. `{name}` is a
 * parameter; each template lists the parameters it needs, and a test keeps the list and the texts
 * in step.
 */
interface Text {
  subject: string;
  body: string;
  short: string;
}

interface Template {
  params: readonly string[];
  vi: Text;
  en: Text;
}

const PORTAL_VI = 'Cổng dịch vụ công';
const PORTAL_EN = 'public service portal';

export const TEMPLATES = {
  'dossier.submitted': {
    params: ['code', 'procedure'],
    vi: {
      subject: 'Hồ sơ {code} đã được gửi trực tuyến',
      body: `Hồ sơ {code} về thủ tục "{procedure}" đã được hệ thống tiếp nhận trực tuyến. Cơ quan có thẩm quyền sẽ kiểm tra và thông báo việc tiếp nhận cho ông/bà. Ông/bà có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ trên ${PORTAL_VI}.`,
      short: `Hồ sơ {code} đã được gửi trực tuyến, đang chờ tiếp nhận. Tra cứu bằng mã hồ sơ trên ${PORTAL_VI}.`,
    },
    en: {
      subject: 'Application {code} submitted online',
      body: `Your application {code} for "{procedure}" has been submitted online. The competent agency will check it and tell you whether it is accepted. You can follow it with its code on the ${PORTAL_EN}.`,
      short: `Application {code} submitted online, awaiting acceptance. Follow it with its code on the ${PORTAL_EN}.`,
    },
  },
  'dossier.received': {
    params: ['code', 'dueDate'],
    vi: {
      subject: 'Hồ sơ {code} đã được tiếp nhận',
      body: `Hồ sơ {code} đã được tiếp nhận. Ngày hẹn trả kết quả: {dueDate}. Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01) có trong trang hồ sơ trên ${PORTAL_VI}.`,
      short: 'Hồ sơ {code} đã được tiếp nhận, hẹn trả kết quả ngày {dueDate}.',
    },
    en: {
      subject: 'Application {code} accepted',
      body: `Your application {code} has been accepted. Its results are due on {dueDate}. The receipt and appointment slip (form 01) is on the application's page on the ${PORTAL_EN}.`,
      short: 'Application {code} accepted; results due on {dueDate}.',
    },
  },
  'dossier.supplement_requested': {
    params: ['code', 'items'],
    vi: {
      subject: 'Hồ sơ {code} cần bổ sung',
      body: 'Hồ sơ {code} chưa đầy đủ. Đề nghị ông/bà bổ sung, hoàn thiện: {items}. Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ.',
      short: `Hồ sơ {code} cần bổ sung: {items}. Chi tiết trên ${PORTAL_VI}.`,
    },
    en: {
      subject: 'Application {code} needs more documents',
      body: 'Your application {code} is incomplete. Please supply: {items}. The processing time starts again once the complete application is received.',
      short: `Application {code} needs: {items}. Details on the ${PORTAL_EN}.`,
    },
  },
  'dossier.refused': {
    params: ['code', 'reasons'],
    vi: {
      subject: 'Hồ sơ {code} bị từ chối',
      body: 'Hồ sơ {code} bị từ chối với lý do: {reasons}. Ông/bà có thể liên hệ cơ quan giải quyết, hoặc nộp lại hồ sơ sau khi khắc phục.',
      short: 'Hồ sơ {code} bị từ chối. Lý do: {reasons}.',
    },
    en: {
      subject: 'Application {code} refused',
      body: 'Your application {code} has been refused for these reasons: {reasons}. You may contact the agency, or apply again once the reasons are addressed.',
      short: 'Application {code} refused. Reasons: {reasons}.',
    },
  },
  'dossier.apology': {
    params: ['code', 'newDueDate'],
    vi: {
      subject: 'Xin lỗi: hồ sơ {code} được hẹn lại ngày trả kết quả',
      body: `Cơ quan giải quyết xin lỗi ông/bà vì hồ sơ {code} chưa được giải quyết đúng hạn. Ngày hẹn trả kết quả mới: {newDueDate}. Phiếu xin lỗi và hẹn lại ngày trả kết quả có trong trang hồ sơ trên ${PORTAL_VI}.`,
      short: 'Xin lỗi ông/bà: hồ sơ {code} chậm hạn, hẹn lại ngày trả kết quả {newDueDate}.',
    },
    en: {
      subject: 'Apology: application {code} has a new date',
      body: `We apologise: your application {code} was not resolved on time. The new date for its results is {newDueDate}. The apology letter is on the application's page on the ${PORTAL_EN}.`,
      short: 'We apologise: application {code} is late; new date for results: {newDueDate}.',
    },
  },
  'dossier.resolved': {
    params: ['code'],
    vi: {
      subject: 'Hồ sơ {code} đã có kết quả',
      body: `Hồ sơ {code} đã được giải quyết và có kết quả. Mời ông/bà nhận kết quả theo hình thức đã đăng ký: tại bộ phận một cửa, qua bưu chính, hoặc bản điện tử trên ${PORTAL_VI}.`,
      short: 'Hồ sơ {code} đã có kết quả, mời ông/bà nhận theo hình thức đã đăng ký.',
    },
    en: {
      subject: 'Results ready for application {code}',
      body: `Your application {code} has been resolved and its results are ready. Please collect them as you chose when applying: at the one-stop desk, by post, or electronically on the ${PORTAL_EN}.`,
      short: 'Results of application {code} are ready; collect them as you chose when applying.',
    },
  },
  'dossier.returned': {
    params: ['code'],
    vi: {
      subject: 'Hồ sơ {code} đã trả kết quả',
      body: `Kết quả giải quyết hồ sơ {code} đã được trả cho ông/bà. Mời ông/bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ trên ${PORTAL_VI}.`,
      short: 'Hồ sơ {code} đã trả kết quả. Cảm ơn ông/bà đã sử dụng dịch vụ công.',
    },
    en: {
      subject: 'Results of application {code} handed over',
      body: `The results of your application {code} have been handed over to you. Please rate how it was handled on the ${PORTAL_EN}.`,
      short: 'Results of application {code} handed over. Thank you.',
    },
  },
  'dossier.stopped': {
    params: ['code', 'reason'],
    vi: {
      subject: 'Hồ sơ {code} đã dừng xử lý',
      body: 'Việc giải quyết hồ sơ {code} đã dừng với lý do: {reason}.',
      short: 'Hồ sơ {code} đã dừng xử lý. Lý do: {reason}.',
    },
    en: {
      subject: 'Application {code} stopped',
      body: 'Processing of your application {code} has stopped, for this reason: {reason}.',
      short: 'Application {code} stopped. Reason: {reason}.',
    },
  },
  'dossier.withdrawn': {
    params: ['code'],
    vi: {
      subject: 'Hồ sơ {code} đã được rút',
      body: 'Theo đề nghị của ông/bà, hồ sơ {code} đã được rút và không tiếp tục giải quyết.',
      short: 'Hồ sơ {code} đã được rút theo đề nghị của ông/bà.',
    },
    en: {
      subject: 'Application {code} withdrawn',
      body: 'As you asked, your application {code} has been withdrawn and will not be processed further.',
      short: 'Application {code} withdrawn as you asked.',
    },
  },
  'payment.requested': {
    params: ['code', 'amount'],
    vi: {
      subject: 'Hồ sơ {code}: đề nghị nộp phí, lệ phí',
      body: `Hồ sơ {code} cần nộp phí, lệ phí: {amount}. Ông/bà có thể thanh toán trực tuyến trên ${PORTAL_VI} hoặc nộp tại bộ phận một cửa.`,
      short: `Hồ sơ {code}: đề nghị nộp phí, lệ phí {amount} trên ${PORTAL_VI} hoặc tại bộ phận một cửa.`,
    },
    en: {
      subject: 'Application {code}: fees to pay',
      body: `Fees of {amount} are due for your application {code}. You can pay online on the ${PORTAL_EN} or at the one-stop desk.`,
      short: `Application {code}: fees of {amount} due, payable on the ${PORTAL_EN} or at the one-stop desk.`,
    },
  },
  'payment.settled': {
    params: ['code', 'amount'],
    vi: {
      subject: 'Hồ sơ {code}: đã nhận thanh toán',
      body: `Đã nhận khoản thanh toán {amount} cho hồ sơ {code}. Biên lai điện tử có trong trang hồ sơ trên ${PORTAL_VI}.`,
      short: 'Đã nhận thanh toán {amount} cho hồ sơ {code}. Cảm ơn ông/bà.',
    },
    en: {
      subject: 'Application {code}: payment received',
      body: `We have received your payment of {amount} for application {code}. The e-receipt is on the application's page on the ${PORTAL_EN}.`,
      short: 'Payment of {amount} received for application {code}. Thank you.',
    },
  },
  ...OFFICIAL_TEMPLATES,
  ...DOCUMENT_TEMPLATES,
} as const satisfies Record<string, Template>;

export type TemplateCode = keyof typeof TEMPLATES;
export const TEMPLATE_CODES = Object.keys(TEMPLATES) as TemplateCode[];
/** The parameters a template needs, for callers that want the compiler to check them. */
export type TemplateParams<T extends TemplateCode> = Record<(typeof TEMPLATES)[T]['params'][number], string>;

/** Appended to e-mails only: the portal and SMS already say who speaks. */
export const EMAIL_FOOTER: Record<NotificationLanguage, string> = {
  vi: `--\n${PORTAL_VI} tỉnh. Thư gửi tự động, vui lòng không trả lời thư này.`,
  en: `--\nThe province's ${PORTAL_EN}. This message was sent automatically; please do not reply.`,
};

const PARAM_VALUE_MAX = 1_000;
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
// Control characters other than tab and newline have no place in a message (and could forge headers).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

export const isTemplateCode = (code: string): code is TemplateCode => Object.hasOwn(TEMPLATES, code);

/** The placeholders a text uses, for the consistency test. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);

function fill(text: string, params: Record<string, string>, isOneLine: boolean): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = (params[name] ?? '').replace(CONTROL, '');
    return isOneLine ? value.replace(/\s+/g, ' ').trim() : value;
  });
}

/**
 * Fills a template. Refuses an unknown template, and names every missing, empty or too long
 * parameter, so that a caller's mistake shows at the call and not as a half-filled message.
 */
export function renderTemplate(
  code: string,
  language: NotificationLanguage,
  params: Record<string, string>,
): Text {
  if (!isTemplateCode(code)) throw invalid('template', 'no_such_record');
  const template: Template = TEMPLATES[code];
  const issues: FieldIssue[] = [];
  for (const name of template.params) {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (typeof value !== 'string' || value.trim() === '')
      issues.push({ field: `params.${name}`, key: 'required' });
    else if (value.length > PARAM_VALUE_MAX)
      issues.push({ field: `params.${name}`, key: 'maxLength', params: { limit: PARAM_VALUE_MAX } });
  }
  if (issues.length > 0)
    throw new AppError('validation', {
      detail: `template ${code}: ${issues.map((issue) => `${issue.field} ${issue.key}`).join(', ')}`,
      issues,
    });
  const text = template[language];
  return {
    subject: fill(text.subject, params, true),
    body: fill(text.body, params, false),
    short: fill(text.short, params, true),
  };
}
