import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { IncomingList, WorkFileWithDocuments, type WorkFileDocument } from '@tinhso/contracts';
import {
  addToWorkFile,
  archiveWorkFile,
  closeWorkFile,
  exportAddress,
  removeFromWorkFile,
} from '../../../api/work-files.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/dates.ts';
import { formText } from '../../../lib/form-data.ts';
import { hasPermission, useSignedInSession } from '../../../session/session-context.tsx';
import { ArchiveDue, RetentionLabel, WorkFileTimeline } from './work-file-labels.tsx';

type File = WorkFileWithDocuments;

export function WorkFilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const file = useApi(WorkFileWithDocuments, `/api/documents/files/${encodeURIComponent(id)}`);
  useDocumentTitle(file.data?.title ?? t('workFiles.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/workspace/documents/files">{t('workFiles.back')}</Link>
      </p>
      <AsyncContent state={file}>
        {(data) => <WorkFileDetails file={data} onChanged={file.reload} />}
      </AsyncContent>
    </>
  );
}

function WorkFileDetails({ file, onChanged }: { file: File; onChanged: () => void }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const canChange = hasPermission(session, 'document.handle');
  const language = currentLanguage();
  return (
    <>
      <h1>{file.title}</h1>
      <WorkFileTimeline file={file} />
      <section className="panel" aria-labelledby="work-file-details">
        <h2 id="work-file-details">{t('workFiles.details')}</h2>
        <dl className="details">
          <dt>{t('workFiles.code')}</dt>
          <dd className="code">{file.fileCode}</dd>
          <dt>{t('workFiles.state')}</dt>
          <dd>{t(`workFiles.states.${file.state}`)}</dd>
          <dt>{t('workFiles.retention')}</dt>
          <dd>
            <RetentionLabel file={file} />
          </dd>
          <dt>{t('workFiles.rights')}</dt>
          <dd>{t(`workFiles.rightsValues.${file.rights}`)}</dd>
          <dt>{t('workFiles.startDate')}</dt>
          <dd>{formatDate(file.startDate, language)}</dd>
          <dt>{t('workFiles.endDate')}</dt>
          <dd>{file.endDate ? formatDate(file.endDate, language) : t('workFiles.none')}</dd>
          <dt>{t('workFiles.archiveDue')}</dt>
          <dd>
            <ArchiveDue file={file} />
          </dd>
        </dl>
        {file.state === 'open' ? null : (
          <p>
            <a className="button" href={exportAddress(file.id)} download>
              {t('workFiles.export')}
            </a>
          </p>
        )}
      </section>
      <Contents file={file} canChange={canChange && file.state === 'open'} onChanged={onChanged} />
      {canChange && file.state === 'open' ? <AddDocument file={file} onChanged={onChanged} /> : null}
      {canChange && file.state !== 'archived' ? <FileActions file={file} onChanged={onChanged} /> : null}
    </>
  );
}

