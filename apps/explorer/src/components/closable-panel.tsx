import type { ReactNode } from 'react';
import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';

/** A panel over the view, its close button first: a chart link's flows, a highlight's records. */
export function ClosablePanel(props: {
  className: string;
  label: string;
  locale: Locale;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <section className={`panel ${props.className}`} aria-label={props.label}>
      <button type="button" onClick={props.onClose} className="close">
        {translate('close', props.locale)}
      </button>
      {props.children}
    </section>
  );
}
