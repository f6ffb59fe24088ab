import {
  DEMO_EFFECTIVE_FROM,
  SAME_DAY_STEPS,
  choice,
  component,
  form,
  steps,
  text,
  type DemoProcedure,
} from './build.ts';

/** Certification (chứng thực: NĐ 23/2015/NĐ-CP) and residence (cư trú: Luật Cư trú 68/2020/QH14). */
const CHUNG_THUC = {
  sectorCode: 'chung-thuc',
  sectorName: 'Chứng thực',
  levels: ['commune' as const],
  competentAgencyKind: 'ubnd_xa' as const,
  receivingAgencyKinds: ['ubnd_xa' as const, 'trung_tam_phvhcc' as const],
  cutOffTime: '15:00',
};
const CT_UNIT = 'Công chức Tư pháp - Hộ tịch';
const CT_BASIS = ['Nghị định 23/2015/NĐ-CP', 'Thông tư 01/2020/TT-BTP', 'Thông tư 226/2016/TT-BTC'];
const CU_TRU = {
  sectorCode: 'cu-tru',
  sectorName: 'Đăng ký, quản lý cư trú',
  levels: ['commune' as const],
  competentAgencyKind: 'khac' as const,
  receivingAgencyKinds: ['khac' as const],
  cutOffTime: '15:00',
};
const CA_UNIT = 'Công an cấp xã';
const CU_TRU_BASIS = [
  'Luật Cư trú số 68/2020/QH14',
  'Thông tư 55/2021/TT-BCA (mẫu CT01)',
  'Thông tư 75/2022/TT-BTC (lệ phí đăng ký cư trú)',
];
const CU_TRU_NOTE =
  'Cơ quan thẩm quyền là Công an cấp xã (loại cơ quan "khác" trong danh mục cơ quan); mã thủ tục không chắc chắn; nghị định hướng dẫn Luật Cư trú có thể đã được thay thế năm 2024–2025, cần đối chiếu.';
const RESIDENCE_EXEMPTIONS = [
  'Bố, mẹ, vợ (chồng), con dưới 18 tuổi của liệt sĩ, thương binh, người hưởng chính sách như thương binh',
  'Người thuộc hộ nghèo; trẻ em; người cao tuổi; người khuyết tật',
  'Đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn',
];
const ORIGINAL_IN_PERSON =
  'Người yêu cầu phải xuất trình bản chính hoặc ký trước mặt người thực hiện chứng thực (Nghị định 23/2015/NĐ-CP), nên bước tiếp nhận không thực hiện trực tuyến hoàn toàn.';
const CT01 = 'Tờ khai thay đổi thông tin cư trú (mẫu CT01, Thông tư 55/2021/TT-BCA)';

