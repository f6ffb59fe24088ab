import {
  DEMO_EFFECTIVE_FROM,
  SAME_DAY_STEPS,
  choice,
  component,
  date,
  form,
  person,
  steps,
  text,
  type DemoProcedure,
} from './build.ts';

/** Civil status (hộ tịch) at the commune: Luật Hộ tịch 60/2014/QH13, NĐ 123/2015/NĐ-CP, TT 04/2020/TT-BTP. */
const HO_TICH = {
  sectorCode: 'ho-tich',
  sectorName: 'Hộ tịch',
  levels: ['commune' as const],
  competentAgencyKind: 'ubnd_xa' as const,
  receivingAgencyKinds: ['ubnd_xa' as const, 'trung_tam_phvhcc' as const],
  cutOffTime: '15:00',
};
const UNIT = 'Công chức Tư pháp - Hộ tịch';
const BASIS = ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định 123/2015/NĐ-CP (đã sửa đổi, bổ sung)'];
const FORMS = 'Thông tư 04/2020/TT-BTP (đã sửa đổi)';
const ID_SHOWN = component('Giấy tờ tùy thân của người yêu cầu (hộ chiếu, CCCD/thẻ căn cước)', 'shown', {
  note: 'Không phải xuất trình khi thông tin đã được khai thác từ CSDL quốc gia về dân cư',
});
const FEE_SET_BY_PROVINCE =
  'Lệ phí do HĐND tỉnh quy định (Thông tư 85/2019/TT-BTC); mức của tỉnh demo chưa được nhập.';
const SAME_DAY =
  'Thời hạn "ngay trong ngày" được ghi là 1 ngày làm việc; hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo.';

