import { PATTERN_HINTS } from '@tinhso/contracts';
import type { ErrorCode } from './errors.ts';
import { DOCUMENT_FIELD_MESSAGES } from './messages-documents.ts';

/**
 * What the server says to people, in Vietnamese (default) and English. Keys of field issues come
 * from validation keywords (ajv) and from domain rules.
 */
export type Language = 'vi' | 'en';

type Template = Record<Language, string>;

const ERROR_MESSAGES: Record<ErrorCode, Template> = {
  validation: { vi: 'Dữ liệu chưa hợp lệ: {issues}', en: 'The data is not valid: {issues}' },
  unauthenticated: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  invalid_credentials: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.',
    en: 'The sign-in name or password is wrong, or the account is temporarily locked.',
  },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  not_found: { vi: 'Không tìm thấy.', en: 'Not found.' },
  conflict: { vi: 'Xung đột dữ liệu: {issues}', en: 'Conflict: {issues}' },
  too_large: { vi: 'Dữ liệu gửi lên quá lớn: {issues}', en: 'Too large: {issues}' },
  unsupported_type: { vi: 'Loại tệp không được chấp nhận: {issues}', en: 'Unsupported type: {issues}' },
  unprocessable: { vi: 'Không thể xử lý: {issues}', en: 'Cannot be processed: {issues}' },
  idempotency_mismatch: {
    vi: 'Mã Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  throttled: {
    vi: 'Quá nhiều lần thử. Vui lòng thử lại sau {retryAfter} giây.',
    en: 'Too many attempts. Please try again in {retryAfter} seconds.',
  },
  csrf: {
    vi: 'Phiên làm việc không hợp lệ cho thao tác này; vui lòng tải lại trang.',
    en: 'The request is missing its session token; please reload the page.',
  },
  mfa_setup_required: {
    vi: 'Tài khoản quản trị phải bật xác thực hai lớp trước khi làm việc.',
    en: 'Administrator accounts must enable two-factor authentication first.',
  },
  password_change_required: {
    vi: 'Vui lòng đổi mật khẩu ban đầu trước khi làm việc.',
    en: 'Please change your initial password first.',
  },
  unavailable: { vi: 'Hệ thống tạm thời không sẵn sàng.', en: 'The service is temporarily unavailable.' },
  internal: {
    vi: 'Đã có lỗi xảy ra. Mã tra cứu: {correlationId}',
    en: 'Something went wrong. Reference: {correlationId}',
  },
};

