/**
 * Folds Vietnamese text for searching: lower case, no tone or vowel marks, đ → d. People type
 * "Ha Noi" for "Hà Nội"; NFD splits the marks off the letters, but đ is a letter of its own and
 * has to be translated by hand.
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd');
}

/** True when every word of the query occurs in the text, both folded. */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = foldVietnamese(text);
  return foldVietnamese(query)
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .every((word) => haystack.includes(word));
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to copy by hand from one screen to a phone. */
export function groupInFours(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
