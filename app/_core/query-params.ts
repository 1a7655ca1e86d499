/** Query parameters as a record; a repeated parameter becomes an array (so a schema can refuse it). */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = raw[k];
    raw[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return raw;
}