export const chungThucCuTru: DemoProcedure[] = [
  {
    code: '2.000908',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    ...CHUNG_THUC,
    components: [
      component('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 'shown'),
      component('Bản sao cần chứng thực', 'copy', {
        note: 'Nếu người yêu cầu không tự chụp, cơ quan chụp từ bản chính',
      }),
    ],
    form: form(
      'Yêu cầu chứng thực bản sao',
      {
        tenGiayTo: text('Tên giấy tờ, văn bản'),
        soTrang: { type: 'integer', title: 'Số trang', minimum: 1, maximum: 500 },
        soBan: { type: 'integer', title: 'Số bản sao', minimum: 1, maximum: 50 },
      },
      ['tenGiayTo', 'soTrang', 'soBan'],
    ),
    fees: {
      fixed: null,
      byCase: [
        { label: 'Trang thứ nhất và thứ hai (mỗi trang)', amount: 2000 },
        { label: 'Từ trang thứ ba trở đi (mỗi trang)', amount: 1000 },
        { label: 'Mức tối đa cho một bản', amount: 200000 },
      ],
      exemptions: [],
      basis: 'Thông tư 226/2016/TT-BTC',
    },
    deadline: { value: 1, unit: 'working_day' },
    steps: steps(CT_UNIT, SAME_DAY_STEPS),
    resultTemplate: 'Bản sao có chứng thực',
    onlineLevel: 'mot_phan',
    motPhanJustification: ORIGINAL_IN_PERSON,
    legalBasis: CT_BASIS,
    note: 'Trong ngày; sau 15 giờ thì trong ngày làm việc tiếp theo (NĐ 23/2015, Điều 7). Mã 2.000908 được nêu trong nghiên cứu về Hà Nội; tên thủ tục ứng với mã chưa đối chiếu.',
  },
  {
    code: '2.000884',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản',
    ...CHUNG_THUC,
    components: [
      component('Giấy tờ, văn bản cần chứng thực chữ ký', 'original'),
      component('Giấy tờ tùy thân còn giá trị sử dụng của người ký', 'shown'),
    ],
    form: form('Yêu cầu chứng thực chữ ký', { tenGiayTo: text('Tên giấy tờ, văn bản') }, ['tenGiayTo']),
    fees: {
      fixed: 10000,
      byCase: [],
      exemptions: [],
      basis: 'Thông tư 226/2016/TT-BTC: 10.000 đồng/trường hợp',
    },
    deadline: { value: 1, unit: 'working_day' },
    steps: steps(CT_UNIT, SAME_DAY_STEPS),
    resultTemplate: 'Giấy tờ, văn bản đã được chứng thực chữ ký',
    onlineLevel: 'mot_phan',
    motPhanJustification: ORIGINAL_IN_PERSON,
    legalBasis: CT_BASIS,
    note: 'Mã thủ tục không chắc chắn.',
  },
  {
    code: '2.001035',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
    ...CHUNG_THUC,
    components: [
      component('Dự thảo hợp đồng, giao dịch', 'original'),
      component('Giấy tờ tùy thân của người yêu cầu chứng thực', 'shown'),
      component('Giấy chứng nhận quyền sở hữu, quyền sử dụng hoặc giấy tờ thay thế', 'copy'),
    ],
    form: form(
      'Yêu cầu chứng thực hợp đồng, giao dịch',
      {
        loaiHopDong: choice('Loại hợp đồng', ['Chuyển nhượng', 'Tặng cho', 'Thế chấp', 'Thuê', 'Khác']),
        taiSan: text('Tài sản', 1000),
      },
      ['loaiHopDong'],
    ),
    fees: {
      fixed: 50000,
      byCase: [],
      exemptions: [],
      basis: 'Thông tư 226/2016/TT-BTC: 50.000 đồng/hợp đồng, giao dịch',
    },
    deadline: { value: 2, unit: 'working_day' },
    steps: steps(CT_UNIT, { receive: 2, appraise: 8, approve: 4, hand: 2 }),
    resultTemplate: 'Hợp đồng, giao dịch đã được chứng thực',
    onlineLevel: 'mot_phan',
    motPhanJustification: 'Các bên phải ký trước mặt người thực hiện chứng thực (Nghị định 23/2015/NĐ-CP).',
    legalBasis: CT_BASIS,
    note: 'Mã thủ tục không chắc chắn. Thời hạn có thể kéo dài theo thỏa thuận bằng văn bản với người yêu cầu.',
  },
  {
    code: '1.004222',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký thường trú',
    ...CU_TRU,
    components: [
      component('Tờ khai thay đổi thông tin cư trú', 'original', { template: CT01 }),
      component('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'copy'),
      component('Văn bản đồng ý cho đăng ký thường trú của chủ hộ, chủ sở hữu chỗ ở', 'original', {
        required: false,
        note: 'Trừ khi đã thể hiện ý kiến trong tờ khai',
      }),
    ],
    form: form(
      CT01,
      {
        diaChiThuongTru: text('Địa chỉ đăng ký thường trú'),
        quanHeChuHo: text('Quan hệ với chủ hộ', 50),
        chuHo: text('Họ tên chủ hộ', 100),
      },
      ['diaChiThuongTru'],
    ),
    fees: {
      fixed: null,
      byCase: [
        { label: 'Nộp hồ sơ trực tiếp', amount: 20000 },
        { label: 'Nộp hồ sơ trực tuyến', amount: 10000 },
      ],
      exemptions: RESIDENCE_EXEMPTIONS,
      basis: 'Thông tư 75/2022/TT-BTC',
    },
    deadline: { value: 7, unit: 'working_day' },
    steps: steps(CA_UNIT, { receive: 4, appraise: 36, approve: 12, hand: 4 }, CA_UNIT),
    resultTemplate: 'Thông báo kết quả đăng ký thường trú (cập nhật vào CSDL về cư trú)',
    onlineLevel: 'toan_trinh',
    legalBasis: CU_TRU_BASIS,
    note: CU_TRU_NOTE,
  },
  {
    code: '1.004194',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký tạm trú',
    ...CU_TRU,
    components: [
      component('Tờ khai thay đổi thông tin cư trú', 'original', { template: CT01 }),
      component('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'copy'),
    ],
    form: form(
      CT01,
      {
        diaChiTamTru: text('Địa chỉ đăng ký tạm trú'),
        thoiHan: { type: 'integer', title: 'Thời hạn tạm trú (tháng)', minimum: 1, maximum: 24 },
      },
      ['diaChiTamTru', 'thoiHan'],
    ),
    fees: {
      fixed: null,
      byCase: [
        { label: 'Nộp hồ sơ trực tiếp', amount: 15000 },
        { label: 'Nộp hồ sơ trực tuyến', amount: 7000 },
      ],
      exemptions: RESIDENCE_EXEMPTIONS,
      basis: 'Thông tư 75/2022/TT-BTC',
    },
    deadline: { value: 3, unit: 'working_day' },
    steps: steps(CA_UNIT, { receive: 2, appraise: 14, approve: 6, hand: 2 }, CA_UNIT),
    resultTemplate: 'Thông báo kết quả đăng ký tạm trú (cập nhật vào CSDL về cư trú)',
    onlineLevel: 'toan_trinh',
    legalBasis: CU_TRU_BASIS,
    note: CU_TRU_NOTE,
  },
];
