import { describe, expect, it } from 'vitest';
import { findFigures, mergeCitations, parseSpanHash, segmentText } from './segments';

describe('document segments', () => {
  it('merges overlapping citations into one highlight listing every record', () => {
    const merged = mergeCitations([
      { start: 264, end: 293, record: 'a' },
      { start: 278, end: 293, record: 'b' },
      { start: 294, end: 308, record: 'c' },
      { start: 293, end: 294, record: 'd' },
    ]);
    expect(merged).toEqual([
      { start: 264, end: 293, records: ['a', 'b'] },
      { start: 293, end: 294, records: ['d'] },
      { start: 294, end: 308, records: ['c'] },
    ]);
  });

  it('counts offsets in code points, not UTF-16 units', () => {
    const text = '𠀀投入48.8億元,另有9005元';
    // '𠀀' is one code point and two UTF-16 units.
    expect(findFigures(text)).toEqual([
      { start: 3, end: 9 },
      { start: 12, end: 17 },
    ]);
    const segments = segmentText(
      text,
      mergeCitations([{ start: 3, end: 9, record: 'flow' }]),
      findFigures(text),
    );
    expect(segments.map((s) => [s.kind, s.text])).toEqual([
      ['text', '𠀀投入'],
      ['mark', '48.8億元'],
      ['text', ',另有'],
      ['uncited', '9005元'],
    ]);
  });

  it('reads the span from the hash', () => {
    expect(parseSpanHash('#1044-1074')).toEqual({ start: 1044, end: 1074 });
    expect(parseSpanHash('#abc')).toBeNull();
    expect(parseSpanHash('#5-5')).toBeNull();
  });
});
