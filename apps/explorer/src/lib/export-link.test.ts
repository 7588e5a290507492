import { describe, expect, it } from 'vitest';
import { flowsExportHref } from './export-link';

describe('flowsExportHref', () => {
  it('puts the set filters in the query, leaves the unset ones out, headers in the language', () => {
    expect(flowsExportHref({ targetId: 'QWN0b3I6MQ==', year: 2017, status: null }, 'ZH')).toBe(
      '/export/flows.csv?targetId=QWN0b3I6MQ%3D%3D&year=2017&headers=zh',
    );
    expect(flowsExportHref({ year: undefined }, 'EN')).toBe('/export/flows.csv?headers=en');
  });
});
