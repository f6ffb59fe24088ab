/** Ký số từ xa (remote signing): the signer confirms on the phone app of the signing service. */
export const remoteSigningPages = {
  remoteSigning: {
    hint: 'Bạn ký bằng ký số từ xa: sau khi bấm Ký số, hãy mở ứng dụng ký số trên điện thoại và xác nhận.',
    waiting: 'Đang chờ xác nhận trên điện thoại…',
    sending: 'Đang gửi yêu cầu ký đến dịch vụ ký số từ xa…',
    description: 'Nội dung hiển thị trên điện thoại',
    expiresAt: 'Hết hạn lúc {{time}}',
  },
};
