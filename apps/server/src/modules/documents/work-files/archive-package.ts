import { createHash, randomUUID } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import { zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type { WorkFileDocument, WorkFileWithDocuments } from '@tinhso/contracts';

/**
 * The package a closed work file goes to the agency archive in (nộp lưu), pure: a ZIP laid out as
 * an E-ARK CSIP information package, as TT 05/2025/TT-BNV is implemented (vn-norms §2.5, R-ARC-1):
 *
 *   uuid-…/METS.xml                               the package: files, checksums, structure
 *   uuid-…/metadata/descriptive/EAD.xml           the file and its documents (archdesc level="file")
 *   uuid-…/metadata/preservation/PREMIS.xml       fixity and format of each file, the packaging event
 *   uuid-…/representations/rep1/data/NNN-….pdf    each document's PDF, in chronological order
 *   uuid-…/representations/rep2/data/ho-so.pdf    the whole file as one PDF, in the same order
 *   uuid-…/documentation/ho-so.xml                Phụ lục VI metadata of the file and its documents
 *
 * Not done (see the README): conversion to PDF/A, the EAD and METS schemas' validation, AIP/DIP.
 */
export interface ArchiveInput {
  file: WorkFileWithDocuments;
  agencyName: string;
  /** The PDF of each document that has one, by document id. */
  pdfs: Map<string, Uint8Array>;
  now: Date;
  /** For tests: the package id (a UUID). */
  packageId?: string;
}

export interface ArchivePackage {
  objectId: string;
  zip: Uint8Array;
  /** Paths in the ZIP with their SHA-256, as METS lists them. */
  entries: { path: string; sha256: string; size: number }[];
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
  processEntities: true,
});
const xml = (tree: object) => `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(tree)}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const encoder = new TextEncoder();

/** Chronological order (R-DOC-9): by the document's date, then its place in the file. */
export function chronological(documents: readonly WorkFileDocument[]): WorkFileDocument[] {
  return [...documents].sort(
    (a, b) => (a.issuedOn ?? '9999').localeCompare(b.issuedOn ?? '9999') || a.docOrdinal - b.docOrdinal,
  );
}

/** "12/QĐ-UBND" → CodeNumber 12, CodeNotation QĐ-UBND (Phụ lục VI part II, 4 and 5). */
export function splitNumberSymbol(numberSymbol: string): { codeNumber: string; codeNotation: string } {
  const slash = numberSymbol.indexOf('/');
  return slash < 0
    ? { codeNumber: '', codeNotation: numberSymbol }
    : { codeNumber: numberSymbol.slice(0, slash), codeNotation: numberSymbol.slice(slash + 1) };
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'van-ban';

const retentionText = (retention: number | 'permanent') =>
  retention === 'permanent' ? 'Vĩnh viễn' : `${retention} năm`;

/** The file's metadata and its documents' as Phụ lục VI names them. */
function fileMetadata(file: WorkFileWithDocuments, ordered: WorkFileDocument[], pageTotal: number) {
  return {
    HoSo: {
      FileCode: {
        OrganId: file.organId,
        FileCatalog: String(file.fileCatalog),
        FileNotation: file.fileNotation,
      },
      Title: file.title,
      Maintenance: retentionText(file.retention),
      Rights: file.rights,
      Language: file.language,
      StartDate: file.startDate,
      EndDate: file.endDate ?? '',
      DocTotal: String(ordered.length),
      PageTotal: String(pageTotal),
      Description: file.description ?? '',
      VanBan: ordered.map((document) => ({
        FileCode: file.fileCode,
        DocOrdinal: String(document.docOrdinal),
        TypeName: document.typeName,
        ...splitNumberSymbol(document.numberSymbol),
        IssuedDate: document.issuedOn ?? '',
        OrganName: document.organName,
        Subject: document.subject,
        Direction: document.kind === 'incoming' ? 'đến' : 'đi',
      })),
    },
  };
}

function ead(file: WorkFileWithDocuments, ordered: WorkFileDocument[], agencyName: string, now: Date) {
  return {
    ead: {
      '@_xmlns': 'http://ead3.archivists.org/schema/',
      control: {
        recordid: file.fileCode,
        filedesc: { titlestmt: { titleproper: file.title } },
        maintenancestatus: { '@_value': 'new' },
        maintenanceagency: { agencyname: agencyName },
        maintenancehistory: {
          maintenanceevent: {
            eventtype: { '@_value': 'created' },
            eventdatetime: { '@_standarddatetime': now.toISOString(), '#text': now.toISOString() },
            agenttype: { '@_value': 'machine' },
            agent: 'TinhSo',
          },
        },
      },
      archdesc: {
        '@_level': 'file',
        did: {
          unitid: file.fileCode,
          unittitle: file.title,
          unitdate: `${file.startDate}/${file.endDate ?? ''}`,
          origination: { corpname: { part: agencyName } },
        },
        accessrestrict: { p: `Chế độ sử dụng: ${file.rights}` },
        appraisal: { p: `Thời hạn bảo quản: ${retentionText(file.retention)}` },
        dsc: {
          c: ordered.map((document) => ({
            '@_level': 'item',
            did: {
              unitid: String(document.docOrdinal),
              unittitle: `${document.typeName} ${document.numberSymbol}: ${document.subject}`,
              unitdate: document.issuedOn ?? '',
              origination: { corpname: { part: document.organName } },
            },
          })),
        },
      },
    },
  };
}

function premis(entries: ArchivePackage['entries'], now: Date, objectId: string) {
  return {
    premis: {
      '@_xmlns': 'http://www.loc.gov/premis/v3',
      '@_version': '3.0',
      object: entries.map((entry) => ({
        '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        '@_xsi:type': 'file',
        objectIdentifier: { objectIdentifierType: 'local', objectIdentifierValue: entry.path },
        objectCharacteristics: {
          compositionLevel: '0',
          fixity: { messageDigestAlgorithm: 'SHA-256', messageDigest: entry.sha256 },
          size: String(entry.size),
          format: {
            formatDesignation: { formatName: entry.path.endsWith('.pdf') ? 'application/pdf' : 'text/xml' },
          },
        },
      })),
      event: {
        eventIdentifier: { eventIdentifierType: 'local', eventIdentifierValue: `${objectId}-packaging` },
        eventType: 'packaging',
        eventDateTime: now.toISOString(),
        eventOutcomeInformation: { eventOutcome: 'success' },
      },
    },
  };
}

function mets(
  objectId: string,
  file: WorkFileWithDocuments,
  agencyName: string,
  entries: ArchivePackage['entries'],
  now: Date,
) {
  const reference = (path: string, id: string) => {
    const entry = entries.find((candidate) => candidate.path === path)!;
    return {
      '@_ID': id,
      '@_LOCTYPE': 'URL',
      '@_xlink:type': 'simple',
      '@_xlink:href': path,
      '@_MDTYPE': path.includes('EAD') ? 'EAD' : 'PREMIS',
      '@_MIMETYPE': 'text/xml',
      '@_SIZE': String(entry.size),
      '@_CHECKSUM': entry.sha256,
      '@_CHECKSUMTYPE': 'SHA-256',
    };
  };
  const data = entries.filter(
    (entry) => entry.path.startsWith('representations/') || entry.path.startsWith('documentation/'),
  );
  return {
    mets: {
      '@_xmlns': 'http://www.loc.gov/METS/',
      '@_xmlns:xlink': 'http://www.w3.org/1999/xlink',
      '@_xmlns:csip': 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS',
      '@_OBJID': objectId,
      '@_LABEL': file.title,
      '@_TYPE': 'SIP_hoso',
      '@_PROFILE': 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml',
      '@_csip:CONTENTINFORMATIONTYPE': 'OTHER',
      '@_csip:OTHERCONTENTINFORMATIONTYPE': 'TT 05/2025/TT-BNV',
      metsHdr: {
        '@_CREATEDATE': now.toISOString(),
        '@_csip:OAISPACKAGETYPE': 'SIP',
        agent: [
          { '@_ROLE': 'CREATOR', '@_TYPE': 'ORGANIZATION', name: agencyName },
          { '@_ROLE': 'CREATOR', '@_TYPE': 'OTHER', '@_OTHERTYPE': 'SOFTWARE', name: 'TinhSo' },
        ],
      },
      dmdSec: {
        '@_ID': 'dmd-ead',
        '@_CREATED': now.toISOString(),
        mdRef: reference('metadata/descriptive/EAD.xml', 'ref-ead'),
      },
      amdSec: {
        digiprovMD: {
          '@_ID': 'prov-premis',
          mdRef: reference('metadata/preservation/PREMIS.xml', 'ref-premis'),
        },
      },
      fileSec: {
        fileGrp: {
          '@_USE': 'Data',
          file: data.map((entry, index) => ({
            '@_ID': `file-${index + 1}`,
            '@_MIMETYPE': entry.path.endsWith('.pdf') ? 'application/pdf' : 'text/xml',
            '@_SIZE': String(entry.size),
            '@_CREATED': now.toISOString(),
            '@_CHECKSUM': entry.sha256,
            '@_CHECKSUMTYPE': 'SHA-256',
            FLocat: { '@_LOCTYPE': 'URL', '@_xlink:type': 'simple', '@_xlink:href': entry.path },
          })),
        },
      },
      structMap: {
        '@_TYPE': 'PHYSICAL',
        '@_LABEL': 'CSIP',
        div: {
          '@_LABEL': file.fileCode,
          '@_DMDID': 'dmd-ead',
          '@_ADMID': 'prov-premis',
          div: data.map((entry, index) => ({
            '@_LABEL': entry.path,
            fptr: { '@_FILEID': `file-${index + 1}` },
          })),
        },
      },
    },
  };
}

/** The whole file as one PDF, documents in chronological order; a PDF that cannot be read is left out. */
async function combinedPdf(ordered: WorkFileDocument[], pdfs: Map<string, Uint8Array>) {
  const whole = await PDFDocument.create();
  whole.setTitle('Hồ sơ');
  for (const document of ordered) {
    const bytes = pdfs.get(document.id);
    if (!bytes) continue;
    try {
      const source = await PDFDocument.load(bytes, { updateMetadata: false });
      for (const page of await whole.copyPages(source, source.getPageIndices())) whole.addPage(page);
    } catch {
      // An encrypted or broken PDF still travels alone in rep1; only the combined copy skips it.
    }
  }
  return { bytes: await whole.save(), pages: whole.getPageCount() };
}

export async function buildArchivePackage(input: ArchiveInput): Promise<ArchivePackage> {
  const { file, agencyName, pdfs, now } = input;
  const objectId = `uuid-${(input.packageId ?? randomUUID()).toUpperCase()}`;
  const ordered = chronological(file.documents);
  const files: Record<string, Uint8Array> = {};
  ordered.forEach((document, index) => {
    const bytes = pdfs.get(document.id);
    if (bytes) {
      const name = `${String(index + 1).padStart(3, '0')}-${slug(document.numberSymbol)}.pdf`;
      files[`representations/rep1/data/${name}`] = bytes;
    }
  });
  const combined = await combinedPdf(ordered, pdfs);
  if (combined.pages > 0) files['representations/rep2/data/ho-so.pdf'] = combined.bytes;
  files['documentation/ho-so.xml'] = encoder.encode(xml(fileMetadata(file, ordered, combined.pages)));
  files['metadata/descriptive/EAD.xml'] = encoder.encode(xml(ead(file, ordered, agencyName, now)));
  const describe = (paths: string[]) =>
    paths.map((path) => ({ path, sha256: sha256(files[path]!), size: files[path]!.length }));
  const premisBytes = encoder.encode(xml(premis(describe(Object.keys(files)), now, objectId)));
  files['metadata/preservation/PREMIS.xml'] = premisBytes;
  const entries = describe(Object.keys(files));
  files['METS.xml'] = encoder.encode(xml(mets(objectId, file, agencyName, entries, now)));
  const all = describe(Object.keys(files));
  const zipped = zipSync(
    Object.fromEntries(Object.entries(files).map(([path, bytes]) => [`${objectId}/${path}`, bytes])),
    { level: 6, mtime: now },
  );
  return { objectId, zip: zipped, entries: all };
}
