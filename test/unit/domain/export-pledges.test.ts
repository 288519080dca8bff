import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../functions/domain/pledges/export-pledges.js';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1 555', "'+1 555"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['محمد', 'محمد'],
    [undefined, ''],
    [true, 'true'],
  ])('%j → %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
});
