import { Link } from 'wouter';
import { CitationLink } from '../components/citation-link';
import { Inferred } from '../components/inferred';
import type { Column } from '../components/sortable-table';
import { displayName, type Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full, toAmount } from '../lib/money';
import { idPath, useHref } from '../lib/url-state';
import type { FlowRow } from './flow-rows';

/** The flow table's columns: the other party, amount, year, status, instrument, program, citation. */
export function useFlowColumns(side: 'source' | 'target', locale: Locale): Column<FlowRow>[] {
  const href = useHref();
  return [
    {
      key: 'party',
      header: translate(side === 'source' ? 'source' : 'target', locale),
      render: (f) => (
        <Inferred field={side} inferred={f.inferred} locale={locale}>
          <Link href={href(idPath('/actors', f[side].id))}>{displayName(f[side], locale)}</Link>
        </Inferred>
      ),
      sortValue: (f) => displayName(f[side], locale),
    },
    {
      key: 'amount',
      header: translate('amount', locale),
      numeric: true,
      render: (f) => (
        <Link href={href(idPath('/flows', f.id))}>
          <Inferred field="amount" inferred={f.inferred} locale={locale}>
            {full(f.amount, locale)}
          </Inferred>
          {f.status === 'PLANNED' ? (
            <span className="badge">{translate('planned', locale)}</span>
          ) : null}
        </Link>
      ),
      sortValue: (f) => toAmount(f.amount).value,
    },
    {
      key: 'year',
      header: translate('year', locale),
      render: (f) => (
        <Inferred field="year" inferred={f.inferred} locale={locale}>
          {f.year}
        </Inferred>
      ),
      sortValue: (f) => f.year,
    },
    {
      key: 'status',
      header: translate('status', locale),
      render: (f) => enumLabel(f.status, locale),
      sortValue: (f) => f.status,
    },
    {
      key: 'instrument',
      header: translate('instrument', locale),
      render: (f) => (
        <Inferred field="instrument" inferred={f.inferred} locale={locale}>
          {enumLabel(f.instrument, locale)}
        </Inferred>
      ),
      sortValue: (f) => f.instrument,
    },
    {
      key: 'program',
      header: translate('program', locale),
      render: (f) => (f.program ? displayName(f.program, locale) : '—'),
      sortValue: (f) => (f.program ? displayName(f.program, locale) : null),
    },
    {
      key: 'citation',
      header: translate('citations', locale),
      render: (f) =>
        f.citations.slice(0, 1).map((c) => <CitationLink key={c.start} c={c} locale={locale} />),
    },
  ];
}
