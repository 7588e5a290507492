import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Reported } from '../components/glance';
import { num, TableHead } from '../components/table-head';
import { displayName, type Locale, type Named } from '../display-name';
import { translate } from '../lib/i18n';
import { full, isZero, type MoneyFields } from '../lib/money';
import { idPath, useHref } from '../lib/url-state';
import { PlaceSharedQuery } from './queries';

export interface Shared {
  group: Named & { id: string };
  sharedWith: readonly (Named & { code: string })[];
  publicMoney: MoneyFields;
  planned?: MoneyFields;
  flowCount: number;
}

/** Shared money of a place and of each place below it, by region code. */
export function useSharedMoney(code: string, year: number | null, pause: boolean) {
  const [{ data }] = useQuery({ query: PlaceSharedQuery, variables: { code, year }, pause });
  return useMemo(() => {
    const by = new Map<string, readonly Shared[]>();
    const r = data?.region;
    if (r) {
      by.set(r.code, r.sharedInflows);
      for (const c of r.children) by.set(c.code, c.sharedInflows);
    }
    return by;
  }, [data]);
}

const withMoney = (shared: readonly Shared[]) =>
  shared.filter(
    (s) => s.flowCount > 0 && !(isZero(s.publicMoney) && (!s.planned || isZero(s.planned))),
  );

/** "shared with 乌兰察布市, not split by the source" */
export function sharedWithText(s: Shared, locale: Locale): string {
  const others = s.sharedWith
    .map((r) => displayName(r, locale))
    .join(locale === 'EN' ? ', ' : '、');
  return translate('sharedWith', locale, { places: others });
}

/**
 * Money that reached a group spanning this place and others: the source does not split it, so
 * it is listed here, and under each of the others, and counted in none of their totals.
 */
export function SharedMoney({ shared, locale }: { shared: readonly Shared[]; locale: Locale }) {
  const href = useHref();
  const rows = withMoney(shared);
  if (rows.length === 0) return null;
  return (
    <table className="data shared">
      <caption>{translate('sharedCaption', locale)}</caption>
      <TableHead
        locale={locale}
        columns={['recipient', num('publicMoney'), num('planned'), 'sharedBy']}
      />
      <tbody>
        {rows.map((s) => (
          <tr key={s.group.id} data-shared={s.group.id}>
            <td>
              <Link href={href(idPath('/actors', s.group.id), {}, ['year'])}>
                {displayName(s.group, locale)}
              </Link>
            </td>
            <td className="num">
              <Reported money={s.publicMoney} locale={locale} />
            </td>
            <td className="num">
              {s.planned ? <Reported money={s.planned} locale={locale} /> : '—'}
            </td>
            <td>{sharedWithText(s, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** In a row of places: each shared sum, not added to the place's own figures. */
export function SharedCell({ shared, locale }: { shared: readonly Shared[]; locale: Locale }) {
  const rows = withMoney(shared);
  if (rows.length === 0) return <>—</>;
  return (
    <>
      {rows.map((s) => (
        <span key={s.group.id} className="shared-item">
          {full(s.publicMoney, locale)} ({sharedWithText(s, locale)})
        </span>
      ))}
    </>
  );
}
