/** Thu hồi và thay thế văn bản đã phát hành (NĐ 30/2020 Phụ lục VI, ADR 0023). */
export const recallPages = {
  recall: {
    action: 'Thu hồi văn bản',
    actionLead:
      'Thu hồi văn bản đã phát hành: văn bản và thông tin của văn bản bị khóa, các cơ quan đã nhận qua liên thông được yêu cầu hủy bản đã nhận.',
    open: 'Thu hồi…',
    reason: 'Lý do thu hồi',
    confirm: 'Xác nhận thu hồi',
    confirmWarning: 'Không thể hoàn tác. Mỗi nơi nhận sẽ trả lời đồng ý (15) hoặc từ chối (16) lấy lại.',
    cancel: 'Hủy',
    saving: 'Đang thu hồi…',
    done: 'Đã thu hồi văn bản và gửi yêu cầu đến các nơi nhận.',
    outgoingBanner: 'Văn bản đã bị thu hồi',
    outgoingBannerText: 'Thu hồi ngày {{at}} bởi {{by}}. Lý do: {{reason}}',
    outgoingFrozen: 'Văn bản và thông tin của văn bản đã bị khóa; không thể thực hiện thêm thao tác.',
    incomingBanner: 'Văn bản đã bị thu hồi',
    incomingBannerText: 'Cơ quan ban hành thu hồi văn bản ngày {{at}}. Lý do: {{reason}}',
    incomingDestroyed:
      'Bản văn bản đã nhận đã được hủy; chỉ còn thông tin đăng ký và quá trình xử lý để tra cứu. Văn bản không còn được xử lý.',
    replacedBanner: 'Văn bản đã được thay thế',
    replacedBannerText: 'Cơ quan ban hành thay thế văn bản này bằng văn bản {{reference}} ngày {{at}}.',
    openReplacement: 'Xem văn bản thay thế',
    replacementWaiting: 'Văn bản thay thế đang chờ vào sổ văn bản đến.',
    replaces: 'Văn bản thay thế cho văn bản đã phát hành',
    openReplaced: 'Xem văn bản bị thay thế',
  },
  exchangeUpdate: {
    action: 'Cập nhật thông tin văn bản đã gửi',
    actionLead:
      'Sửa trích yếu, độ khẩn hoặc hạn trả lời đã gửi kèm văn bản. Các cơ quan đã nhận qua liên thông được cập nhật theo; văn bản đã ký số không thay đổi (sửa nội dung thì ban hành văn bản thay thế).',
    open: 'Cập nhật thông tin…',
    subject: 'Trích yếu',
    urgency: 'Độ khẩn',
    dueDate: 'Hạn trả lời',
    dueDateHint: 'Để trống nếu không đổi.',
    reason: 'Lý do cập nhật',
    confirm: 'Gửi cập nhật',
    cancel: 'Hủy',
    saving: 'Đang gửi cập nhật…',
    done: 'Đã cập nhật thông tin và gửi đến các nơi nhận.',
  },
};
