import './curate.css';
import { type FormEvent, useEffect, useState } from 'react';
import { useLang } from '../lib/url-state';
import { loadSession, signIn, signOut, useSession } from './session';
import { t } from './strings';

/** Sign-in with an API token (exchanged for a cookie at once), or who is signed in. */
export function SessionControl() {
  const lang = useLang();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadSession().catch(() => {});
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = await signIn(token);
    setToken('');
    setError(problem);
    if (!problem) setOpen(false);
  };

  if (session) {
    return (
      <div className="session">
        <span className="session-author">
          {t('signedInAs', lang)}
          {session.author}
        </span>
        <button type="button" onClick={() => signOut()}>
          {t('signOut', lang)}
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className="session" onClick={() => setOpen(true)}>
        {t('signIn', lang)}
      </button>
    );
  }
  return (
    <form className="session sign-in" onSubmit={submit}>
      <label>
        {t('token', lang)}{' '}
        <input
          type="password"
          name="token"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
        />
      </label>
      <button type="submit">{t('signIn', lang)}</button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </form>
  );
}
