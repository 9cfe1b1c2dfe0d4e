/**
 * Streams one answer from the backend: forwards each chunk, and turns how it ended
 * (finished, stopped by the person, cut at the token limit, failed) into one outcome.
 */
import type { ChatMessage, DoneEvent, SamplingFields } from "../../protocol/messages.js";
import { tokensPerSecond } from "./tokens-per-second.js";

/** What the chat needs from a backend generation (the client's Generation fits). */
export interface ChatGeneration extends AsyncIterable<string> {
  done: Promise<DoneEvent>;
}

/** What the chat needs from the backend client (BackendClient fits). */
export interface ChatClient {
  chat(body: { messages: ChatMessage[]; lane?: "chat" } & SamplingFields, signal?: AbortSignal): ChatGeneration;
  render?(body: { messages: ChatMessage[] }): Promise<DoneEvent>;
}

export type TurnOutcome =
  | { kind: "finished" | "maxTokens" | "stopped"; text: string; tokensPerSecond: number | null }
  | { kind: "error"; text: string; code: string; message: string };

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "internal";
}

export async function streamAnswer(
  client: ChatClient,
  messages: ChatMessage[],
  sampling: SamplingFields,
  signal: AbortSignal,
  onDelta: (text: string) => void,
): Promise<TurnOutcome> {
  let text = "";
  const generation = client.chat({ messages, lane: "chat", ...sampling }, signal);
  try {
    for await (const chunk of generation) {
      text += chunk;
      onDelta(chunk);
    }
    const done = await generation.done;
    const speed = tokensPerSecond(done.usage, done.timings);
    if (done.stopReason === "cancelled" || signal.aborted) return { kind: "stopped", text, tokensPerSecond: speed };
    return { kind: done.stopReason === "maxTokens" ? "maxTokens" : "finished", text, tokensPerSecond: speed };
  } catch (error) {
    const code = codeOf(error);
    // The backend answers a cancel with a "cancelled" error; that is the Stop button working.
    if (code === "cancelled" || signal.aborted) return { kind: "stopped", text, tokensPerSecond: null };
    return { kind: "error", text, code, message: error instanceof Error ? error.message : String(error) };
  }
}