function Contents({ file, canChange, onChanged }: { file: File; canChange: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const remove = useAction(removeFromWorkFile);
  const columns: Column<WorkFileDocument>[] = [
    { key: 'ordinal', header: t('workFiles.ordinal'), cell: (d) => d.docOrdinal },
    { key: 'direction', header: t('workFiles.direction'), cell: (d) => t(`workFiles.${d.kind}`) },
    { key: 'number', header: t('workFiles.numberSymbol'), cell: (d) => d.numberSymbol },
    { key: 'date', header: t('workFiles.issuedOn'), cell: (d) => formatDate(d.issuedOn, language) },
    { key: 'subject', header: t('workFiles.subject'), cell: (d) => `${d.typeName}: ${d.subject}` },
    { key: 'organ', header: t('workFiles.organ'), cell: (d) => d.organName },
    ...(canChange
      ? [
          {
            key: 'remove',
            header: t('workFiles.remove'),
            cell: (d: WorkFileDocument) => (
              <button
                type="button"
                className="button"
                aria-label={t('workFiles.removeLabel', { ordinal: d.docOrdinal })}
                disabled={remove.isPending}
                onClick={() => void remove.run(file.id, d.docOrdinal).then((o) => o.ok && onChanged())}
              >
                {t('workFiles.remove')}
              </button>
            ),
          },
        ]
      : []),
  ];
  return (
    <section className="panel" aria-labelledby="work-file-contents">
      <h2 id="work-file-contents">{t('workFiles.contents')}</h2>
      <FormAlert error={remove.error} fields={[]} />
      {file.documents.length === 0 ? (
        <p>{t('workFiles.empty')}</p>
      ) : (
        <DataTable
          caption={t('workFiles.contents')}
          columns={columns}
          rows={file.documents}
          rowKey={(d) => `${d.kind}-${d.id}`}
        />
      )}
    </section>
  );
}

function AddDocument({ file, onChanged }: { file: File; onChanged: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useApi(IncomingList, q ? '/api/documents/incoming' : null, {
    q,
    limit: 10,
  });
  const add = useAction(addToWorkFile);
  const inFile = new Set(file.documents.map((d) => d.id));
  return (
    <section className="panel" aria-labelledby="work-file-add">
      <h2 id="work-file-add">{t('workFiles.addTitle')}</h2>
      <form
        role="search"
        className="filters"
        aria-label={t('workFiles.addTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          setQ(formText(new FormData(event.currentTarget), 'q'));
        }}
      >
        <TextField name="q" type="search" label={t('workFiles.addSearch')} required={false} />
        <button type="submit" className="button button--primary">
          {t('actions.search')}
        </button>
      </form>
      <FormAlert error={add.error} fields={['incomingDocumentId']} />
      {q ? (
        <AsyncContent
          state={found}
          isEmpty={(data) => data.items.length === 0}
          empty={t('workFiles.noMatch')}
        >
          {(data) => (
            <ul className="wf-matches">
              {data.items
                .filter((document) => document.agencyId === file.agencyId)
                .map((document) => (
                  <li key={document.id}>
                    <span>
                      {document.numberSymbol} — {document.summary} ({document.issuerName})
                    </span>{' '}
                    <button
                      type="button"
                      className="button"
                      disabled={add.isPending || inFile.has(document.id)}
                      aria-label={t('workFiles.addLabel', { numberSymbol: document.numberSymbol })}
                      onClick={() =>
                        void add
                          .run(file.id, { incomingDocumentId: document.id })
                          .then((o) => o.ok && onChanged())
                      }
                    >
                      {t('workFiles.add')}
                    </button>
                  </li>
                ))}
            </ul>
          )}
        </AsyncContent>
      ) : null}
    </section>
  );
}

function FileActions({ file, onChanged }: { file: File; onChanged: () => void }) {
  const { t } = useTranslation();
  const close = useAction(closeWorkFile);
  const archive = useAction(archiveWorkFile);
  const language = currentLanguage();
  if (file.state === 'closed') {
    return (
      <section className="panel" aria-labelledby="work-file-archive">
        <h2 id="work-file-archive">{t('workFiles.archive')}</h2>
        <FormAlert error={archive.error} fields={[]} />
        {archive.isDone ? <SuccessMessage>{t('workFiles.archived')}</SuccessMessage> : null}
        <button
          type="button"
          className="button button--primary"
          disabled={archive.isPending}
          onClick={() => void archive.run(file.id).then((o) => o.ok && onChanged())}
        >
          {t('workFiles.archive')}
        </button>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="work-file-close">
      <h2 id="work-file-close">{t('workFiles.close')}</h2>
      <p>{t('workFiles.closeHint')}</p>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const endDate = formText(new FormData(event.currentTarget), 'endDate');
          void close.run(file.id, endDate ? { endDate } : {}).then((o) => o.ok && onChanged());
        }}
      >
        <FormAlert error={close.error} fields={['endDate', 'documents']} />
        {close.result?.archiveDueOn ? (
          <SuccessMessage>
            {t('workFiles.closed', { date: formatDate(close.result.archiveDueOn, language) })}
          </SuccessMessage>
        ) : null}
        <TextField name="endDate" type="date" label={t('workFiles.endDate')} error={close.error} isOptional />
        <SubmitButton isPending={close.isPending} pendingLabel={t('actions.saving')}>
          {t('workFiles.close')}
        </SubmitButton>
      </form>
    </section>
  );
}
