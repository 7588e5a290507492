import { displayName, type Locale, type Named } from '../display-name';
import { enumLabel } from '../lib/labels';
import { full, type MoneyFields } from '../lib/money';
import { formatQuantity } from '../lib/unit-cost';
import { idPath } from '../lib/url-state';

/** A record a citation supports, ready to list: what it is, in words, and where it opens. */
export interface CitedRecord {
  type: string;
  id: string;
  label: string;
  path: string;
}

export interface CitationRecords {
  recordType: string;
  flow?: { id: string; year: number; amount: MoneyFields; source: Named; target: Named } | null;
  observation?: {
    id: string;
    value: string;
    unit: string;
    year: number;
    kind: string;
    metricInfo: Named;
    region?: { code: string } | null;
    actor?: { id: string } | null;
  } | null;
  actor?: ({ id: string } & Named) | null;
  pairing?: { id: string; kind: string; helper: { id: string } & Named; recipient: Named } | null;
}

export function citedRecord(c: CitationRecords, locale: Locale): CitedRecord | null {
  const n = (x: Named) => displayName(x, locale);
  if (c.flow) {
    const f = c.flow;
    return {
      type: 'Flow',
      id: f.id,
      label: `${n(f.source)} → ${n(f.target)}, ${full(f.amount, locale)} (${f.year})`,
      path: idPath('/flows', f.id),
    };
  }
  if (c.observation) {
    const o = c.observation;
    const where = o.actor
      ? `${idPath('/actors', o.actor.id)}#obs-${encodeURIComponent(o.id)}`
      : `/places/${o.region?.code ?? '150000'}#obs-${encodeURIComponent(o.id)}`;
    return {
      type: 'Observation',
      id: o.id,
      label: `${n(o.metricInfo)}: ${formatQuantity(o.value, o.unit, locale)} (${o.year}, ${enumLabel(o.kind, locale)})`,
      path: where,
    };
  }
  if (c.actor)
    return {
      type: 'Actor',
      id: c.actor.id,
      label: n(c.actor),
      path: idPath('/actors', c.actor.id),
    };
  if (c.pairing) {
    const p = c.pairing;
    return {
      type: 'Pairing',
      id: p.id,
      label: `${n(p.helper)} ↔ ${n(p.recipient)}`,
      path: idPath('/actors', p.helper.id),
    };
  }
  return null;
}
