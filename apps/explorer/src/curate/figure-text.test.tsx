// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FigureText, type ShownFigure } from './figure-text';
import { type Passage, quoteOf, selectedPassage } from './passage';

// A character outside the BMP first: offsets count code points, as citations do.
const TEXT = '𠀀2024年，甲縣財政局撥付350萬元，用於修建冷庫，受益1200多人。';

const at = (figure: string): Passage => {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(figure))).length;
  return { start, end: start + Array.from(figure).length };
};

const figure = (text: string, unit: string): ShownFigure => ({
  ...at(text),
  text,
  cited: false,
  value: '0',
  unit,
  qualifier: 'EXACT',
});
const FIGURES = [figure('350萬元', 'CNY'), figure('1200多人', '人')];

afterEach(cleanup);

function shown() {
  const onSelect = vi.fn<(passage: Passage, figure: ShownFigure | null) => void>();
  const { container } = render(
    <FigureText
      text={TEXT}
      language="zh-Hant"
      figures={FIGURES}
      selected={null}
      onSelect={onSelect}
    />,
  );
  const root = container.querySelector('.curate-text') as HTMLElement;
  return { root, onSelect };
}

/** The text node and its UTF-16 offset holding a code-point offset of the text. */
function point(root: Element, offset: number): [Node, number] {
  for (const span of root.querySelectorAll<HTMLElement>('[data-start]')) {
    const start = Number(span.dataset.start);
    const points = Array.from(span.textContent ?? '');
    if (offset >= start && offset <= start + points.length) {
      const node = span.firstChild as Node;
      return [node, points.slice(0, offset - start).join('').length];
    }
  }
  throw new Error(`no run holds ${offset}`);
}

/** Selects the code points [start, end) of the text, as a mouse would, and lets the mouse go. */
function select(root: Element, passage: Passage, release = true) {
  const range = document.createRange();
  range.setStart(...point(root, passage.start));
  range.setEnd(...point(root, passage.end));
  const selection = window.getSelection() as Selection;
  selection.removeAllRanges();
  selection.addRange(range);
  if (release) fireEvent.mouseUp(root);
  return selection;
}

describe('the citation is the selection', () => {
  it('maps a selection in plain text to its code-point offsets and quote', () => {
    const { root, onSelect } = shown();
    select(root, at('甲縣財政局'));
    const [passage, inside] = onSelect.mock.lastCall ?? [];
    expect(passage).toEqual(at('甲縣財政局'));
    expect(quoteOf(TEXT, passage as Passage)).toBe('甲縣財政局');
    expect(inside).toBeNull();
  });

  it('widens when one selects again, and keeps the figure the wider passage holds', () => {
    const { root, onSelect } = shown();
    select(root, at('財政局'));
    expect(onSelect.mock.lastCall?.[0]).toEqual(at('財政局'));
    const wider = { start: at('2024年').start, end: at('350萬元').end };
    select(root, wider);
    const [passage, inside] = onSelect.mock.lastCall ?? [];
    expect(passage).toEqual(wider);
    expect(quoteOf(TEXT, passage as Passage)).toBe('2024年，甲縣財政局撥付350萬元');
    expect(inside?.text).toBe('350萬元');
  });
});

describe('a selection over figures', () => {
  it('crosses a figure: from the text before it to the text after it', () => {
    const { root, onSelect } = shown();
    const across = { start: at('撥付').start, end: at('用於').end };
    select(root, across);
    const [passage, inside] = onSelect.mock.lastCall ?? [];
    expect(passage).toEqual(across);
    expect(quoteOf(TEXT, passage as Passage)).toBe('撥付350萬元，用於');
    expect(inside).toEqual(FIGURES[0]);
  });

  it('starts inside a figure and ends past it: the passage, but not the figure', () => {
    const { root, onSelect } = shown();
    const part = { start: at('萬元').start, end: at('冷庫').end };
    select(root, part);
    const [passage, inside] = onSelect.mock.lastCall ?? [];
    expect(quoteOf(TEXT, passage as Passage)).toBe('萬元，用於修建冷庫');
    expect(inside).toBeNull();
  });

  it('spans two figures, taking the first as the one to prefill from', () => {
    const { root, onSelect } = shown();
    const both = { start: at('350萬元').start, end: at('1200多人').end };
    select(root, both);
    expect(onSelect.mock.lastCall).toEqual([both, FIGURES[0]]);
  });

  it('reads ends the browser puts between runs rather than inside their text', () => {
    const { root, onSelect } = shown();
    const money = root.querySelector('.figure') as Element;
    const range = document.createRange();
    range.setStartBefore(money);
    range.setEndAfter(money);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    fireEvent.mouseUp(root);
    expect(onSelect.mock.lastCall).toEqual([at('350萬元'), FIGURES[0]]);
    range.setStart(money, 1);
    range.setEnd(root, root.childNodes.length);
    expect(selectedPassage(selection, root)).toEqual({
      start: at('350萬元').end,
      end: Array.from(TEXT).length,
    });
  });

  it('gives nothing for an empty selection or one outside the text', () => {
    const { root, onSelect } = shown();
    const selection = select(root, at('甲縣'), false);
    selection.collapseToEnd();
    expect(selectedPassage(selection, root)).toBeNull();
    fireEvent.mouseUp(root);
    expect(onSelect).not.toHaveBeenCalled();
    const outside = document.createElement('p');
    outside.textContent = '別處';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectedPassage(selection, root)).toBeNull();
    outside.remove();
  });
});
