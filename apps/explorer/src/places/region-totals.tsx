import { useQuery } from 'urql';
import type { Locale } from '../display-name';
import { full } from '../lib/money';
import { RegionTotalsQuery } from './queries';

/** Incoming public money of one place (internal money is never added to incoming). */
export function useRegionTotals(code: string, year: number | null) {
  const [{ data, fetching, error }] = useQuery({
    query: RegionTotalsQuery,
    variables: { code, year },
  });
  return { totals: data?.boundaryTotals ?? null, fetching, error };
}

export function IncomingTotal({
  code,
  year,
  locale,
}: {
  code: string;
  year: number | null;
  locale: Locale;
}) {
  const { totals } = useRegionTotals(code, year);
  return (
    <span className="crumb-total">{totals ? full(totals.incoming.publicMoney, locale) : '…'}</span>
  );
}
