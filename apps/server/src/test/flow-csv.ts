/** A flows CSV of `rows` valid rows from actor key `source` to `target` (for import tests). */
export const flowCsv = (rows: number, source: string, target: string) =>
  [
    'external_id,source_key,target_key,amount,year,status,instrument',
    ...Array.from(
      { length: rows },
      (_, i) => `kill-${i},${source},${target},${1000 + i}.25,2018,DISBURSED,GRANT`,
    ),
  ].join('\n');