const FIELD_MESSAGES: Record<string, Template> = {
  required: { vi: 'bắt buộc phải có', en: 'is required' },
  unknown_field: { vi: 'không được phép (trường lạ)', en: 'is not an allowed field' },
  type: { vi: 'phải là {type}', en: 'must be {type}' },
  minLength: { vi: 'phải có ít nhất {limit} ký tự', en: 'must have at least {limit} characters' },
  maxLength: { vi: 'không được quá {limit} ký tự', en: 'must have at most {limit} characters' },
  minimum: { vi: 'phải từ {limit} trở lên', en: 'must be at least {limit}' },
  maximum: { vi: 'không được lớn hơn {limit}', en: 'must be at most {limit}' },
  minItems: { vi: 'phải có ít nhất {limit} mục', en: 'must have at least {limit} items' },
  maxItems: { vi: 'không được quá {limit} mục', en: 'must have at most {limit} items' },
  uniqueItems: { vi: 'không được trùng lặp', en: 'must not repeat items' },
  minProperties: { vi: 'phải có ít nhất {limit} trường', en: 'must have at least {limit} fields' },
  enum: { vi: 'phải là một trong: {allowed}', en: 'must be one of: {allowed}' },
  const: { vi: 'phải bằng {allowed}', en: 'must equal {allowed}' },
  pattern: { vi: 'sai định dạng ({expected})', en: 'has the wrong format ({expected})' },
  format: { vi: 'sai định dạng {format}', en: 'must be a valid {format}' },
  invalid: { vi: 'không hợp lệ', en: 'is not valid' },
  taken: { vi: 'đã được sử dụng', en: 'is already in use' },
  no_such_record: { vi: 'không tồn tại', en: 'does not exist' },
  date_order: { vi: 'phải sau ngày bắt đầu', en: 'must be after the start date' },
  already_ended: { vi: 'đã kết thúc', en: 'has already ended' },
  swap_makeup_weekend: {
    vi: 'ngày làm bù phải là thứ Bảy hoặc Chủ nhật',
    en: 'a make-up working day must be a Saturday or Sunday',
  },
  swap_bridge_weekday: {
    vi: 'ngày nghỉ hoán đổi phải là ngày từ thứ Hai đến thứ Sáu',
    en: 'a bridge day off must be a weekday',
  },
  not_current: { vi: 'phải là đơn vị còn hiệu lực vào ngày {date}', en: 'must be a unit in force on {date}' },
  not_locked: { vi: 'tài khoản không bị khóa', en: 'the account is not locked' },
  same_as_current: { vi: 'phải khác mật khẩu hiện tại', en: 'must differ from the current password' },
  wrong_password: { vi: 'không đúng', en: 'is not correct' },
  password_weak: {
    vi: 'phải có ít nhất {limit} ký tự, gồm chữ hoa, chữ thường, chữ số và ký tự đặc biệt',
    en: 'must have at least {limit} characters with upper case, lower case, digits and symbols',
  },
  totp_invalid: { vi: 'mã xác thực không đúng hoặc đã hết hạn', en: 'the code is wrong or has expired' },
  mfa_not_started: { vi: 'chưa khởi tạo xác thực hai lớp', en: 'two-factor setup has not been started' },
  budget_exceeds_deadline: {
    vi: 'tổng thời gian các bước ({total} giờ làm việc) vượt thời hạn giải quyết ({limit} giờ làm việc)',
    en: 'the steps take {total} working hours, more than the legal deadline ({limit} working hours)',
  },
  'file.missing': {
    vi: 'phải gửi đúng một tệp trong trường "file"',
    en: 'send exactly one file in the field "file"',
  },
  'file.empty': { vi: 'tệp rỗng', en: 'the file is empty' },
  'file.tooLarge': {
    vi: 'tệp vượt quá dung lượng cho phép {limitMiB} MiB ({limit} byte)',
    en: 'the file is larger than the limit of {limitMiB} MiB ({limit} bytes)',
  },
  'file.type': { vi: 'chỉ nhận tệp {allowed}', en: 'only {allowed} files are accepted' },
  'file.typeMismatch': {
    vi: 'nội dung tệp là {found} nhưng tên tệp hoặc loại khai báo là {declared}',
    en: 'the content is {found} but the file name or declared type says {declared}',
  },
  'file.infected': {
    vi: 'tệp chứa mã độc ({signature}) nên bị từ chối và không được lưu',
    en: 'the file contains malware ({signature}); it was refused and not stored',
  },
  'file.scannerUnavailable': {
    vi: 'chưa kiểm tra được virus vì dịch vụ quét đang gián đoạn; tệp không được lưu, vui lòng gửi lại sau',
    en: 'the virus scanner is unavailable, so the file was not stored; please try again later',
  },
  'file.alreadyAttached': {
    vi: 'tệp đã được đính kèm vào hồ sơ khác',
    en: 'the file is already attached elsewhere',
  },
  not_json_schema: { vi: 'phải là một JSON Schema dạng đối tượng', en: 'must be a JSON Schema object' },
  schema_keyword: {
    vi: 'từ khóa JSON Schema không được hỗ trợ',
    en: 'is not a supported JSON Schema keyword',
  },
  required_unknown: {
    vi: 'chỉ được nêu các trường có trong properties',
    en: 'may name only fields listed in properties',
  },
  invalid_json: { vi: 'không phải JSON hợp lệ', en: 'is not valid JSON' },
  not_draft: { vi: 'phiên bản đã công bố, không sửa được', en: 'the version is already published' },
  effective_from_in_past: {
    vi: 'phiên bản mới không được có hiệu lực trước ngày {date}',
    en: 'a new version cannot take effect before {date}',
  },
  parent_cycle: {
    vi: 'không được là chính nó hoặc đơn vị cấp dưới của nó',
    en: 'cannot be itself or below itself',
  },
  'dossier.actionNotAllowed': {
    vi: 'không thể thực hiện "{action}" khi hồ sơ đang ở trạng thái "{status}"; được phép: {allowed}',
    en: '"{action}" is not allowed while the dossier is {status}; allowed: {allowed}',
  },
  'pkcs12.malformed': {
    vi: 'không phải tệp PKCS#12 (.p12, .pfx) đọc được',
    en: 'is not a readable PKCS#12 file (.p12, .pfx)',
  },
  'pkcs12.unsupported': {
    vi: 'tệp PKCS#12 dùng thuật toán mã hóa chưa được hỗ trợ',
    en: 'the PKCS#12 file uses an encryption that is not supported',
  },
  'pkcs12.no_key': {
    vi: 'tệp PKCS#12 không chứa khóa bí mật và chứng thư số',
    en: 'the PKCS#12 file holds no private key and certificate',
  },
  'pkcs12.key_mismatch': {
    vi: 'không có chứng thư số nào khớp với khóa bí mật trong tệp',
    en: 'no certificate in the file matches its private key',
  },
  'pkcs12.unsupported_key': {
    vi: 'chỉ nhận khóa RSA hoặc ECDSA (P-256, P-384, P-521)',
    en: 'only RSA or ECDSA (P-256, P-384, P-521) keys are accepted',
  },
  'signingKey.expired': {
    vi: 'chứng thư số đã hết hạn ngày {date}',
    en: 'the certificate expired on {date}',
  },
  'signingKey.duplicate': {
    vi: 'chứng thư số này đã được đăng ký',
    en: 'this certificate is already enrolled',
  },
  'signingKey.alreadyRevoked': {
    vi: 'khóa ký số đã bị thu hồi',
    en: 'the signing key is already revoked',
  },
  'signatureImage.notTransparent': {
    vi: 'ảnh chữ ký phải là PNG có nền trong suốt',
    en: 'the signature image must be a PNG with a transparent background',
  },
  'signatureImage.tooBig': {
    vi: 'ảnh chữ ký không được rộng hoặc cao quá {limit} điểm ảnh',
    en: 'the signature image must be at most {limit} pixels wide and high',
  },
  'dossier.receivingKind': {
    vi: 'cơ quan này không tiếp nhận thủ tục (chỉ: {allowed})',
    en: 'this agency does not receive the procedure (only: {allowed})',
  },
  'dossier.competentKind': {
    vi: 'phải là cơ quan có thẩm quyền loại {allowed}',
    en: 'must be a competent agency of kind {allowed}',
  },
  'dossier.missingComponent': {
    vi: 'thiếu tệp cho thành phần bắt buộc "{name}"',
    en: 'a file is required for the component "{name}"',
  },
  'dossier.noSuchComponent': {
    vi: 'thủ tục không có thành phần số {index}',
    en: 'the procedure has no component {index}',
  },
  'dossier.supplementLate': {
    vi: 'đã quá {limit} ngày làm việc kể từ khi tiếp nhận (hạn {date}): phải nêu lý do',
    en: 'more than {limit} working days after receipt (until {date}): a justification is required',
  },
  'dossier.apologyTooLate': {
    vi: 'văn bản xin lỗi phải gửi chậm nhất {limit} ngày làm việc trước hạn trả ({date})',
    en: 'the apology must be sent at least {limit} working day(s) before the due date ({date})',
  },
  'dossier.newDateNotLater': {
    vi: 'ngày hẹn mới phải sau ngày hẹn trả hiện tại ({date})',
    en: 'the new date must be after the current due date ({date})',
  },
  'dossier.assigneeNotInAgency': {
    vi: 'người được giao phải đang công tác tại cơ quan xử lý',
    en: 'the assignee must hold a post at the processing agency',
  },
  'dossier.assigneeNotCandidate': {
    vi: 'người được giao phải là cán bộ của đơn vị xử lý bước tiếp theo, có vai trò của bước đó',
    en: 'the assignee must be an official of the unit of the next step, holding its role',
  },
  'payment.amountMismatch': {
    vi: 'số tiền thu phải bằng số tiền phải nộp ({expected} đồng)',
    en: 'the amount taken must equal the amount due ({expected} VND)',
  },
  'payment.alreadyPaid': {
    vi: 'phí, lệ phí của hồ sơ đã được nộp (biên lai {receiptNo})',
    en: 'the fee of this dossier is already paid (receipt {receiptNo})',
  },
  'payment.noFeeDue': {
    vi: 'hồ sơ không có khoản phí, lệ phí phải nộp (trạng thái thanh toán: {paymentStatus})',
    en: 'this dossier has no fee to pay (payment status: {paymentStatus})',
  },
  'dossier.sameAgency': { vi: 'phải là cơ quan khác cơ quan đang xử lý', en: 'must be another agency' },
  'dossier.resultRequired': {
    vi: 'cần tệp kết quả khi trả kết quả trực tuyến',
    en: 'a result file is needed to return the result online',
  },
  'dossier.consultationAnswered': { vi: 'đã được trả lời', en: 'has already been answered' },
  'dossier.deliveryAddress': {
    vi: 'cần địa chỉ nhận kết quả qua bưu chính',
    en: 'an address is needed to receive the result by post',
  },
  'exchange.secret': {
    vi: 'văn bản mật không được gửi qua trục liên thông điện tử',
    en: 'a secret document is never sent through electronic exchange',
  },
  ...DOCUMENT_FIELD_MESSAGES,
};

