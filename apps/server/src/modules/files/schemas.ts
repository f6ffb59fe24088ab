import { Type, type Static } from 'typebox';

/**
 * The answer to an upload. Kept here until the web app needs it; then it moves to
 * packages/contracts like the other modules' schemas.
 */
export const UploadedFile = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Identifier to attach the file to a dossier with' }),
    name: Type.String({ description: 'The original file name, cleaned for display' }),
    mediaType: Type.String({ description: 'The type found in the bytes, e.g. application/pdf' }),
    size: Type.Integer({ description: 'Size in bytes' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the bytes, hex' }),
  },
  { additionalProperties: false },
);
export type UploadedFile = Static<typeof UploadedFile>;

export const FileIdParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'File identifier' }) },
  { additionalProperties: false },
);
