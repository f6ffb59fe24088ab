/** The edXML library of the exchange module: build, parse and check packages and status messages. */
export { buildEdxml, EdxmlInvalidError, type BuildEdxmlOptions } from './build-edxml.ts';
export { parseEdxml, type ParseEdxmlOptions } from './parse-edxml.ts';
export {
  buildEdxmlStatus,
  parseEdxmlStatus,
  validateStatus,
  type EdxmlStatus,
  type EdxmlStatusParseResult,
  type StatusOptions,
} from './status-message.ts';
export {
  EDXML_STATUS_CODES,
  findStatusCode,
  type EdxmlStatusCode,
  type EdxmlStatusCodeEntry,
} from './status-codes.ts';
export { DEFAULT_EDXML_PROFILE, resolveProfile, type EdxmlProfile } from './profile.ts';
export { validateEnvelope } from './validate-envelope.ts';
export { toVietnamTimestamp } from './values.ts';
export * from './types.ts';