const TYPE_NAMES: Record<string, Template> = {
  string: { vi: 'chuỗi ký tự', en: 'a string' },
  integer: { vi: 'số nguyên', en: 'an integer' },
  number: { vi: 'số', en: 'a number' },
  boolean: { vi: 'true/false', en: 'true or false' },
  object: { vi: 'đối tượng', en: 'an object' },
  array: { vi: 'danh sách', en: 'a list' },
  null: { vi: 'null', en: 'null' },
};

const FORMAT_NAMES: Record<string, Template> = {
  uuid: { vi: 'mã định danh (UUID)', en: 'identifier (UUID)' },
  date: { vi: 'ngày (YYYY-MM-DD)', en: 'date (YYYY-MM-DD)' },
  'date-time': { vi: 'thời điểm ISO 8601', en: 'ISO 8601 date-time' },
  email: { vi: 'thư điện tử', en: 'email address' },
};

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function fieldMessage(
  language: Language,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const named = { ...params };
  if (typeof params.type === 'string') named.type = TYPE_NAMES[params.type]?.[language] ?? params.type;
  if (typeof params.format === 'string')
    named.format = FORMAT_NAMES[params.format]?.[language] ?? params.format;
  if (typeof params.pattern === 'string')
    named.expected = PATTERN_HINTS[params.pattern]?.[language] ?? params.pattern;
  const template = FIELD_MESSAGES[key] ?? FIELD_MESSAGES.invalid!;
  return fill(template[language], named);
}

export function errorMessage(
  language: Language,
  code: ErrorCode,
  params: Record<string, string | number> & { issues?: string },
): string {
  return fill(ERROR_MESSAGES[code][language], params);
}

/** Picks vi or en from an Accept-Language header; Vietnamese unless English comes first. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
