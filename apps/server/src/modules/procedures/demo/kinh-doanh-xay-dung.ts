import {
  DEMO_EFFECTIVE_FROM,
  choice,
  component,
  date,
  form,
  steps,
  text,
  type DemoProcedure,
} from './build.ts';

/** Household businesses, enterprises, construction permits and judicial records. */
const HKD = {
  sectorCode: 'ho-kinh-doanh',
  sectorName: 'Thành lập và hoạt động của hộ kinh doanh',
  levels: ['commune' as const],
  competentAgencyKind: 'ubnd_xa' as const,
  receivingAgencyKinds: ['ubnd_xa' as const, 'trung_tam_phvhcc' as const],
  cutOffTime: '15:00',
};
const HKD_UNIT = 'Phòng Kinh tế (UBND xã)';
const HKD_BASIS = [
  'Luật Doanh nghiệp số 59/2020/QH14',
  'Nghị định 01/2021/NĐ-CP',
  'Thông tư 02/2023/TT-BKHĐT',
];
const HKD_NOTE =
  'Mã thủ tục không chắc chắn. Từ 01/7/2025 việc đăng ký hộ kinh doanh chuyển về cấp xã; nghị định về đăng ký doanh nghiệp có thể đã thay Nghị định 01/2021 (có nguồn nêu Nghị định 168/2025/NĐ-CP), cần đối chiếu. Lệ phí do HĐND tỉnh quy định: 100.000 đồng là mức phổ biến dùng cho demo.';
const HKD_FEES = {
  fixed: 100000,
  byCase: [],
  exemptions: [],
  basis: 'Do HĐND tỉnh quy định (Thông tư 85/2019/TT-BTC); mức demo',
};
const XAY_DUNG = {
  sectorCode: 'xay-dung',
  sectorName: 'Hoạt động xây dựng',
  levels: ['commune' as const],
  competentAgencyKind: 'ubnd_xa' as const,
  receivingAgencyKinds: ['ubnd_xa' as const, 'trung_tam_phvhcc' as const],
  cutOffTime: '15:00',
};
const XD_UNIT = 'Phòng Kinh tế (UBND xã)';
const XD_BASIS = [
  'Luật Xây dựng số 50/2014/QH13, sửa đổi bởi Luật số 62/2020/QH14',
  'Nghị định 15/2021/NĐ-CP',
];
const XD_NOTE =
  'Mã thủ tục không chắc chắn. Luật ghi "15 ngày" (ngày lịch); việc giao thẩm quyền cấp phép nhà ở riêng lẻ cho UBND xã từ 01/7/2025 cần đối chiếu. Lệ phí do HĐND tỉnh quy định: 75.000 đồng (mức của Hà Nội) dùng cho demo.';
const XD_FEES = { fixed: 75000, byCase: [], exemptions: [], basis: 'Do HĐND tỉnh quy định; mức demo' };
const DRAWINGS = component(
  'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)',
  'copy',
  { count: 2 },
);
const HOUSE = {
  diaChiCongTrinh: text('Địa chỉ công trình'),
  soThua: text('Số thửa, tờ bản đồ', 100),
  dienTichXayDung: { type: 'number', title: 'Diện tích xây dựng (m²)', minimum: 1, maximum: 100000 },
  soTang: { type: 'integer', title: 'Số tầng', minimum: 1, maximum: 50 },
};
const ENTERPRISE_FORM = form(
  'Giấy đề nghị đăng ký doanh nghiệp',
  {
    tenDoanhNghiep: text('Tên doanh nghiệp', 200),
    loaiHinh: choice('Loại hình', ['Doanh nghiệp tư nhân', 'Công ty TNHH một thành viên']),
    vonDieuLe: { type: 'integer', title: 'Vốn điều lệ (đồng)', minimum: 0 },
    nganhNghe: {
      type: 'array',
      title: 'Ngành, nghề kinh doanh (mã VSIC)',
      items: text('Mã ngành', 10),
      minItems: 1,
    },
    truSo: text('Địa chỉ trụ sở chính'),
  },
  ['tenDoanhNghiep', 'loaiHinh', 'vonDieuLe', 'nganhNghe', 'truSo'],
);

