/** The Vietnamese words printed for the coded values of the input. */
import type {
  ComponentForm,
  ReceivingChannel,
  RegisterStatus,
  ResultDelivery,
  StepOutcome,
} from './types.ts';

export const COMPONENT_FORM: Record<ComponentForm, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao có chứng thực',
  copy: 'Bản sao',
  shown: 'Bản chính để xuất trình',
};

export const RECEIVING_CHANNEL: Record<ReceivingChannel, string> = {
  counter: 'Trực tiếp tại Bộ phận Một cửa',
  online: 'Trực tuyến',
  post: 'Qua dịch vụ bưu chính công ích',
};

export const RESULT_DELIVERY: Record<ResultDelivery, string> = {
  counter: 'Bộ phận Một cửa',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến',
};

export const STEP_OUTCOME: Record<StepOutcome, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

export const REGISTER_STATUS: Record<RegisterStatus, string> = {
  ...STEP_OUTCOME,
  in_progress: 'Đang xử lý',
};
