// A Server-Sent Events parser, as the WHATWG HTML standard ("Server-sent events", the event stream
// interpretation) defines it: lines end in CRLF, LF or CR; a blank line dispatches the event; "data" lines
// join with "\n"; a line starting with ":" is a comment (servers send them as keep-alive pings); a leading
// BOM is dropped. Text arrives in arbitrary pieces (TCP chunks), so a line, or a CRLF, may be split anywhere.
// Bytes are decoded by the caller with a streaming TextDecoder, so a multi-byte character may be split too.

export interface SseEvent {
  /** The `event:` field, "message" when absent. */
  event: string;
  data: string;
  id?: string;
}

export class SseParser {
  private buffer = '';
  private sawCR = false;
  private started = false;
  private data: string[] = [];
  private eventType = '';
  private lastId: string | undefined;
  /** Comments seen (`: ping`), for callers that count them as signs of life. */
  comments = 0;

  /** Feed decoded text; returns the events it completed. */
  push(text: string): SseEvent[] {
    if (text === '') return [];
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // A CR ending the previous piece and an LF starting this one are one line ending.
    if (this.sawCR && text.startsWith('\n')) text = text.slice(1);
    this.sawCR = false;
    const out: SseEvent[] = [];
    const input = this.buffer + text;
    let start = 0;
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      this.line(input.slice(start, i), out);
      if (c === 0x0d) {
        if (i + 1 < input.length) {
          if (input.charCodeAt(i + 1) === 0x0a) i++;
        } else {
          this.sawCR = true;
        }
      }
      start = i + 1;
    }
    this.buffer = input.slice(start);
    return out;
  }

  /**
   * The stream ended. The standard discards an event with no blank line after it; a server that ends with
   * "data: [DONE]" and no blank line still meant it, so the unfinished event is returned for the caller to judge.
   */
  end(): SseEvent | undefined {
    const out: SseEvent[] = [];
    if (this.buffer !== '') this.line(this.buffer, out);
    this.buffer = '';
    this.line('', out);
    return out[0];
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) {
        out.push({
          event: this.eventType || 'message',
          data: this.data.join('\n'),
          ...(this.lastId !== undefined ? { id: this.lastId } : {}),
        });
      }
      this.data = [];
      this.eventType = '';
      return;
    }
    if (line.startsWith(':')) {
      this.comments++;
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.eventType = value;
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
    // "retry" and unknown fields change nothing for a client that does not reconnect.
  }
}
