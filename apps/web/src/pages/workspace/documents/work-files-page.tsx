import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  WORK_FILE_KINDS,
  WORK_FILE_RIGHTS,
  WORK_FILE_STATES,
  WorkFileList,
  type CreateWorkFileBody,
  type WorkFile,
} from '@tinhso/contracts';
import { createWorkFile } from '../../../api/work-files.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { FormAlert } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { Pager } from '../../../components/pager.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { formText } from '../../../lib/form-data.ts';
import { hasPermission, useSignedInSession } from '../../../session/session-context.tsx';
import { ArchiveDue, RetentionLabel } from './work-file-labels.tsx';

const PAGE_SIZE = 20;
const CREATE_FIELDS = ['fileNotation', 'title', 'description', 'retention', 'rights', 'kind'];
const RETENTIONS = ['5', '10', '20', '50', '70', 'permanent'];

function pick<T extends string>(values: readonly T[], value: string): T | undefined {
  return values.find((candidate) => candidate === value);
}

export function WorkFilesPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('workFiles.title'));
  const q = params.get('q') ?? '';
  const state = params.get('state') ?? '';
  const dueSoon = params.get('due') === '1';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const files = useApi(WorkFileList, '/api/documents/files', {
    q,
    state,
    archiveDueWithinDays: dueSoon ? 30 : undefined,
    limit: PAGE_SIZE,
    offset,
  });
  const columns: Column<WorkFile>[] = [
    {
      key: 'code',
      header: t('workFiles.code'),
      cell: (file) => (
        <Link to={`/workspace/documents/files/${file.id}`} className="code">
          {file.fileCode}
        </Link>
      ),
    },
    { key: 'title', header: t('workFiles.fileTitle'), cell: (file) => file.title },
    { key: 'documents', header: t('workFiles.documents'), cell: (file) => file.docTotal },
    { key: 'state', header: t('workFiles.state'), cell: (file) => t(`workFiles.states.${file.state}`) },
    { key: 'retention', header: t('workFiles.retention'), cell: (file) => <RetentionLabel file={file} /> },
    { key: 'due', header: t('workFiles.archiveDue'), cell: (file) => <ArchiveDue file={file} /> },
  ];
  return (
    <>
      <h1>{t('workFiles.title')}</h1>
      <p className="lead">{t('workFiles.lead')}</p>
      <form
        key={params.toString()}
        role="search"
        aria-label={t('workFiles.filters')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const name of ['q', 'state']) {
            const value = formText(form, name);
            if (value) next.set(name, value);
          }
          if (form.get('due')) next.set('due', '1');
          setParams(next);
        }}
      >
        <TextField name="q" type="search" label={t('workFiles.search')} defaultValue={q} required={false} />
        <SelectField name="state" label={t('workFiles.state')} defaultValue={state} required={false}>
          <option value="">{t('workFiles.allStates')}</option>
          {WORK_FILE_STATES.map((value) => (
            <option key={value} value={value}>
              {t(`workFiles.states.${value}`)}
            </option>
          ))}
        </SelectField>
        <label className="wf-check">
          <input type="checkbox" name="due" value="1" defaultChecked={dueSoon} /> {t('workFiles.dueSoon')}
        </label>
        <button type="submit" className="button button--primary">
          {t('actions.search')}
        </button>
      </form>
      <AsyncContent state={files} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <>
            <DataTable
              caption={t('workFiles.title')}
              columns={columns}
              rows={data.items}
              rowKey={(file) => file.id}
            />
            <Pager
              total={data.total}
              limit={PAGE_SIZE}
              offset={offset}
              onChange={(nextOffset) => {
                const next = new URLSearchParams(params);
                next.set('offset', String(nextOffset));
                setParams(next);
              }}
            />
          </>
        )}
      </AsyncContent>
      {hasPermission(session, 'document.handle') ? <CreateWorkFileForm /> : null}
    </>
  );
}

function CreateWorkFileForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useAction(createWorkFile);
  return (
    <section className="panel" aria-labelledby="work-file-create">
      <h2 id="work-file-create">{t('workFiles.create')}</h2>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const retention = formText(form, 'retention');
          const description = formText(form, 'description');
          const body: CreateWorkFileBody = {
            fileNotation: formText(form, 'fileNotation'),
            title: formText(form, 'title'),
            ...(description ? { description } : {}),
            ...(retention ? { retention: retention === 'permanent' ? 'permanent' : Number(retention) } : {}),
            rights: pick(WORK_FILE_RIGHTS, formText(form, 'rights')),
            kind: pick(WORK_FILE_KINDS, formText(form, 'kind')),
          };
          void create.run(body).then((outcome) => {
            if (outcome.ok) void navigate(`/workspace/documents/files/${outcome.value.id}`);
          });
        }}
      >
        <FormAlert error={create.error} fields={CREATE_FIELDS} />
        <TextField
          name="fileNotation"
          label={t('workFiles.notation')}
          hint={t('workFiles.notationHint')}
          error={create.error}
          autoComplete="off"
        />
        <TextField name="title" label={t('workFiles.fileTitle')} error={create.error} autoComplete="off" />
        <TextField name="description" label={t('workFiles.description')} error={create.error} isOptional />
        <SelectField
          name="retention"
          label={t('workFiles.retentionChoice')}
          error={create.error}
          defaultValue=""
          isOptional
        >
          <option value="">{t('workFiles.retentionAuto')}</option>
          {RETENTIONS.map((value) => (
            <option key={value} value={value}>
              {value === 'permanent'
                ? t('workFiles.permanent')
                : t('workFiles.years', { count: Number(value) })}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="rights"
          label={t('workFiles.rights')}
          error={create.error}
          defaultValue="restricted"
        >
          {WORK_FILE_RIGHTS.map((value) => (
            <option key={value} value={value}>
              {t(`workFiles.rightsValues.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="kind" label={t('workFiles.kind')} error={create.error} defaultValue="general">
          {WORK_FILE_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`workFiles.kinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <SubmitButton isPending={create.isPending} pendingLabel={t('actions.saving')}>
          {t('workFiles.create')}
        </SubmitButton>
      </form>
    </section>
  );
}
