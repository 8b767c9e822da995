/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions),
 * so "rusai" is one edit from "rusia". Stops early once `max` is exceeded.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How many typos a word of this length may carry and still match: none below 5 letters. */
export function typoBudget(length: number): number {
  if (length < 5) return 0;
  if (length < 8) return 1;
  return 2;
}

/** Where each letter sits on a QWERTY keyboard: row, and position along the row with the rows' stagger. */
const KEY_AT = new Map<string, [number, number]>();
["qwertyuiop", "asdfghjkl", "zxcvbnm"].forEach((row, r) =>
  [...row].forEach((ch, c) => KEY_AT.set(ch, [r, c + [0, 0.25, 0.75][r]!])),
);

/** Two keys next to each other (a finger landing one key off): same row and one apart, or touching rows. */
export function neighbouringKeys(a: string, b: string): boolean {
  const p = KEY_AT.get(a);
  const q = KEY_AT.get(b);
  if (!p || !q || a === b) return false;
  const rows = Math.abs(p[0] - q[0]);
  const along = Math.abs(p[1] - q[1]);
  return (rows === 0 && along === 1) || (rows === 1 && along <= 0.75);
}

/**
 * Whether `typed` is `word` with one slip of typing: a letter missing or extra, two neighbours swapped,
 * or a neighbouring key instead of the right one. Stricter than `editDistance(...) <= 1`: "evaluating" is
 * no slip for "evacuating" (l and c are far apart), so a real word the dictionary lacks is left alone.
 */
export function isOneSlip(typed: string, word: string): boolean {
  if (typed === word) return false;
  const dl = typed.length - word.length;
  if (dl > 1 || dl < -1) return false;
  let i = 0;
  while (i < typed.length && i < word.length && typed[i] === word[i]) i++;
  if (dl === 1) return sameFrom(typed, i + 1, word, i);
  if (dl === -1) return sameFrom(typed, i, word, i + 1);
  if (sameFrom(typed, i + 1, word, i + 1)) return neighbouringKeys(typed[i]!, word[i]!);
  return typed[i] === word[i + 1] && typed[i + 1] === word[i] && sameFrom(typed, i + 2, word, i + 2);
}

/** Whether `a` from `i` on equals `b` from `j` on (no substrings made: this runs per word of the article). */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}
