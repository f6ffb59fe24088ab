/**
 * The simulated phone app of the remote-signing simulator: a server-rendered page listing the
 * requests waiting for a user, each with Xác nhận / Từ chối. Vietnamese, one column, large buttons.
 */
export interface PhoneRequest {
  transactionId: string;
  description: string;
  createdAt: Date;
  expiresAt: Date;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const clock = (date: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);

export function phonePage(options: {
  prefix: string;
  userId: string;
  displayName: string | null;
  requests: PhoneRequest[];
  notice?: string;
}): string {
  const { prefix, userId, requests } = options;
  const user = encodeURIComponent(userId);
  const items = requests
    .map(
      (request) => `<li class="request">
        <p class="description">${escapeHtml(request.description)}</p>
        <p class="meta">Gửi lúc ${clock(request.createdAt)} · hết hạn lúc ${clock(request.expiresAt)}</p>
        <p class="meta">Mã giao dịch: <span class="code">${escapeHtml(request.transactionId)}</span></p>
        <div class="actions">
          <form method="post" action="${prefix}/phone/transactions/${encodeURIComponent(request.transactionId)}/confirm?user=${user}">
            <button type="submit" class="confirm">Xác nhận</button>
          </form>
          <form method="post" action="${prefix}/phone/transactions/${encodeURIComponent(request.transactionId)}/refuse?user=${user}">
            <button type="submit" class="refuse">Từ chối</button>
          </form>
        </div>
      </li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ký số từ xa (mô phỏng)</title>
<style>body{font-family:system-ui,sans-serif;max-width:30rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
h1{font-size:1.3rem}ul{list-style:none;padding:0}.request{border:1px solid #767676;border-radius:.5rem;padding:.75rem;margin:.75rem 0}
.description{font-weight:600;margin:.25rem 0}.meta{color:#333;margin:.25rem 0;font-size:.95rem}.code{word-break:break-all}
.actions{display:flex;gap:.5rem;flex-wrap:wrap}.actions form{flex:1}
button{width:100%;font-size:1.05rem;padding:.75rem;border-radius:.4rem;border:0;cursor:pointer}
.confirm{background:#0b5c2e;color:#fff}.refuse{background:#a4161a;color:#fff}[role=status]{background:#eef;padding:.5rem}</style></head>
<body>
  <main>
    <h1>Ký số từ xa (mô phỏng)</h1>
    <p>Thuê bao: <strong>${escapeHtml(options.displayName ?? userId)}</strong></p>
    <p role="note">Trang mô phỏng ứng dụng ký số trên điện thoại, để thử nghiệm. Đây không phải dịch vụ thật.</p>
    ${options.notice ? `<p role="status">${escapeHtml(options.notice)}</p>` : ''}
    <h2>Yêu cầu chờ xác nhận (${requests.length})</h2>
    ${requests.length > 0 ? `<ul>${items}</ul>` : '<p>Không có yêu cầu nào đang chờ.</p>'}
    <p><a href="${prefix}/phone?user=${user}">Tải lại</a></p>
  </main>
</body>
</html>`;
}