export const hoTich: DemoProcedure[] = [
  {
    code: '1.001193',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký khai sinh',
    ...HO_TICH,
    components: [
      component('Tờ khai đăng ký khai sinh', 'original', {
        template: `Tờ khai đăng ký khai sinh (${FORMS})`,
      }),
      component('Giấy chứng sinh', 'original', {
        note: 'Nếu không có: văn bản của người làm chứng, hoặc giấy cam đoan về việc sinh',
      }),
      ID_SHOWN,
      component('Giấy chứng nhận kết hôn của cha, mẹ', 'shown', { required: false }),
    ],
    form: form(
      'Tờ khai đăng ký khai sinh',
      {
        treEm: {
          type: 'object',
          title: 'Người được khai sinh',
          additionalProperties: false,
          required: ['hoTen', 'gioiTinh', 'ngaySinh', 'noiSinh'],
          properties: {
            hoTen: text('Họ, chữ đệm và tên', 100),
            gioiTinh: choice('Giới tính', ['Nam', 'Nữ']),
            ngaySinh: date('Ngày, tháng, năm sinh'),
            noiSinh: text('Nơi sinh'),
            danToc: text('Dân tộc', 50),
            quocTich: text('Quốc tịch', 50),
          },
        },
        me: person('Mẹ'),
        cha: person('Cha'),
        quanHe: text('Quan hệ với người được khai sinh', 50),
      },
      ['treEm'],
    ),
    fees: {
      fixed: 0,
      byCase: [],
      exemptions: ['Đăng ký khai sinh đúng hạn (Luật Hộ tịch, Điều 11)'],
      basis: 'Luật Hộ tịch, Điều 11',
    },
    deadline: { value: 1, unit: 'working_day' },
    steps: steps(UNIT, SAME_DAY_STEPS),
    resultTemplate: 'Giấy khai sinh (bản chính); trích lục khai sinh điện tử',
    onlineLevel: 'toan_trinh',
    legalBasis: [...BASIS, FORMS],
    note: `${SAME_DAY} Khai sinh quá hạn: lệ phí theo HĐND tỉnh, chưa nhập.`,
  },
  {
    code: '1.000894',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký kết hôn',
    ...HO_TICH,
    components: [
      component('Tờ khai đăng ký kết hôn', 'original', { template: `Tờ khai đăng ký kết hôn (${FORMS})` }),
      ID_SHOWN,
      component('Giấy xác nhận tình trạng hôn nhân', 'original', {
        required: false,
        note: 'Khi người yêu cầu cư trú ở xã khác và thông tin chưa có trong CSDL hộ tịch',
      }),
    ],
    form: form(
      'Tờ khai đăng ký kết hôn',
      { ben1: person('Bên nam'), ben2: person('Bên nữ'), ngayDuKien: date('Ngày dự kiến đến nhận') },
      ['ben1', 'ben2'],
    ),
    fees: {
      fixed: 0,
      byCase: [],
      exemptions: ['Công dân Việt Nam cư trú ở trong nước (Luật Hộ tịch, Điều 11)'],
      basis: 'Luật Hộ tịch, Điều 11',
    },
    deadline: { value: 1, unit: 'working_day' },
    steps: steps(UNIT, SAME_DAY_STEPS),
    resultTemplate: 'Giấy chứng nhận kết hôn (02 bản chính)',
    onlineLevel: 'mot_phan',
    motPhanJustification:
      'Hai bên nam, nữ phải có mặt khi đăng ký để ký Giấy chứng nhận kết hôn và Sổ hộ tịch (Luật Hộ tịch, Điều 18).',
    legalBasis: [...BASIS, FORMS],
    note: `${SAME_DAY} Cần xác minh thì không quá 05 ngày làm việc: chưa mô tả thành phiên bản riêng.`,
  },
  {
    code: '1.000656',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký khai tử',
    ...HO_TICH,
    components: [
      component('Tờ khai đăng ký khai tử', 'original', { template: `Tờ khai đăng ký khai tử (${FORMS})` }),
      component('Giấy báo tử hoặc giấy tờ thay Giấy báo tử', 'original'),
      ID_SHOWN,
    ],
    form: form(
      'Tờ khai đăng ký khai tử',
      {
        nguoiChet: person('Người đã chết'),
        ngayChet: date('Ngày chết'),
        noiChet: text('Nơi chết'),
        nguyenNhan: text('Nguyên nhân chết'),
      },
      ['nguoiChet', 'ngayChet'],
    ),
    fees: {
      fixed: 0,
      byCase: [],
      exemptions: ['Đăng ký khai tử đúng hạn (Luật Hộ tịch, Điều 11)'],
      basis: 'Luật Hộ tịch, Điều 11',
    },
    deadline: { value: 1, unit: 'working_day' },
    steps: steps(UNIT, SAME_DAY_STEPS),
    resultTemplate: 'Trích lục khai tử (bản chính)',
    onlineLevel: 'toan_trinh',
    legalBasis: [...BASIS, FORMS],
    note: `${SAME_DAY} Mã thủ tục chưa đối chiếu với CSDL quốc gia về TTHC.`,
  },
  {
    code: '1.004873',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    ...HO_TICH,
    components: [
      component('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'original', {
        template: `Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (${FORMS})`,
      }),
      ID_SHOWN,
      component('Giấy tờ chứng minh việc ly hôn hoặc người kia đã chết', 'copy', { required: false }),
    ],
    form: form('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', {
      mucDich: text('Mục đích sử dụng'),
      tinhTrang: choice('Tình trạng hôn nhân', ['Chưa đăng ký kết hôn', 'Đã ly hôn', 'Vợ/chồng đã chết']),
    }),
    fees: { fixed: null, byCase: [], exemptions: [], basis: FEE_SET_BY_PROVINCE },
    deadline: { value: 3, unit: 'working_day' },
    steps: steps(UNIT, { receive: 2, appraise: 14, approve: 6, hand: 2 }),
    resultTemplate: 'Giấy xác nhận tình trạng hôn nhân',
    onlineLevel: 'toan_trinh',
    legalBasis: [...BASIS, FORMS],
    note: `${FEE_SET_BY_PROVINCE} Mã thủ tục nhớ từ nguồn công khai, chưa đối chiếu.`,
  },
  {
    code: '2.000635',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Cấp bản sao Trích lục hộ tịch',
    ...HO_TICH,
    components: [
      component('Tờ khai cấp bản sao trích lục hộ tịch', 'original', {
        template: `Tờ khai cấp bản sao trích lục hộ tịch (${FORMS})`,
      }),
      ID_SHOWN,
      component('Văn bản ủy quyền', 'original', {
        required: false,
        note: 'Khi yêu cầu qua người được ủy quyền',
      }),
    ],
    form: form(
      'Tờ khai cấp bản sao trích lục hộ tịch',
      {
        loaiTrichLuc: choice('Loại trích lục', ['Khai sinh', 'Kết hôn', 'Khai tử', 'Khác']),
        soBanSao: { type: 'integer', title: 'Số bản sao', minimum: 1, maximum: 20 },
      },
      ['loaiTrichLuc', 'soBanSao'],
    ),
    fees: {
      fixed: 8000,
      byCase: [],
      exemptions: [],
      basis: 'Thông tư 281/2016/TT-BTC: 8.000 đồng/bản sao trích lục/sự kiện',
    },
    deadline: { value: 1, unit: 'working_day' },
    steps: steps(UNIT, SAME_DAY_STEPS),
    resultTemplate: 'Bản sao trích lục hộ tịch',
    onlineLevel: 'toan_trinh',
    legalBasis: [...BASIS, 'Thông tư 281/2016/TT-BTC'],
    note: `${SAME_DAY} Mã 2.000635 được nêu trong nghiên cứu về Hà Nội (anchors.md) như một thủ tục có giờ cắt 15:00; tên thủ tục ứng với mã chưa đối chiếu.`,
  },
  {
    code: '1.001022',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký nhận cha, mẹ, con',
    ...HO_TICH,
    components: [
      component('Tờ khai đăng ký nhận cha, mẹ, con', 'original', {
        template: `Tờ khai đăng ký nhận cha, mẹ, con (${FORMS})`,
      }),
      component(
        'Chứng cứ chứng minh quan hệ cha, mẹ, con (văn bản giám định ADN hoặc giấy tờ khác)',
        'original',
      ),
      ID_SHOWN,
    ],
    form: form(
      'Tờ khai đăng ký nhận cha, mẹ, con',
      {
        nguoiNhan: person('Người nhận'),
        nguoiDuocNhan: person('Người được nhận'),
        quanHe: text('Quan hệ', 50),
      },
      ['nguoiNhan', 'nguoiDuocNhan'],
    ),
    fees: { fixed: null, byCase: [], exemptions: [], basis: FEE_SET_BY_PROVINCE },
    deadline: { value: 3, unit: 'working_day' },
    steps: steps(UNIT, { receive: 2, appraise: 14, approve: 6, hand: 2 }),
    resultTemplate: 'Trích lục đăng ký nhận cha, mẹ, con',
    onlineLevel: 'mot_phan',
    motPhanJustification:
      'Các bên phải có mặt khi đăng ký để ký Sổ hộ tịch và trích lục (Luật Hộ tịch, Điều 25).',
    legalBasis: [...BASIS, FORMS],
    note: `Mã thủ tục không chắc chắn. ${FEE_SET_BY_PROVINCE}`,
  },
  {
    code: '1.004859',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
    ...HO_TICH,
    components: [
      component('Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'original', {
        template: `Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch (${FORMS})`,
      }),
      component('Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung', 'copy'),
      ID_SHOWN,
    ],
    form: form(
      'Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch',
      {
        nguoiDuocThayDoi: person('Người được thay đổi, cải chính'),
        noiDung: text('Nội dung thay đổi, cải chính, bổ sung', 1000),
        lyDo: text('Lý do', 1000),
      },
      ['nguoiDuocThayDoi', 'noiDung'],
    ),
    fees: { fixed: null, byCase: [], exemptions: [], basis: FEE_SET_BY_PROVINCE },
    deadline: { value: 3, unit: 'working_day' },
    steps: steps(UNIT, { receive: 2, appraise: 14, approve: 6, hand: 2 }),
    resultTemplate: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch',
    onlineLevel: 'toan_trinh',
    legalBasis: [...BASIS, FORMS],
    note: `Mã thủ tục không chắc chắn. Cần xác minh thì được kéo dài thêm tối đa 03 ngày làm việc (Luật Hộ tịch, Điều 28). ${FEE_SET_BY_PROVINCE}`,
  },
  {
    code: '1.004884',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký lại khai sinh',
    ...HO_TICH,
    components: [
      component('Tờ khai đăng ký lại khai sinh', 'original', {
        template: `Tờ khai đăng ký lại khai sinh (${FORMS})`,
      }),
      component('Bản sao Giấy khai sinh trước đây hoặc giấy tờ có nội dung khai sinh', 'copy'),
      ID_SHOWN,
    ],
    form: form('Tờ khai đăng ký lại khai sinh', {
      nguoiDuocKhaiSinh: person('Người được đăng ký lại khai sinh'),
      noiDaDangKy: text('Nơi đã đăng ký khai sinh trước đây'),
    }),
    fees: { fixed: null, byCase: [], exemptions: [], basis: FEE_SET_BY_PROVINCE },
    deadline: { value: 5, unit: 'working_day' },
    steps: steps(UNIT, { receive: 2, appraise: 26, approve: 8, hand: 4 }),
    resultTemplate: 'Giấy khai sinh (bản chính)',
    onlineLevel: 'toan_trinh',
    legalBasis: [...BASIS, FORMS],
    note: `Mã thủ tục không chắc chắn. ${FEE_SET_BY_PROVINCE}`,
  },
  {
    code: '1.004837',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký giám hộ',
    ...HO_TICH,
    components: [
      component('Tờ khai đăng ký giám hộ', 'original', { template: `Tờ khai đăng ký giám hộ (${FORMS})` }),
      component('Văn bản cử người giám hộ (giám hộ cử)', 'original', { required: false }),
      ID_SHOWN,
    ],
    form: form(
      'Tờ khai đăng ký giám hộ',
      { nguoiGiamHo: person('Người giám hộ'), nguoiDuocGiamHo: person('Người được giám hộ') },
      ['nguoiGiamHo', 'nguoiDuocGiamHo'],
    ),
    fees: {
      fixed: 0,
      byCase: [],
      exemptions: ['Đăng ký giám hộ (Luật Hộ tịch, Điều 11)'],
      basis: 'Luật Hộ tịch, Điều 11',
    },
    deadline: { value: 3, unit: 'working_day' },
    steps: steps(UNIT, { receive: 2, appraise: 14, approve: 6, hand: 2 }),
    resultTemplate: 'Trích lục đăng ký giám hộ',
    onlineLevel: 'toan_trinh',
    legalBasis: [...BASIS, FORMS],
    note: 'Mã thủ tục không chắc chắn.',
  },
];
