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
  presented: 'Bản chính để xuất trình',
};

export const RECEIVING_CHANNEL: Record<ReceivingChannel, string> = {
  direct: 'Trực tiếp tại Bộ phận Một cửa',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính',
};

export const RESULT_DELIVERY: Record<ResultDelivery, string> = {
  one_stop: 'Bộ phận Một cửa',
  postal: 'Qua dịch vụ bưu chính',
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
