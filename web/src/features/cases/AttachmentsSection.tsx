// The case's attachments: name, type (found by the server from the content), size, who added it and
// when, with a download link; for the team, a file picker that uploads one. The server refuses types
// it does not keep and files over its limit, naming why.
import { useRef, useState, type SubmitEvent } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldError, FieldHint } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { noteApi } from './caseWorkApi';
import type { Attachment } from './caseWorkTypes';
import { useCaseData, useFormWrite } from './useCaseWork';

interface Props {
  caseId: string;
  stamp: number;
  editable: boolean;
  onChanged: (message: string) => void;
}

/** "2.4 MB", "812 kB", "95 B" in the user's number format. */
export function sizeText(formatNumber: (n: number) => string, bytes: number): string {
  if (bytes >= 1_000_000) return `${formatNumber(Math.round(bytes / 100_000) / 10)} MB`;
  if (bytes >= 1_000) return `${formatNumber(Math.round(bytes / 1_000))} kB`;
  return `${formatNumber(bytes)} B`;
}

export function AttachmentsSection({ caseId, stamp, editable, onChanged }: Props) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const { data, error, reload } = useCaseData(noteApi.attachments, caseId, stamp);
  const columns: Column<Attachment>[] = [
    {
      id: 'name',
      header: t('attachment.field.name'),
      cell: (a) => <a href={noteApi.attachmentHref(caseId, a.id)} download={a.name}>{a.name}</a>,
    },
    { id: 'type', header: t('attachment.field.type'), cell: (a) => a.media_type },
    { id: 'size', header: t('attachment.field.size'), className: 'num', cell: (a) => sizeText(formatNumber, a.size_bytes) },
    { id: 'by', header: t('attachment.field.by'), cell: (a) => a.created_by_name || a.created_by },
    { id: 'at', header: t('attachment.field.at'), cell: (a) => formatDateTime(a.created_at) },
  ];

  return (
    <section className="form-section" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachment.title')}</h2>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data?.items.length === 0 ? <p>{t('attachment.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <DataTable caption={t('attachment.caption')} labelledBy="attachments-title" columns={columns} rows={data.items}
          rowKey={(a) => a.id} />
      ) : null}
      {editable ? <UploadForm caseId={caseId} onDone={onChanged} /> : null}
    </section>
  );
}

function UploadForm({ caseId, onDone }: { caseId: string; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const w = useFormWrite('attachment', {
    name: { id: 'attachment-file', label: t('attachment.field.file') },
    content: { id: 'attachment-file', label: t('attachment.field.file') },
    'Content-Type': { id: 'attachment-file', label: t('attachment.field.file') },
  });
  const errors = [...(w.form.errorsFor('content') ?? []), ...(w.form.errorsFor('name') ?? [])];

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!file) {
      w.form.setProblems([{ field: 'content', rule: 'required', detail: '' }]);
      return;
    }
    if (await w.run(() => noteApi.upload(caseId, file))) {
      onDone(t('attachment.added', { name: file.name }));
      setFile(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="attachment-add-title" onSubmit={(e) => void submit(e)}>
      <h3 id="attachment-add-title">{t('attachment.add.title')}</h3>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <div className={`field${errors.length ? ' field--invalid' : ''}`}>
        <label htmlFor="attachment-file" className="field-label">{t('attachment.field.file')}</label>
        <FieldHint id="attachment-file" hint={t('attachment.file.hint')} />
        <FieldError id="attachment-file" errors={errors} />
        <input ref={input} id="attachment-file" type="file" aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? 'attachment-file-hint attachment-file-error' : 'attachment-file-hint'}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); }} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('attachment.uploading') : t('attachment.add.button')}</button>
      </div>
    </form>
  );
}
