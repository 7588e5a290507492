/** Region codes the seed article's records name often (GB/T 2260). */
export const IM = '150000';
export const BEIJING = '110000';
