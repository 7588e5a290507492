import { type ReactNode, useRef } from 'react';
import { type Passage, selectedPassage } from './passage';

export interface ShownFigure extends Passage {
  text: string;
  cited: boolean;
  value: string;
  unit: string;
  qualifier: string;
}

/**
 * The document's text with its figures marked, cited apart from uncited. The container holds the
 * text and nothing else, so a selection anywhere maps back to code-point offsets in it
 * (passage.ts); every run also carries its offset (`data-start`).
 */
export function FigureText(props: {
  text: string;
  language: string;
  figures: readonly ShownFigure[];
  selected: Passage | null;
  onSelect?: ((passage: Passage, figure: ShownFigure | null) => void) | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const points = Array.from(props.text);
  const runs: ReactNode[] = [];
  let at = 0;
  const plain = (end: number) => {
    if (end > at) {
      runs.push(
        <span key={`t${at}`} data-start={at}>
          {points.slice(at, end).join('')}
        </span>,
      );
    }
  };
  for (const figure of props.figures) {
    if (figure.start < at) continue;
    plain(figure.start);
    const chosen = props.selected?.start === figure.start && props.selected.end === figure.end;
    runs.push(
      // biome-ignore lint/a11y/useSemanticElements: a button would break selecting across it
      <span
        key={`f${figure.start}`}
        role="button"
        tabIndex={props.onSelect ? 0 : -1}
        data-start={figure.start}
        data-end={figure.end}
        className={`figure ${figure.cited ? 'cited' : 'uncited'}${chosen ? ' chosen' : ''}`}
        onClick={() => props.onSelect?.(figure, figure)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') props.onSelect?.(figure, figure);
        }}
      >
        {figure.text}
      </span>,
    );
    at = figure.end;
  }
  plain(points.length);

  const onMouseUp = () => {
    if (!props.onSelect || !ref.current) return;
    const passage = selectedPassage(window.getSelection(), ref.current);
    if (!passage) return;
    const inside = props.figures.find((f) => f.start >= passage.start && f.end <= passage.end);
    props.onSelect(passage, inside ?? null);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: selecting text is done with the mouse; figures are keyboard-reachable
    <div ref={ref} className="doc-text curate-text" lang={props.language} onMouseUp={onMouseUp}>
      {runs}
    </div>
  );
}
