import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full, type MoneyFields } from '../lib/money';

export interface BalanceData {
  flags: readonly string[];
  inflow: MoneyFields;
  outflow: MoneyFields;
  residual: MoneyFields;
  planned: MoneyFields;
  overdrawnBy?: MoneyFields | null;
}

/** in = out + unaccounted, with the API's flags; planned money beside it, not counted. */
export function Balance({ balance: b, locale }: { balance: BalanceData; locale: Locale }) {
  return (
    <section className="panel balance" aria-labelledby="balance-h">
      <h2 id="balance-h">{translate('balance', locale)}</h2>
      <p className="balance-equation">
        {translate('inflow', locale)} <strong>{full(b.inflow, locale)}</strong> ={' '}
        {translate('outflow', locale)} <strong>{full(b.outflow, locale)}</strong> +{' '}
        {translate('residual', locale)} <strong>{full(b.residual, locale)}</strong>
      </p>
      <p className="note">
        {translate('planned', locale)}: {full(b.planned, locale)}
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
