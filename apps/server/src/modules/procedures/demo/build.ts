import type { CreateProcedure, DossierComponent, ProcessStep } from '@tinhso/contracts';

/**
 * Small builders that keep the demo catalogue readable: the data files list what differs between
 * procedures; the shapes every procedure shares (applicant block of the form, usual step names) live
 * here.
 */

/** The day the two-tier local government started (NQ 202/2025/QH15): the demo versions' start. */
export const DEMO_EFFECTIVE_FROM = '2025-07-01';

const PERSONAL_ID = { type: 'string', title: 'Số định danh cá nhân', pattern: '^[0-9]{12}$' };
const PHONE = { type: 'string', title: 'Số điện thoại', pattern: '^0[0-9]{9}$' };

/** The applicant (người yêu cầu) block every form starts with. */
export const applicant = {
  type: 'object',
  title: 'Người yêu cầu',
  required: ['hoTen', 'soDinhDanh'],
  additionalProperties: false,
  properties: {
    hoTen: { type: 'string', title: 'Họ, chữ đệm và tên', minLength: 1, maxLength: 100 },
    soDinhDanh: PERSONAL_ID,
    soDienThoai: PHONE,
    email: { type: 'string', title: 'Thư điện tử', format: 'email' },
    noiCuTru: { type: 'string', title: 'Nơi cư trú', maxLength: 300 },
  },
};

export const text = (title: string, maxLength = 300) => ({ type: 'string', title, maxLength });
export const date = (title: string) => ({ type: 'string', title, format: 'date' });
export const choice = (title: string, values: string[]) => ({ type: 'string', title, enum: values });
export const person = (title: string) => ({
  type: 'object',
  title,
  additionalProperties: false,
  required: ['hoTen'],
  properties: {
    hoTen: text('Họ, chữ đệm và tên', 100),
    ngaySinh: date('Ngày, tháng, năm sinh'),
    soDinhDanh: PERSONAL_ID,
    danToc: text('Dân tộc', 50),
    quocTich: text('Quốc tịch', 50),
    noiCuTru: text('Nơi cư trú'),
  },
});

/** A form: the applicant block plus the procedure's own fields. */
export function form(
  title: string,
  fields: Record<string, unknown>,
  required: string[] = [],
): Record<string, unknown> {
  return {
    type: 'object',
    title,
    additionalProperties: false,
    required: ['nguoiYeuCau', ...required],
    properties: { nguoiYeuCau: applicant, ...fields },
  };
}

export const component = (
  name: string,
  kind: DossierComponent['kind'],
  options: { required?: boolean; template?: string; count?: number; note?: string } = {},
): DossierComponent => ({
  name,
  kind,
  count: options.count ?? 1,
  template: options.template ?? null,
  required: options.required ?? true,
  ...(options.note ? { note: options.note } : {}),
});

/** The usual four steps (receive, appraise, approve, return), budgets in hours. */
export function steps(
  competentUnit: string,
  hours: { receive: number; appraise: number; approve: number; hand: number },
  receivingUnit = 'Bộ phận Một cửa',
): ProcessStep[] {
  return [
    {
      name: 'Tiếp nhận, kiểm tra hồ sơ',
      role: 'tiep_nhan',
      unit: receivingUnit,
      budget: { value: hours.receive, unit: 'hour' },
    },
    {
      name: 'Thẩm định, trình ký',
      role: 'chuyen_vien',
      unit: competentUnit,
      budget: { value: hours.appraise, unit: 'hour' },
    },
    {
      name: 'Phê duyệt, ký',
      role: 'lanh_dao',
      unit: competentUnit,
      budget: { value: hours.approve, unit: 'hour' },
    },
    {
      name: 'Trả kết quả',
      role: 'tra_ket_qua',
      unit: receivingUnit,
      budget: { value: hours.hand, unit: 'hour' },
    },
  ];
}

/** One working day split the way one-stop centres usually plan a same-day procedure. */
export const SAME_DAY_STEPS = { receive: 1, appraise: 4, approve: 2, hand: 1 };

export type DemoProcedure = CreateProcedure;
