// Did the user only type since an earlier request? The in-flight reuse asks this.

/**
 * The text typed at the cursor between an earlier prefix and a newer one, or undefined when the
 * newer prefix does not extend the earlier one (or more than `maxTyped` characters were typed).
 * Only the last `tailChars` of a long earlier prefix are compared: prompt windows slide, so the
 * newer window may start later in the file. A short earlier prefix is compared whole.
 */
export function typedSince(earlier: string, newer: string, maxTyped: number, tailChars = 1000): string | undefined {
  const whole = earlier.length <= tailChars;
  const tail = whole ? earlier : earlier.slice(-tailChars);
  const most = Math.min(maxTyped, newer.length);
  for (let k = 0; k <= most; k++) {
    const end = newer.length - k;
    if ((!whole || end === earlier.length) && newer.endsWith(tail, end)) return newer.slice(end);
  }
  return undefined;
}
