import { useEffect } from 'react';
import { displayName, type Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { enumLabel, perUnit } from '../lib/labels';
import { compactQuantity, formatQuantity } from '../lib/unit-cost';
import { useHref } from '../lib/url-state';
import { LineChart } from '../places/line-chart';
import { CitationLink } from './citation-link';
import { type Inference, Inferred } from './inferred';
import { num, TableHead } from './table-head';

const CHART_METRICS = ['registered_poor_population', 'poverty_incidence'] as const;

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

interface Observation {
  citations: readonly { start: number; end: number; quote: string; document: { id: string } }[];
  id: string;
  metric: string;
  metricInfo: { name: string; nameEn?: string | null };
  value: string;
  unit: string;
  year: number;
  kind: string;
  /** Fields the source does not state (Observation.inferred). */
  inferred?: readonly Inference[];
}

/** The observations charted over the years (targets aside). */
function IndicatorCharts(props: { observations: readonly Observation[]; locale: Locale }) {
  const { locale } = props;
  return (
    <div className="charts">
      {CHART_METRICS.map((m) => {
        const obs = props.observations.filter((o) => o.metric === m && o.kind !== 'TARGET');
        const first = obs[0];
        if (!first) return null;
        return (
          <figure key={m}>
            <figcaption>{displayName(first.metricInfo, locale)}</figcaption>
            <LineChart
              title={displayName(first.metricInfo, locale)}
              unitLabel={perUnit(first.unit, locale)}
              points={obs.map((o) => ({
                year: o.year,
                value: o.value,
                label: compactQuantity(o.value, o.unit, locale),
              }))}
            />
          </figure>
        );
      })}
    </div>
  );
}

/** Observations as line charts (poor population, poverty incidence) and a table with citations. */
export function Indicators(props: { observations: readonly Observation[]; locale: Locale }) {
  const { locale } = props;
  const _href = useHref();
  // A record link from a document (#obs-<id>) scrolls to its row once the rows exist.
  const target = typeof window === 'undefined' ? '' : safeDecode(window.location.hash);
  useEffect(() => {
    if (!target.startsWith('#obs-')) return;
    document.getElementById(target.slice(1))?.scrollIntoView({ block: 'center' });
  }, [target]);
  if (props.observations.length === 0) return null;
  const label = (o: { value: string; unit: string }) => formatQuantity(o.value, o.unit, locale);
  return (
    <section>
      <h2>{translate('observations', locale)}</h2>
      <IndicatorCharts observations={props.observations} locale={locale} />
      <table className="data observations">
        <caption>{translate('observations', locale)}</caption>
        <TableHead
          locale={locale}
          columns={['metric', 'year', 'kind', num('value'), 'citations']}
        />
        <tbody>
          {[...props.observations]
            .sort((a, b) => a.metric.localeCompare(b.metric) || a.year - b.year)
            .map((o) => (
              <tr
                key={o.id}
                id={`obs-${o.id}`}
                data-metric={o.metric}
                className={target === `#obs-${o.id}` ? 'target' : undefined}
              >
                <td>{displayName(o.metricInfo, locale)}</td>
                <td>
                  <Inferred field="year" inferred={o.inferred} locale={locale}>
                    {o.year}
                  </Inferred>
                </td>
                <td>
                  <Inferred field="kind" inferred={o.inferred} locale={locale}>
                    {enumLabel(o.kind, locale)}
                  </Inferred>
                </td>
                <td className="num">
                  <Inferred field="amount" inferred={o.inferred} locale={locale}>
                    {label(o)}
                  </Inferred>
                </td>
                <td>
                  {o.citations.map((c) => (
                    <CitationLink key={`${c.start}-${c.end}`} c={c} locale={locale} />
                  ))}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
