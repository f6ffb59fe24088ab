export const alertPages = {
  officialInbox: {
    lead: 'Cảnh báo khi hồ sơ giấy chưa được chuyển xử lý đúng hạn, khi cơ quan được lấy ý kiến hoặc nhận liên thông quá hạn, và nhắc việc khi bước đang giữ sắp hết thời gian. Mỗi cảnh báo chỉ gửi một lần.',
    empty: 'Chưa có cảnh báo hay nhắc việc nào.',
    unreadOnly: 'Chỉ xem mục chưa đọc',
    unread_one: '{{count}} mục chưa đọc.',
    unread_other: '{{count}} mục chưa đọc.',
    markAll: 'Đánh dấu tất cả đã đọc',
    markRead: 'Đánh dấu đã đọc',
    new: 'mới',
    openDossier: 'Mở hồ sơ',
    kind: {
      alert: 'Cảnh báo',
      reminder: 'Nhắc việc',
    },
  },
};
