import { useEffect, useRef } from 'react';
import type { Locale } from '../display-name';
import { isZero, type MoneyFields } from '../lib/money';
import './residual-legend.css';
import { Glance } from '../components/glance';
import { residualColor, residualExplain, residualName } from './residual-kinds';

export interface ResidualTotal {
  kind: string;
  actorCount: number;
  amount: MoneyFields;
}

/**
 * What stays where, by kind: a swatch, the name, the amount and one line on what it means.
 * Always shown under the trace; a click on a residual node brings it into view.
 */
export function ResidualLegend(props: {
  totals: readonly ResidualTotal[];
  upstream: boolean;
  selected: boolean;
  locale: Locale;
}) {
  const { locale } = props;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (props.selected) ref.current?.focus();
  }, [props.selected]);
  const shown = props.totals.filter(
    (t) => !isZero(t.amount) && !(props.upstream && t.kind === 'ORIGIN'),
  );
  if (shown.length === 0) return null;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={`panel residual-legend${props.selected ? ' selected' : ''}`}
      aria-labelledby="residual-legend-h"
    >
      <h2 id="residual-legend-h">
        {locale === 'EN' ? 'What stays where the trail stops' : '追踪停下处的资金是什么'}
      </h2>
      <ul>
        {shown.map((t) => (
          <li key={t.kind} data-residual-kind={t.kind}>
            <span
              className="swatch"
              aria-hidden="true"
              style={{ background: residualColor(t.kind) }}
            />
            <strong>{residualName(t.kind, locale)}</strong>:{' '}
            <Glance money={t.amount} locale={locale} />
            {locale === 'EN'
              ? ` (${t.actorCount} ${t.actorCount === 1 ? 'actor' : 'actors'})`
              : `（${t.actorCount} 个主体）`}
            <br />
            <span className="note">{residualExplain(t.kind, locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
