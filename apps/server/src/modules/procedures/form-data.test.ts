import { describe, expect, it } from 'vitest';
import { demoCatalogue } from './demo/catalogue.ts';
import { checkFormData } from './form-data.ts';

const birthForm = demoCatalogue.find((item) => item.code === '1.001193')!.form;

describe('form data against a procedure’s JSON Schema', () => {
  it('accepts a complete birth registration', () => {
    expect(
      checkFormData(birthForm, {
        nguoiYeuCau: { hoTen: 'Nguyễn Thị Mai', soDinhDanh: '001190000001' },
        treEm: {
          hoTen: 'Nguyễn Minh An',
          gioiTinh: 'Nam',
          ngaySinh: '2026-11-20',
          noiSinh: 'Bệnh viện tỉnh',
        },
      }),
    ).toEqual([]);
  });

  it('names every failing field at once, nested, with the key people read', () => {
    const issues = checkFormData(birthForm, {
      nguoiYeuCau: { hoTen: '', soDinhDanh: '123', biDanh: 'x' },
      treEm: { hoTen: 'An', gioiTinh: 'Khác', ngaySinh: '20/11/2026' },
    });
    expect(issues.map((issue) => `${issue.field}:${issue.key}`).sort()).toEqual([
      'data.nguoiYeuCau.biDanh:unknown_field',
      'data.nguoiYeuCau.hoTen:minLength',
      'data.nguoiYeuCau.soDinhDanh:pattern',
      'data.treEm.gioiTinh:enum',
      'data.treEm.ngaySinh:format',
      'data.treEm.noiSinh:required',
    ]);
  });

  it('names a missing top-level block and a wrong type', () => {
    expect(checkFormData(birthForm, { nguoiYeuCau: 'x' })).toEqual([
      { field: 'data.treEm', key: 'required' },
      { field: 'data.nguoiYeuCau', key: 'type', params: { type: 'object' } },
    ]);
  });
});
