import { Glance } from '../components/glance';
import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full, isZero, type MoneyFields } from '../lib/money';

export interface BalanceData {
  flags: readonly string[];
  inflow: MoneyFields;
  outflow: MoneyFields;
  residual: MoneyFields;
  planned: MoneyFields;
  plannedOutflow: MoneyFields;
  overdrawnBy?: MoneyFields | null;
}

/**
 * in = out + what stays, with the API's flags. A source (no recorded inflows) has no equation:
 * its money starts there. Planned money, in and out, beside it, not counted.
 */
export function Balance({ balance: b, locale }: { balance: BalanceData; locale: Locale }) {
  const source = b.flags.includes('NO_INFLOW');
  const planned = [
    ['plannedIn', b.planned],
    ['plannedOut', b.plannedOutflow],
  ] as const;
  return (
    <section className="panel balance" aria-labelledby="balance-h">
      <h2 id="balance-h">{translate('balance', locale)}</h2>
      {source ? (
        <p className="balance-equation" data-source="">
          {translate('sourceBalance', locale)} {translate('outflow', locale)}{' '}
          <strong>
            <Glance money={b.outflow} locale={locale} />
          </strong>
        </p>
      ) : (
        <p className="balance-equation">
          {translate('inflow', locale)}{' '}
          <strong>
            <Glance money={b.inflow} locale={locale} />
          </strong>{' '}
          = {translate('outflow', locale)}{' '}
          <strong>
            <Glance money={b.outflow} locale={locale} />
          </strong>{' '}
          + {translate('residual', locale)}{' '}
          <strong>
            <Glance money={b.residual} locale={locale} />
          </strong>
        </p>
      )}
      <p className="note planned">
        {planned
          .filter(([, m]) => !isZero(m))
          .map(([k, m]) => `${translate(k, locale)}: ${full(m, locale)}`)
          .join(' · ') || translate('noPlanned', locale)}
      </p>
      {b.overdrawnBy ? (
        <p className="warning">
          ⚠ {translate('overdrawn', locale)}: {full(b.overdrawnBy, locale)}
        </p>
      ) : null}
      {b.flags.length > 0 ? (
        <p>
          {b.flags.map((f) => (
            <span key={f} className="badge flag">
              {enumLabel(f, locale)}
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
