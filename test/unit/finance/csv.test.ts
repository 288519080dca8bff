import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvLine, csvNumber, parseCsv } from '../../../functions/domain/shared/csv.js';
import { csvCell as pledgeCsvCell } from '../../../functions/domain/pledges/export-pledges.js';

describe('shared CSV', () => {
  it('is the cell function the pledge export uses', () => {
    expect(pledgeCsvCell).toBe(csvCell);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-1+1', "'-1+1"],
    ['\tx', "'\tx"],
  ])('text cell %j is neutralised as %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('writes plain numbers as numbers, negative ones included, and refuses anything else', () => {
    expect(csvNumber('-25.00')).toBe('-25.00');
    expect(csvNumber('1000')).toBe('1000');
    for (const bad of ['-1+1', '=1', '1,000.00', '1e5', '', ' 1', '+1']) expect(() => csvNumber(bad), bad).toThrow();
  });

  it('parses back what it writes: quotes, commas, line breaks, BOM, any script', () => {
    const cells = ['محمد بن سلمان', '王小明', 'a,b', 'say "hi"', 'two\nlines', ''];
    const text = `${CSV_BOM}${csvLine(cells.map(csvCell))}${csvLine(['1', csvNumber('-2.50')])}`;
    expect(parseCsv(text)).toEqual([cells, ['1', '-2.50']]);
  });
});
