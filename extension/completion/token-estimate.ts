// A rough token count for budgets when the real tokenizer is not at hand.
// Japanese models (LLM-jp-3, Fugaku-LLM) have large Japanese vocabularies: about one token per
// kana/kanji is a safe upper side; ASCII code averages three to four characters a token.

export function roughTokenCount(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 3.5) + other;
}