export const kinhDoanhXayDung: DemoProcedure[] = [
  {
    code: '2.000720',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký thành lập hộ kinh doanh',
    ...HKD,
    components: [
      component('Giấy đề nghị đăng ký hộ kinh doanh', 'original', {
        template: 'Giấy đề nghị đăng ký hộ kinh doanh (Phụ lục III-1, Thông tư 02/2023/TT-BKHĐT)',
      }),
      component('Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh', 'copy', {
        required: false,
        note: 'Khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh',
      }),
      component('Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ', 'copy', {
        required: false,
      }),
    ],
    form: form(
      'Giấy đề nghị đăng ký hộ kinh doanh',
      {
        tenHoKinhDoanh: text('Tên hộ kinh doanh', 200),
        diaDiem: text('Địa điểm kinh doanh'),
        nganhNghe: text('Ngành, nghề kinh doanh', 1000),
        vonKinhDoanh: { type: 'integer', title: 'Vốn kinh doanh (đồng)', minimum: 0 },
        soLaoDong: { type: 'integer', title: 'Số lao động', minimum: 0 },
      },
      ['tenHoKinhDoanh', 'diaDiem', 'nganhNghe', 'vonKinhDoanh'],
    ),
    fees: HKD_FEES,
    deadline: { value: 3, unit: 'working_day' },
    steps: steps(HKD_UNIT, { receive: 2, appraise: 14, approve: 6, hand: 2 }),
    resultTemplate: 'Giấy chứng nhận đăng ký hộ kinh doanh',
    onlineLevel: 'toan_trinh',
    legalBasis: HKD_BASIS,
    note: HKD_NOTE,
  },
  {
    code: '2.000575',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    ...HKD,
    components: [
      component('Thông báo thay đổi nội dung đăng ký hộ kinh doanh', 'original', {
        template: 'Thông báo thay đổi nội dung đăng ký hộ kinh doanh (Thông tư 02/2023/TT-BKHĐT)',
      }),
      component('Biên bản họp thành viên hộ gia đình về việc thay đổi', 'copy', { required: false }),
    ],
    form: form(
      'Thông báo thay đổi nội dung đăng ký hộ kinh doanh',
      { maSoHoKinhDoanh: text('Mã số hộ kinh doanh', 20), noiDungThayDoi: text('Nội dung thay đổi', 1000) },
      ['maSoHoKinhDoanh', 'noiDungThayDoi'],
    ),
    fees: HKD_FEES,
    deadline: { value: 3, unit: 'working_day' },
    steps: steps(HKD_UNIT, { receive: 2, appraise: 14, approve: 6, hand: 2 }),
    resultTemplate: 'Giấy chứng nhận đăng ký hộ kinh doanh (cấp lại theo nội dung thay đổi)',
    onlineLevel: 'toan_trinh',
    legalBasis: HKD_BASIS,
    note: HKD_NOTE,
  },
  {
    code: '2.000576',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Chấm dứt hoạt động hộ kinh doanh',
    ...HKD,
    components: [
      component('Thông báo về việc chấm dứt hoạt động hộ kinh doanh', 'original'),
      component('Thông báo của cơ quan thuế về việc chấp thuận chấm dứt hiệu lực mã số thuế', 'copy', {
        required: false,
      }),
    ],
    form: form(
      'Thông báo chấm dứt hoạt động hộ kinh doanh',
      { maSoHoKinhDoanh: text('Mã số hộ kinh doanh', 20), ngayChamDut: date('Ngày chấm dứt hoạt động') },
      ['maSoHoKinhDoanh'],
    ),
    fees: { fixed: 0, byCase: [], exemptions: [], basis: 'Không thu lệ phí (demo)' },
    deadline: { value: 3, unit: 'working_day' },
    steps: steps(HKD_UNIT, { receive: 2, appraise: 14, approve: 6, hand: 2 }),
    resultTemplate: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh',
    onlineLevel: 'toan_trinh',
    legalBasis: HKD_BASIS,
    note: `${HKD_NOTE} Việc không thu lệ phí cho thủ tục này chưa đối chiếu.`,
  },
  {
    code: '2.001610',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Đăng ký thành lập doanh nghiệp tư nhân, công ty trách nhiệm hữu hạn một thành viên',
    sectorCode: 'thanh-lap-doanh-nghiep',
    sectorName: 'Thành lập và hoạt động doanh nghiệp',
    levels: ['province'],
    competentAgencyKind: 'so',
    competentAgencyCode: '000.00.03.H20', // Sở Tài chính of the demo province
    receivingAgencyKinds: ['so', 'trung_tam_phvhcc'],
    cutOffTime: '15:00',
    components: [
      component('Giấy đề nghị đăng ký doanh nghiệp', 'original', {
        template: 'Giấy đề nghị đăng ký doanh nghiệp (Thông tư 02/2023/TT-BKHĐT)',
      }),
      component('Điều lệ công ty (công ty TNHH một thành viên)', 'original', { required: false }),
      component('Bản sao giấy tờ pháp lý của chủ doanh nghiệp hoặc chủ sở hữu', 'copy'),
    ],
    form: ENTERPRISE_FORM,
    fees: {
      fixed: null,
      byCase: [
        { label: 'Nộp hồ sơ giấy', amount: 50000 },
        { label: 'Nộp hồ sơ qua mạng điện tử', amount: 0 },
      ],
      exemptions: ['Đăng ký qua mạng thông tin điện tử (Thông tư 47/2019/TT-BTC)'],
      basis: 'Thông tư 47/2019/TT-BTC',
    },
    deadline: { value: 3, unit: 'working_day' },
    steps: steps('Phòng Đăng ký kinh doanh', { receive: 2, appraise: 14, approve: 6, hand: 2 }),
    resultTemplate: 'Giấy chứng nhận đăng ký doanh nghiệp',
    onlineLevel: 'toan_trinh',
    legalBasis: ['Luật Doanh nghiệp số 59/2020/QH14', 'Nghị định 01/2021/NĐ-CP', 'Thông tư 47/2019/TT-BTC'],
    note: 'Mã thủ tục không chắc chắn (ở CSDL quốc gia, mỗi loại hình có mã riêng). Phòng Đăng ký kinh doanh thuộc Sở Tài chính từ 2025. Phí công bố nội dung đăng ký doanh nghiệp (100.000 đồng) chưa được ghi.',
  },
  {
    code: '1.009994',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    ...XAY_DUNG,
    components: [
      component('Đơn đề nghị cấp giấy phép xây dựng', 'original', {
        template: 'Mẫu số 01 Phụ lục II Nghị định 15/2021/NĐ-CP',
      }),
      component('Giấy tờ chứng minh quyền sử dụng đất', 'copy'),
      DRAWINGS,
    ],
    form: form('Đơn đề nghị cấp giấy phép xây dựng', HOUSE, ['diaChiCongTrinh', 'dienTichXayDung', 'soTang']),
    fees: XD_FEES,
    deadline: { value: 15, unit: 'calendar_day' },
    steps: steps(XD_UNIT, { receive: 4, appraise: 56, approve: 16, hand: 4 }),
    resultTemplate: 'Giấy phép xây dựng',
    onlineLevel: 'toan_trinh',
    legalBasis: XD_BASIS,
    note: XD_NOTE,
  },
  {
    code: '1.009995',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ',
    ...XAY_DUNG,
    components: [
      component('Đơn đề nghị cấp giấy phép sửa chữa, cải tạo', 'original', {
        template: 'Mẫu số 01 Phụ lục II Nghị định 15/2021/NĐ-CP',
      }),
      component('Giấy tờ chứng minh quyền sử dụng đất, quyền sở hữu nhà ở', 'copy'),
      component('Ảnh chụp hiện trạng công trình đề nghị sửa chữa, cải tạo', 'copy'),
      DRAWINGS,
    ],
    form: form(
      'Đơn đề nghị cấp giấy phép sửa chữa, cải tạo',
      { ...HOUSE, noiDungCaiTao: text('Nội dung sửa chữa, cải tạo', 1000) },
      ['diaChiCongTrinh', 'noiDungCaiTao'],
    ),
    fees: XD_FEES,
    deadline: { value: 15, unit: 'calendar_day' },
    steps: steps(XD_UNIT, { receive: 4, appraise: 56, approve: 16, hand: 4 }),
    resultTemplate: 'Giấy phép sửa chữa, cải tạo công trình',
    onlineLevel: 'toan_trinh',
    legalBasis: XD_BASIS,
    note: XD_NOTE,
  },
  {
    code: '2.000488',
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    sectorCode: 'ly-lich-tu-phap',
    sectorName: 'Lý lịch tư pháp',
    levels: ['province'],
    competentAgencyKind: 'so',
    competentAgencyCode: '000.00.05.H20', // Sở Tư pháp of the demo province
    receivingAgencyKinds: ['so', 'trung_tam_phvhcc'],
    cutOffTime: '15:00',
    components: [
      component('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'original', {
        template: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Thông tư 06/2013/TT-BTP, đã sửa đổi)',
      }),
      component('Giấy tờ tùy thân (CCCD/thẻ căn cước, hộ chiếu)', 'copy'),
      component('Văn bản ủy quyền', 'original', {
        required: false,
        note: 'Khi ủy quyền làm thủ tục (Phiếu số 1)',
      }),
    ],
    form: form(
      'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
      {
        loaiPhieu: choice('Loại phiếu', ['Phiếu số 1', 'Phiếu số 2']),
        soLuong: { type: 'integer', title: 'Số lượng phiếu', minimum: 1, maximum: 10 },
        mucDich: text('Mục đích sử dụng'),
      },
      ['loaiPhieu', 'soLuong'],
    ),
    fees: {
      fixed: null,
      byCase: [
        { label: 'Mức chung (mỗi lần yêu cầu)', amount: 200000 },
        { label: 'Sinh viên, người có công với cách mạng, thân nhân liệt sĩ', amount: 100000 },
        { label: 'Từ phiếu thứ 3 trở đi trong một lần yêu cầu (mỗi phiếu)', amount: 5000 },
      ],
      exemptions: [
        'Trẻ em; người cao tuổi; người khuyết tật',
        'Người thuộc hộ nghèo; người cư trú tại xã đặc biệt khó khăn',
      ],
      basis: 'Thông tư 244/2016/TT-BTC',
    },
    deadline: { value: 10, unit: 'calendar_day' },
    steps: steps('Phòng Hành chính tư pháp (Sở Tư pháp)', { receive: 4, appraise: 36, approve: 12, hand: 4 }),
    resultTemplate: 'Phiếu lý lịch tư pháp số 1 hoặc số 2',
    onlineLevel: 'toan_trinh',
    legalBasis: ['Luật Lý lịch tư pháp số 28/2009/QH12', 'Thông tư 244/2016/TT-BTC'],
    note: 'Mã thủ tục không chắc chắn. Luật ghi "không quá 10 ngày" (15 ngày với người nước ngoài hoặc cần xác minh). Có nguồn cho rằng việc cấp Phiếu lý lịch tư pháp chuyển sang ngành Công an năm 2025 (cấp qua VNeID): cơ quan thẩm quyền cần đối chiếu.',
  },
];
