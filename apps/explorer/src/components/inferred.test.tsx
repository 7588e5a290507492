// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InferenceList, Inferred } from './inferred';

afterEach(cleanup);

const inferred = [
  { field: 'year', note: 'The sentence gives no year; read as 2017.' },
  { field: 'source', note: 'The article does not say who paid in.' },
];

describe('Inferred', () => {
  it('marks an inferred value with its note on hover, in Chinese and English', () => {
    const { container } = render(
      <>
        <Inferred field="year" inferred={inferred} locale="ZH">
          2017
        </Inferred>
        <Inferred field="amount" inferred={inferred} locale="EN">
          48.8
        </Inferred>
      </>,
    );
    const marked = container.querySelectorAll('.inferred');
    expect(marked).toHaveLength(1);
    expect(marked[0]?.getAttribute('title')).toBe(
      '推断: The sentence gives no year; read as 2017.',
    );
    expect(marked[0]?.textContent).toBe('2017推断');
    expect(container.textContent).toContain('48.8');
  });

  it('lists every inferred field with its note', () => {
    render(<InferenceList inferred={inferred} locale="EN" />);
    expect(screen.getByText('Inferred values (not stated by the source)')).toBeTruthy();
    expect(screen.getByText('Year')).toBeTruthy();
    expect(screen.getByText('The article does not say who paid in.')).toBeTruthy();
  });

  it('reads a note recorded in Chinese on Chinese pages, in the open', () => {
    const zh = [
      {
        field: 'year',
        note: 'The sentence gives no year.',
        noteZh: '原句未给出年份；读作2017年。',
      },
    ];
    const { container } = render(
      <>
        <Inferred field="year" inferred={zh} locale="ZH">
          2017
        </Inferred>
        <InferenceList inferred={zh} locale="ZH" />
      </>,
    );
    expect(container.querySelector('.inferred')?.getAttribute('title')).toBe(
      '推断: 原句未给出年份；读作2017年。',
    );
    expect(container.querySelector('details')).toBeNull();
    expect(container.querySelector('.inferences li span')?.getAttribute('lang')).toBe('zh');
    expect(container.textContent).not.toContain('The sentence');
  });

  it('keeps an English-only note under a Chinese summary on Chinese pages', () => {
    const { container } = render(<InferenceList inferred={inferred} locale="ZH" />);
    expect(container.querySelector('details summary')?.textContent).toContain('推断值');
  });
});
