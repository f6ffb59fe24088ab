// A paper dossier received at the provincial service centre's counter by motcua, entered through the
// API as the counter page would (procedure 2.000488, decided by Sở Tư pháp). Shared by the journeys
// that need a received dossier, with the way an officer opens the worklist.

import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { apiSession, serviceCentreId } from './support-api.ts';

export interface CounterApplicant {
  fullName: string;
  personalId?: string;
  address: string;
  phone?: string;
}

const TRAN_VAN_HUNG: CounterApplicant = {
  fullName: 'Trần Văn Hùng',
  address: 'Số 3 đường Nguyễn Huệ, phường Mỹ Tho, tỉnh Đồng Tháp',
  phone: '0912000222',
};

/** A paper dossier received at the centre's counter, entered by the desk through the API. */
export async function receivedAtCounter(
  request: APIRequestContext,
  applicant: CounterApplicant = TRAN_VAN_HUNG,
): Promise<{ id: string; code: string; paymentStatus: string }> {
  const desk = await apiSession(request, 'motcua');
  return desk.post(
    '/api/dossiers/counter',
    {
      procedureCode: '2.000488',
      receivingAgencyId: await serviceCentreId(request),
      channel: 'counter',
      applicant,
      formData: {
        nguoiYeuCau: { hoTen: applicant.fullName, soDinhDanh: '087099001236', soDienThoai: '0912000222' },
        loaiPhieu: 'Phiếu số 1',
        soLuong: 1,
        mucDich: 'Bổ sung hồ sơ xin việc',
      },
      feeCase: 0,
      deliveryMethod: 'counter',
      files: [
        { componentIndex: 0, fileId: await desk.uploadPdf('to-khai.pdf') },
        { componentIndex: 1, fileId: await desk.uploadPdf('cccd.pdf') },
      ],
      outcome: { kind: 'receive' },
    },
    201,
  );
}

/** Opens "Hồ sơ cần xử lý" from the main navigation; it opens on the officer's own ("Của tôi"). */
export async function openWorklist(page: Page): Promise<Locator> {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Hồ sơ cần xử lý' })
    .click();
  const scope = page.getByRole('navigation', { name: 'Phạm vi danh sách' });
  await expect(scope.getByRole('link', { name: 'Của tôi', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  return scope;
}
