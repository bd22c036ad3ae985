// Every rule the server names in a 422 problem, one line each: the field it names (for an import,
// "line N" and the column), the message in the user's language, and the server's own detail (English)
// when the message does not already say it. Nothing is dropped, so a bad file can be fixed line by line.
import { isApiError } from '../../api/client';
import { problemMessage } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';

export function ProblemList({ error, scope, title }: { error: unknown; scope: string; title: string }) {
  const i18n = useI18n();
  const errors = isApiError(error) ? error.errors : [];
  if (!errors.length) return <ProblemAlert error={error} />;
  return (
    <div className="alert alert--error" role="alert">
      <p>{title}</p>
      <ul className="problem-list">
        {errors.map((p, k) => {
          const message = problemMessage(i18n, scope, p);
          return (
            <li key={k}>
              {p.field ? <strong>{p.field}: </strong> : null}
              {message}
              {p.detail && p.detail !== message ? <span className="muted" lang="en"> ({p.detail})</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
