/**
 * Cuts a normalised request into clauses, so that a fact can be judged where it is
 * said: "fix this route. also, unrelated: can I sue my landlord?" is a coding task and
 * a legal question, and the coding words of the first clause must not excuse the second.
 * A clause ends at a sentence end (。!? and ". "), a line break or a semicolon.
 */
export function clausesOf(normalised: string): string[] {
  return normalised
    .split(/(?<=[。!?！？;；])|\n|(?<=\.)\s+(?=[a-z"'(`])|\s+-\s+|(?<=:)\s+(?=[a-z])/)
    .map((c) => c.trim().replace(/^([-*•・]|\d+[.)])\s*/, ''))
    .filter((c) => c.length > 0);
}
