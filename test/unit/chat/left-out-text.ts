/** A plain English wording of what fitting left out, for tests (users see chat-l10n.ts's localized one). */
import type { LeftOut } from '../../../extension/chat/context-budget.js';

export function describeLeftOut(item: LeftOut): string {
  switch (item.kind) {
    case 'turns':
      return item.from === item.to ? `older turn ${item.from}` : `older turns ${item.from}-${item.to}`;
    case 'trimmed':
      return `${item.attachment === 'file' ? 'file' : 'selection in'} ${item.name} trimmed to lines ${item.start}-${item.end}`;
    case 'dropped':
      return `${item.attachment === 'file' ? 'file' : 'selection in'} ${item.name} left out`;
    case 'excerpt':
      return `file ${item.name} cut to lines ${item.start}-${item.end}${item.declaration ? ` (in ${item.declaration})` : ''} and ${item.outlineLines} outline lines; ${item.omitted} of ${item.totalLines} lines left out`;
    case 'questionTooLong':
      return `the question is too long for the model's context (${item.tokens} of ${item.budget} tokens)`;
  }
}
