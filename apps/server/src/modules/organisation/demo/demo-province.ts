/**
 * Demo data of TinhSo: the new Tỉnh Đồng Tháp (Tiền Giang + Đồng Tháp, from 01/7/2025), 20 of its
 * communes and wards with the former communes that formed them, 14 province agencies, 20 UBND
 * xã/phường, about 106 officials and 10 citizens. Pure, typed and deterministic: no I/O, no clock, no
 * unseeded randomness. What is real and what is illustrative is stated at the top of each file.
 *
 * Merger history: the seeder derives every succession row (admin_unit_succession) from
 * `communes[].formedFrom` (former commune → new commune) and from `formerProvinces` (former province →
 * `province`), all on MERGER_DATE. Former districts cease on that day without a successor.
 * `demoMerger` is not a second source of truth: it picks one of those mergers, derived from the same data,
 * for the README, the admin-unit history screen and tests that want a concrete example.
 */
import { agencies } from './agencies.ts';
import { citizens } from './citizens.ts';
import {
  MERGER_DATE,
  communes,
  formerCommunes,
  formerDistricts,
  formerProvinces,
  province,
} from './geography.ts';
import { officials } from './officials.ts';
import type { DemoMerger, DemoProvince } from './types.ts';

export type { DemoMerger, DemoProvince, PositionTypeCode } from './types.ts';
export { MERGER_DATE } from './geography.ts';

export const demoProvince: DemoProvince = {
  province,
  formerProvinces,
  formerDistricts,
  formerCommunes,
  communes,
  agencies,
  officials,
  citizens,
};

/**
 * Phường Thường Lạc: formed from Phường An Lạc of the former Thành phố Hồng Ngự and the communes
 * Thường Thới Hậu A and Thường Lạc of the former Huyện Hồng Ngự, so it also shows a new unit that straddles
 * two abolished districts.
 */
const DEMO_MERGER_SUCCESSOR = 'Phường Thường Lạc';

const mergerOf = (successorName: string): DemoMerger => {
  const successor = communes.find((commune) => commune.name === successorName);
  if (!successor) throw new Error(`no commune named ${successorName}`);
  return {
    effectiveDate: MERGER_DATE,
    successor: { code: successor.code, name: successor.name },
    predecessors: successor.formedFrom.map((code) => {
      const former = formerCommunes.find((candidate) => candidate.code === code);
      if (!former) throw new Error(`no former commune ${code}`);
      return former;
    }),
  };
};

export const demoMerger: DemoMerger = mergerOf(DEMO_MERGER_SUCCESSOR);
