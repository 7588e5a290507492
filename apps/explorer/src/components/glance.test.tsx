// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderAt } from '../test/render';
import { CitationLink } from './citation-link';
import { Glance, Reported } from './glance';

afterEach(cleanup);

const national = { value: '111613293724.98', qualifier: 'EXACT' as const, unit: 'CNY' };
const none = { value: '0', qualifier: 'EXACT' as const, unit: 'CNY' };

describe('Glance and Reported', () => {
  it('rounds to what a reader takes in, with the exact figure on hover', () => {
    const { container } = render(
      <>
        <Glance money={national} locale="ZH" />
        <Glance money={national} locale="EN" />
      </>,
    );
    const [zh, en] = [...container.querySelectorAll('.glance')];
    expect(zh?.textContent).toBe('1,116亿元');
    expect(zh?.getAttribute('title')).toBe('1116.1329372498亿元');
    expect(en?.textContent).toBe('CNY 111.6 bn');
    expect(en?.getAttribute('title')).toBe('CNY 111.61329372498 bn');
  });

  it('says "not reported" where the source is silent, never 0', () => {
    const { container } = render(
      <>
        <Reported money={none} locale="ZH" />
        <Reported money={none} locale="EN" rounded />
        <Reported money={national} locale="ZH" />
      </>,
    );
    expect(container.textContent).toBe('未报告Not reported1116.1329372498亿元');
  });
});

describe('CitationLink', () => {
  const c = {
    start: 1,
    end: 5,
    quote: '設立20億元產業扶貧基金',
    gloss: 'a 2 bn yuan fund set up',
    document: { id: 'RG9jOjE=' },
  };
  it('glosses a quote on English pages only', () => {
    const { container } = renderAt('/', <CitationLink c={c} locale="EN" />);
    expect(container.textContent).toBe('“設立20億元產業扶貧基金” (a 2 bn yuan fund set up)');
    cleanup();
    const zh = renderAt('/', <CitationLink c={c} locale="ZH" />);
    expect(zh.container.textContent).toBe('“設立20億元產業扶貧基金”');
  });
});
