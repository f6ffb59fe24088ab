import type { DemoProcedure } from './build.ts';
import { chungThucCuTru } from './chung-thuc-cu-tru.ts';
import { hoTich } from './ho-tich.ts';
import { kinhDoanhXayDung } from './kinh-doanh-xay-dung.ts';

/**
 * The demo catalogue: frequently used procedures with their components, fees and deadlines as
 * remembered from public sources. Each item's `note` says what is not verified (often the national
 * code); nothing here is authoritative until checked against the CSDL quốc gia về TTHC.
 */
export const demoCatalogue: DemoProcedure[] = [...hoTich, ...chungThucCuTru, ...kinhDoanhXayDung];
