import type {
  AGENCY_KINDS,
  AGENCY_LEVELS,
  BUDGET_UNITS,
  COMPONENT_KINDS,
  DEADLINE_UNITS,
  ONLINE_LEVELS,
  ProcedureVersion,
  STEP_ROLES,
} from '@tinhso/contracts';

/**
 * What the procedure form edits: the content of a version with every number as typed (a string),
 * so that an input may be empty or wrong while the officer types; toBody() turns it into the
 * request and the server names what is still wrong.
 */
export interface ComponentDraft {
  name: string;
  kind: (typeof COMPONENT_KINDS)[number];
  count: string;
  template: string;
  required: boolean;
  note: string;
}
export interface CaseDraft {
  label: string;
  amount: string;
}
export interface StepDraft {
  name: string;
  role: (typeof STEP_ROLES)[number];
  unit: string;
  budgetValue: string;
  budgetUnit: (typeof BUDGET_UNITS)[number];
}
export interface ProcedureDraft {
  code: string;
  effectiveFrom: string;
  name: string;
  sectorCode: string;
  sectorName: string;
  levels: (typeof AGENCY_LEVELS)[number][];
  competentAgencyKind: (typeof AGENCY_KINDS)[number];
  competentAgencyCode: string;
  receivingAgencyKinds: (typeof AGENCY_KINDS)[number][];
  components: ComponentDraft[];
  formJson: string;
  feesFixed: string;
  feesByCase: CaseDraft[];
  exemptions: string;
  feesBasis: string;
  deadlineValue: string;
  deadlineUnit: (typeof DEADLINE_UNITS)[number];
  steps: StepDraft[];
  resultTemplate: string;
  onlineLevel: (typeof ONLINE_LEVELS)[number];
  motPhanJustification: string;
  cutOffTime: string;
  legalBasis: string;
  note: string;
}

export const emptyComponent = (): ComponentDraft => ({
  name: '',
  kind: 'original',
  count: '1',
  template: '',
  required: true,
  note: '',
});
export const emptyStep = (): StepDraft => ({
  name: '',
  role: 'chuyen_vien',
  unit: '',
  budgetValue: '',
  budgetUnit: 'working_day',
});

const EMPTY_FORM = { type: 'object', title: '', required: [], properties: {} };

export const emptyDraft = (): ProcedureDraft => ({
  code: '',
  effectiveFrom: '',
  name: '',
  sectorCode: '',
  sectorName: '',
  levels: ['province'],
  competentAgencyKind: 'so',
  competentAgencyCode: '',
  receivingAgencyKinds: ['trung_tam_phvhcc'],
  components: [emptyComponent()],
  formJson: JSON.stringify(EMPTY_FORM, null, 2),
  feesFixed: '',
  feesByCase: [],
  exemptions: '',
  feesBasis: '',
  deadlineValue: '',
  deadlineUnit: 'working_day',
  steps: [emptyStep()],
  resultTemplate: '',
  onlineLevel: 'toan_trinh',
  motPhanJustification: '',
  cutOffTime: '15:00',
  legalBasis: '',
  note: '',
});

/** A new version starts as a copy of the latest one, without its date. */
export function draftFrom(version: ProcedureVersion): ProcedureDraft {
  return {
    code: version.code,
    effectiveFrom: '',
    name: version.name,
    sectorCode: version.sectorCode,
    sectorName: version.sectorName,
    levels: [...version.levels],
    competentAgencyKind: version.competentAgencyKind,
    competentAgencyCode: version.competentAgencyCode ?? '',
    receivingAgencyKinds: [...version.receivingAgencyKinds],
    components: version.components.map((component) => ({
      name: component.name,
      kind: component.kind,
      count: String(component.count),
      template: component.template ?? '',
      required: component.required,
      note: component.note ?? '',
    })),
    formJson: JSON.stringify(version.form, null, 2),
    feesFixed: version.fees.fixed === null ? '' : String(version.fees.fixed),
    feesByCase: version.fees.byCase.map((item) => ({ label: item.label, amount: String(item.amount) })),
    exemptions: version.fees.exemptions.join('\n'),
    feesBasis: version.fees.basis ?? '',
    deadlineValue: String(version.deadline.value),
    deadlineUnit: version.deadline.unit,
    steps: version.steps.map((step) => ({
      name: step.name,
      role: step.role,
      unit: step.unit,
      budgetValue: String(step.budget.value),
      budgetUnit: step.budget.unit,
    })),
    resultTemplate: version.resultTemplate,
    onlineLevel: version.onlineLevel,
    motPhanJustification: version.motPhanJustification ?? '',
    cutOffTime: version.cutOffTime,
    legalBasis: version.legalBasis.join('\n'),
    note: version.note ?? '',
  };
}

/** A number when the text is one; otherwise the text itself, for the server to name the field. */
const numberOr = (text: string): number | string => {
  const trimmed = text.trim().replace(',', '.');
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
};
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The JSON of the form field, or undefined when it does not parse. */
export function parseForm(formJson: string): unknown {
  try {
    return JSON.parse(formJson) as unknown;
  } catch {
    return undefined;
  }
}

/** The request body of CreateProcedure (with the code) or AddProcedureVersion (without). */
export function toBody(draft: ProcedureDraft, { withCode }: { withCode: boolean }): Record<string, unknown> {
  return {
    ...(withCode ? { code: draft.code.trim() } : {}),
    effectiveFrom: draft.effectiveFrom,
    name: draft.name.trim(),
    sectorCode: draft.sectorCode.trim(),
    sectorName: draft.sectorName.trim(),
    levels: draft.levels,
    competentAgencyKind: draft.competentAgencyKind,
    competentAgencyCode: orNull(draft.competentAgencyCode),
    receivingAgencyKinds: draft.receivingAgencyKinds,
    components: draft.components.map((component) => ({
      name: component.name.trim(),
      kind: component.kind,
      count: numberOr(component.count),
      template: orNull(component.template),
      required: component.required,
      ...(component.note.trim() ? { note: component.note.trim() } : {}),
    })),
    form: parseForm(draft.formJson),
    fees: {
      fixed: draft.feesFixed.trim() === '' ? null : numberOr(draft.feesFixed),
      byCase: draft.feesByCase.map((item) => ({ label: item.label.trim(), amount: numberOr(item.amount) })),
      exemptions: lines(draft.exemptions),
      ...(draft.feesBasis.trim() ? { basis: draft.feesBasis.trim() } : {}),
    },
    deadline: { value: numberOr(draft.deadlineValue), unit: draft.deadlineUnit },
    steps: draft.steps.map((step) => ({
      name: step.name.trim(),
      role: step.role,
      unit: step.unit.trim(),
      budget: { value: numberOr(step.budgetValue), unit: step.budgetUnit },
    })),
    resultTemplate: draft.resultTemplate.trim(),
    onlineLevel: draft.onlineLevel,
    motPhanJustification: draft.onlineLevel === 'mot_phan' ? orNull(draft.motPhanJustification) : null,
    ...(draft.cutOffTime.trim() ? { cutOffTime: draft.cutOffTime.trim() } : {}),
    legalBasis: lines(draft.legalBasis),
    note: orNull(draft.note),
  };
}
