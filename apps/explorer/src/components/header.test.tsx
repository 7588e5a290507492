// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LANG_KEY } from '../lib/url-state';
import { renderAt } from '../test/render';
import { Header } from './header';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('Header', () => {
  it('switches language in the URL and localStorage, keeping the path and parameters', () => {
    const { history } = renderAt('/trace/abc?year=2017&depth=3', <Header />);
    expect(screen.getByRole('link', { name: '总览' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(history.at(-1)).toBe('/trace/abc?year=2017&depth=3&lang=en');
    expect(localStorage.getItem(LANG_KEY)).toBe('en');
    expect(screen.getByRole('link', { name: 'Overview' })).toBeTruthy();
  });

  it('searches from any page, keeping the language', () => {
    const { history } = renderAt('/places/150000?lang=en', <Header />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: ' 赤峰 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(history.at(-1)).toBe('/search?lang=en&q=%E8%B5%A4%E5%B3%B0');
  });
});
