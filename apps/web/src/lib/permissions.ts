import type { TFunction } from 'i18next';
import { PERMISSIONS, type Permission } from '@tinhso/contracts';

function isPermission(code: string): code is Permission {
  return Object.hasOwn(PERMISSIONS, code);
}

/**
 * What a permission allows, in the current language. The dictionaries translate every code in
 * PERMISSIONS; a code the web does not know yet falls back to the contract's English sentence… or
 * to the code itself if even the contract does not know it.
 */
export function describePermission(t: TFunction, code: string): string {
  if (!isPermission(code)) return code;
  return t(`permissions.${code}`, { defaultValue: PERMISSIONS[code] });
}
