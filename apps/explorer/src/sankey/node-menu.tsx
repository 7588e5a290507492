import { useEffect, useRef } from 'react';
import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { full } from '../lib/money';
import type { GraphNode } from './graph';

/** What to do with a clicked node: Trace / Open / Clear. Focus moves here for keyboard users. */
export function NodeMenu(props: {
  node: GraphNode;
  locale: Locale;
  onTrace?: () => void;
  onOpen?: () => void;
  onClear: () => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  const { node, locale } = props;
  return (
    <section
      className="node-menu"
      aria-label={node.label}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClear();
      }}
    >
      <p>
        <strong>{node.label}</strong>: {full(node.total, locale)}
      </p>
      {props.onTrace ? (
        <button type="button" ref={first} onClick={props.onTrace}>
          {translate('trace', locale)}
        </button>
      ) : null}
      {props.onOpen ? (
        <button type="button" ref={props.onTrace ? undefined : first} onClick={props.onOpen}>
          {translate('open', locale)}
        </button>
      ) : null}
      <button
        type="button"
        ref={props.onTrace || props.onOpen ? undefined : first}
        onClick={props.onClear}
      >
        {translate('clear', locale)}
      </button>
    </section>
  );
}
