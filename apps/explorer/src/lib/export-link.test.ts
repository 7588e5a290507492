import { describe, expect, it } from 'vitest';
import { flowsExportHref } from './export-link';

describe('flowsExportHref', () => {
  it('puts the set filters in the query and leaves the unset ones out', () => {
    expect(flowsExportHref({ targetId: 'QWN0b3I6MQ==', year: 2017, status: null })).toBe(
      '/export/flows.csv?targetId=QWN0b3I6MQ%3D%3D&year=2017',
    );
    expect(flowsExportHref({ year: undefined })).toBe('/export/flows.csv');
  });
});
