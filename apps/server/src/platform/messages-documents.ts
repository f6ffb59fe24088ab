/** Field messages of official documents, signatures and their PDFs (issue 4), in Vietnamese and English. */
export const DOCUMENT_FIELD_MESSAGES: Record<string, { vi: string; en: string }> = {
  'pdf.noSignature': {
    vi: 'tệp PDF không có chữ ký số nào',
    en: 'the PDF carries no digital signature',
  },
  'pdf.decompressionBomb': {
    vi: 'tệp PDF nén bất thường: khi giải nén vượt quá {limitMiB} MiB (nghi là "bom giải nén"), không xử lý',
    en: 'the PDF is abnormally compressed: it expands beyond {limitMiB} MiB (a suspected decompression bomb) and is not processed',
  },
  'pdf.malformed': {
    vi: 'không đọc được tệp PDF (hỏng hoặc bị cắt cụt)',
    en: 'the PDF cannot be read (damaged or truncated)',
  },
  'remoteSigning.refused': {
    vi: 'người ký đã từ chối yêu cầu ký trên điện thoại; văn bản chưa được ký',
    en: 'the signer refused the request on the phone; the document is not signed',
  },
  'remoteSigning.expired': {
    vi: 'hết thời gian chờ xác nhận trên điện thoại; văn bản chưa được ký, hãy ký lại',
    en: 'no confirmation on the phone in time; the document is not signed, sign again',
  },
  'remoteSigning.unreachable': {
    vi: 'không kết nối được dịch vụ ký số từ xa; hãy thử lại sau',
    en: 'the remote-signing service cannot be reached; try again later',
  },
  'remoteSigning.providerError': {
    vi: 'dịch vụ ký số từ xa trả lời không hợp lệ',
    en: 'the remote-signing service gave an invalid answer',
  },
  'remoteSigning.badSignature': {
    vi: 'chữ ký không khớp với chứng thư số của người ký',
    en: 'the signature does not match the signer’s certificate',
  },
  'remoteSigning.unknownUser': {
    vi: 'dịch vụ ký số từ xa không có thuê bao này',
    en: 'the remote-signing service has no such user',
  },
  'remoteSigning.notConfigured': {
    vi: 'máy chủ chưa được cấu hình dịch vụ ký số từ xa',
    en: 'remote signing is not configured on this server',
  },
  'signatures.timestampUnavailable': {
    vi: 'máy chủ cấp dấu thời gian không trả lời nên chưa ký được; hãy thử lại sau',
    en: 'the timestamp authority did not answer, so nothing was signed; please try again later',
  },
  'document.actionNotAllowed': {
    vi: 'không thể thực hiện "{action}" khi văn bản đang ở trạng thái "{status}"; được phép: {allowed}',
    en: '"{action}" is not allowed while the document is {status}; allowed: {allowed}',
  },
  'document.notInAgency': {
    vi: 'phải là đơn vị hoặc công chức của cơ quan nhận văn bản',
    en: 'must be a unit or an official of the receiving agency',
  },
  'document.oneAssignee': {
    vi: 'chọn một đơn vị hoặc một công chức',
    en: 'name either a unit or an official',
  },
  'document.dueBeforeToday': { vi: 'không được trước ngày hôm nay', en: 'must not be before today' },
  'outgoing.actionNotAllowed': {
    vi: 'không thể thực hiện "{action}" khi văn bản đi đang ở trạng thái "{status}"; được phép: {allowed}',
    en: '"{action}" is not allowed while the outgoing document is {status}; allowed: {allowed}',
  },
  'outgoing.notASigner': {
    vi: 'người này không giữ chức vụ có thẩm quyền ký văn bản của cơ quan',
    en: 'this official holds no post that may sign for the agency',
  },
  'outgoing.notInAgency': {
    vi: 'phải là đơn vị hoặc công chức của cơ quan ban hành',
    en: 'must be a unit or an official of the issuing agency',
  },
  'outgoing.ownAgency': {
    vi: 'là chính cơ quan ban hành; chọn đơn vị của cơ quan thay vào đó',
    en: 'is the issuing agency itself; name one of its units instead',
  },
  'outgoing.notPdf': { vi: 'phải là tệp PDF', en: 'must be a PDF' },
  'outgoing.notIssued': {
    vi: 'phải là văn bản đã phát hành của cơ quan',
    en: 'must be an issued document of the agency',
  },
  'outgoing.nothingToUpdate': {
    vi: 'không có thông tin nào khác với thông tin đã gửi: hãy sửa trích yếu, độ khẩn hoặc hạn trả lời',
    en: 'nothing differs from what was sent: correct the subject, the urgency or the answer date',
  },
  'outgoing.alreadyAnswered': { vi: 'ý kiến đã được trả lời', en: 'the opinion has been given already' },
  'outgoing.changed': {
    vi: 'văn bản vừa được người khác thay đổi; hãy tải lại',
    en: 'the document was changed meanwhile; reload it',
  },
  'outgoing.noSigningKey': {
    vi: 'người ký chưa có chứng thư số cá nhân còn hiệu lực',
    en: 'the signer has no valid personal signing key',
  },
  'outgoing.noSealKey': {
    vi: 'cơ quan chưa có chứng thư số cơ quan còn hiệu lực',
    en: 'the agency has no valid seal key',
  },
  'outgoing.noValidSignature': {
    vi: 'văn bản chưa có chữ ký số cá nhân hợp lệ nên không được ký số cơ quan',
    en: 'the document carries no valid personal signature, so it cannot be sealed',
  },
  'outgoing.secretNotSent': {
    vi: 'văn bản mật không được gửi qua môi trường điện tử',
    en: 'secret documents are never sent electronically',
  },
  'outgoing.notTheHead': {
    vi: 'chỉ người đứng đầu cơ quan (hoặc cấp phó được giao quyền) mới ủy quyền ký (TUQ.)',
    en: 'only the head of the agency (or the acting head) authorises signing on their behalf (TUQ.)',
  },
  'outgoing.notYourself': { vi: 'không thể tự ủy quyền cho chính mình', en: 'cannot authorise yourself' },
  'outgoing.endsAfterStart': {
    vi: 'ngày kết thúc phải sau ngày bắt đầu ({date})',
    en: 'the end must be after the start ({date})',
  },
  'outgoing.authorisationEnded': { vi: 'giấy ủy quyền đã hết hiệu lực', en: 'the authorisation has ended' },
};
