import type { DeliveryMethod, Dossier, ProcedureVersion, SessionInfo, UpdateDraft } from '@tinhso/contracts';
import { withDefaults, type FormSchema, type FormValue } from '../../components/schema-form/index.ts';

/** A file the citizen attached to one component of the dossier. */
export interface AttachedUpload {
  componentIndex: number;
  fileId: string;
  name: string;
  size: number;
}

/** Everything the filing steps collect; saved to the draft after each step. */
export interface FilingState {
  receivingAgencyId: string;
  competentAgencyId: string;
  applicant: { fullName: string; personalId: string; address: string; phone: string; email: string };
  formData: FormValue;
  feeCase: number | null;
  exemption: number | null;
  deliveryMethod: DeliveryMethod;
  deliveryAddress: string;
  files: AttachedUpload[];
}

const PERSONAL_ID = /^[0-9]{12}$/;

/** A new filing, prefilled from the account: a citizen's username is their personal id. */
export function initialFiling(procedure: ProcedureVersion, session: SessionInfo): FilingState {
  const { fees } = procedure;
  return {
    receivingAgencyId: '',
    competentAgencyId: '',
    applicant: {
      fullName: session.displayName,
      personalId: PERSONAL_ID.test(session.username) ? session.username : '',
      address: '',
      phone: '',
      email: '',
    },
    formData: {},
    // The server needs a case when the fees are by case; the first is the general one.
    feeCase: fees.fixed === null && fees.byCase.length > 0 ? 0 : null,
    exemption: null,
    deliveryMethod: 'online',
    deliveryAddress: '',
    files: [],
  };
}

/** A saved draft back into the steps' state. */
export function filingFromDraft(dossier: Dossier): FilingState {
  return {
    receivingAgencyId: dossier.receivingAgency.id,
    competentAgencyId: dossier.competentAgency.id,
    applicant: {
      fullName: dossier.applicant.fullName,
      personalId: dossier.applicant.personalId ?? '',
      address: dossier.applicant.address,
      phone: dossier.applicant.phone ?? '',
      email: dossier.applicant.email ?? '',
    },
    formData: dossier.formData,
    feeCase: dossier.feeCase,
    exemption: dossier.exemption,
    deliveryMethod: dossier.deliveryMethod,
    deliveryAddress: dossier.deliveryAddress ?? '',
    files: dossier.files
      .filter((file) => file.purpose === 'component')
      .map((file) => ({
        componentIndex: file.componentIndex ?? 0,
        fileId: file.id,
        name: file.name,
        size: file.size,
      })),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Whether the citizen must name the agency that decides (e.g. their commune). */
export function needsCompetentChoice(
  procedure: ProcedureVersion,
  receivingKind: string | undefined,
): boolean {
  return (
    !procedure.competentAgencyCode &&
    receivingKind !== undefined &&
    receivingKind !== procedure.competentAgencyKind
  );
}

export function draftBody(state: FilingState, needsCompetent: boolean): UpdateDraft {
  return {
    receivingAgencyId: state.receivingAgencyId,
    competentAgencyId: needsCompetent && state.competentAgencyId ? state.competentAgencyId : null,
    applicant: {
      fullName: state.applicant.fullName.trim(),
      personalId: orNull(state.applicant.personalId),
      address: state.applicant.address.trim(),
      phone: orNull(state.applicant.phone),
      email: orNull(state.applicant.email),
    },
    formData: state.formData,
    feeCase: state.feeCase,
    exemption: state.exemption,
    deliveryMethod: state.deliveryMethod,
    deliveryAddress: state.deliveryMethod === 'post' ? orNull(state.deliveryAddress) : null,
    files: state.files.map((file) => ({ componentIndex: file.componentIndex, fileId: file.fileId })),
  };
}

/** The amount due for the choices made: nothing when exempt, else the case's or the fixed amount. */
export function amountDue(
  procedure: ProcedureVersion,
  state: Pick<FilingState, 'feeCase' | 'exemption'>,
): number {
  if (state.exemption !== null) return 0;
  if (state.feeCase !== null) return procedure.fees.byCase[state.feeCase]?.amount ?? 0;
  return procedure.fees.fixed ?? 0;
}

/**
 * The applicant block of the form (nguoiYeuCau) filled from step 1 where still empty: the citizen
 * types their name and number once. Only the keys the form has are filled.
 */
export function prefillForm(schema: FormSchema, state: FilingState): FormValue {
  const block = schema.properties?.nguoiYeuCau?.properties;
  if (!block) return state.formData;
  const known: Record<string, string> = {
    hoTen: state.applicant.fullName,
    soDinhDanh: state.applicant.personalId,
    soDienThoai: state.applicant.phone,
    email: state.applicant.email,
    noiCuTru: state.applicant.address,
  };
  const defaults = Object.fromEntries(
    Object.entries(known).filter(([key, value]) => key in block && value.trim() !== ''),
  );
  return withDefaults(state.formData, { nguoiYeuCau: defaults });
}

/** Required components (not merely shown at the desk) that have no file yet. */
export function missingComponents(procedure: ProcedureVersion, files: readonly AttachedUpload[]): number[] {
  return procedure.components
    .map((component, index) => ({ component, index }))
    .filter(
      ({ component, index }) =>
        component.required && component.kind !== 'shown' && !files.some((f) => f.componentIndex === index),
    )
    .map(({ index }) => index);
}
