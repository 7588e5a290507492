import { describe, expect, it } from 'vitest';
import { displayName } from './display-name';

describe('displayName', () => {
  const program = { name: '易地扶贫搬迁', nameEn: 'Poverty-alleviation relocation' };

  it('uses the Chinese name in ZH', () => {
    expect(displayName(program, 'ZH')).toBe('易地扶贫搬迁');
  });

  it('uses the English name in EN', () => {
    expect(displayName(program, 'EN')).toBe('Poverty-alleviation relocation');
  });

  it('falls back to the Chinese name when there is no usable English name', () => {
    expect(displayName({ name: '危房改造', nameEn: null }, 'EN')).toBe('危房改造');
    expect(displayName({ name: '危房改造' }, 'EN')).toBe('危房改造');
    expect(displayName({ name: '危房改造', nameEn: '  ' }, 'EN')).toBe('危房改造');
  });
});
