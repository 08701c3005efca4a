/** Percentile of sorted values by linear interpolation between closest ranks (R type 7, the spreadsheet default). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError("percentile of no values");
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The same percentile of unsorted values, found by selection in linear time instead of a sort: the values are
 * reordered in place. For the medians of hundreds of thousands of values (data completeness's timeliness).
 */
export function percentileInPlace(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) throw new RangeError("percentile of no values");
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const low = select(values, lo);
  if (h === lo) return low;
  // after the selection everything past `lo` is at least as large: the next rank is their minimum
  let high = Infinity;
  for (let i = lo + 1; i < n; i++) if (values[i] < high) high = values[i];
  return low + (h - lo) * (high - low);
}

/** The k-th smallest value (0-based), with smaller ones before it and larger ones after it (Hoare's quickselect). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}
