// The national unit's editor of one article: both languages side by side, tags and routing reason codes
// as comma-separated words, the tiny markup explained; a stale version is a conflict to reload.
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/fields';
import { useFormProblems, validationProblems } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { knowledgeApi } from './knowledgeApi';
import type { Article, ArticleInput } from './knowledgeTypes';

const words = (text: string) => text.split(',').map((w) => w.trim()).filter(Boolean);

export function ArticleEditor({ article, onSaved, onCancel }: { article: Article | null; onSaved: (a: Article) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [input, setInput] = useState<ArticleInput>(() => ({
    slug: article?.slug ?? '',
    title_sv: article?.title_sv ?? '',
    title_en: article?.title_en ?? '',
    body_sv: article?.body_sv ?? '',
    body_en: article?.body_en ?? '',
    tags: article?.tags ?? [],
    reasons: article?.reasons ?? [],
  }));
  const [tags, setTags] = useState((article?.tags ?? []).join(', '));
  const [reasons, setReasons] = useState((article?.reasons ?? []).join(', '));
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const labels: Record<keyof ArticleInput, string> = {
    slug: t('knowledge.field.slug'),
    title_sv: t('knowledge.field.title_sv'),
    title_en: t('knowledge.field.title_en'),
    body_sv: t('knowledge.field.body_sv'),
    body_en: t('knowledge.field.body_en'),
    tags: t('knowledge.field.tags'),
    reasons: t('knowledge.field.reasons'),
  };
  const label = (f: keyof ArticleInput) => labels[f];
  const fields = Object.fromEntries(
    (['slug', 'title_sv', 'title_en', 'body_sv', 'body_en', 'tags', 'reasons'] as const).map((f) => [f, { id: `kb-${f}`, label: label(f) }]),
  );
  const { setProblems, errorsFor, summary, focusToken } = useFormProblems('knowledge', fields);
  const set = (f: keyof ArticleInput) => (v: string) => { setInput((i) => ({ ...i, [f]: v })); };

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const body = { ...input, tags: words(tags), reasons: words(reasons) };
    const call = article ? knowledgeApi.update(article.id, { ...body, version: article.version }) : knowledgeApi.create(body);
    call.then(
      (saved) => { setBusy(false); setProblems([]); onSaved(saved); },
      (err: unknown) => {
        setBusy(false);
        const problems = validationProblems(err);
        if (problems) setProblems(problems);
        else setError(err);
      },
    );
  };

  return (
    <form className="knowledge-editor" onSubmit={onSubmit} noValidate>
      <h2>{article ? t('knowledge.edit') : t('knowledge.new')}</h2>
      {summary.length ? <ErrorSummary items={summary} focusToken={focusToken} /> : null}
      {error ? (
        <ProblemAlert error={error} message={isApiError(error) && error.kind === 'conflict' ? 'knowledge.conflict' : undefined} />
      ) : null}
      <TextField id="kb-slug" label={label('slug')} value={input.slug} onChange={set('slug')} required errors={errorsFor('slug')} spellCheck={false} autoCapitalize="none" />
      <TextField id="kb-title_sv" label={label('title_sv')} value={input.title_sv} onChange={set('title_sv')} required errors={errorsFor('title_sv')} />
      <TextField id="kb-title_en" label={label('title_en')} value={input.title_en} onChange={set('title_en')} required errors={errorsFor('title_en')} />
      <p className="field-hint">{t('knowledge.markupHelp')}</p>
      <TextAreaField id="kb-body_sv" label={label('body_sv')} value={input.body_sv} onChange={set('body_sv')} required errors={errorsFor('body_sv')} />
      <TextAreaField id="kb-body_en" label={label('body_en')} value={input.body_en} onChange={set('body_en')} required errors={errorsFor('body_en')} />
      <TextField id="kb-tags" label={label('tags')} value={tags} onChange={setTags} errors={errorsFor('tags')} spellCheck={false} autoCapitalize="none" />
      <TextField id="kb-reasons" label={label('reasons')} value={reasons} onChange={setReasons} errors={errorsFor('reasons')} spellCheck={false} autoCapitalize="none" />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>{t('knowledge.save')}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('knowledge.cancel')}</button>
      </div>
    </form>
  );
}
