/** The opening every dossier form (01–06) shares: the document, its header, title and dossier code. */
import { A5, FormWriter, type PageLayout } from './form-writer.ts';
import { drawDossierCode, drawFormHeader, drawTitle } from './form-frame.ts';
import type { DossierReference, FormHeader } from './types.ts';

export interface DossierFormOpening {
  formNumber: string;
  title: string;
  header: FormHeader;
  dossier: DossierReference;
  layout?: PageLayout;
}

export async function openDossierForm(opening: DossierFormOpening): Promise<FormWriter> {
  const writer = await FormWriter.create(opening.layout ?? A5, {
    title: `${opening.title} – ${opening.dossier.code}`,
    subject: `Mẫu số ${opening.formNumber}, Phụ lục I, Thông tư 03/2025/TT-VPCP`,
    issuedAt: opening.header.issuedAt,
  });
  drawFormHeader(writer, opening.header, opening.formNumber);
  drawTitle(writer, opening.title);
  drawDossierCode(writer, opening.dossier);
  return writer;
}

/** Saves the form, numbering its pages only when it runs onto more than one. */
export function finishDossierForm(writer: FormWriter): Promise<Uint8Array> {
  return writer.finish({ pageNumbers: writer.doc.getPageCount() > 1 });
}
