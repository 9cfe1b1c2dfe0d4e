// What Fude knows of a model a remote server serves, from what the server says of it: GET /v1/models (its id,
// vLLM's `root` and `max_model_len`, llama.cpp's `meta`, Fude's own `fude` object) and, for llama.cpp, GET /props
// (`default_generation_settings.n_ctx`, `model_path`). The family and the terms come from the same rules as for a
// local file (common/model-family.ts, common/terms/), over every name the server gives the model, so renaming the
// served id does not hide a model whose root or file says what it is. Pure: the engine and the tests call it.
import { familyFromNames } from '../../../common/model-family.js';
import { termsForFamily } from '../../../common/terms/index.js';
import type { ModelFamily } from '../../../protocol/messages.js';
import type { RemoteModel } from './openai-engine-client.js';

/** Which server software answers: decides what it accepts (`suffix`) and where its metadata is. */
export type ServerKind = 'fude' | 'vllm' | 'llamacpp' | 'other';

/** llama.cpp's GET /props, the fields read here (the server sends many more). */
export interface LlamaProps {
  default_generation_settings?: { n_ctx?: unknown };
  model_path?: unknown;
  model_alias?: unknown;
}

export interface RemoteModelFacts {
  /** The served model id (what requests name). */
  name: string;
  server: ServerKind;
  family: ModelFamily;
  contextSize: number;
  /** Where the context size came from: the server's metadata or Fude's setting. */
  contextFrom: 'server' | 'setting';
  /** The server fills in the middle with the model's FIM tokens (only Fude's backend says so). */
  fim: boolean;
  /** The server takes `suffix` on /v1/completions (Fude's backend does; vLLM refuses it, llama.cpp ignores it). */
  acceptsSuffix: boolean;
  termsId: string | null;
  /** A model known to have terms Fude does not hold (LLM-jp-3 172B releases other than beta1). */
  termsWarning?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const positive = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;

/** The last part of a path or a Hugging Face repo id, without a .gguf extension. */
function leaf(p: string): string {
  return (
    p
      .split(/[\\/]/)
      .filter(Boolean)
      .at(-1)
      ?.replace(/\.gguf$/i, '') ?? p
  );
}

function serverKind(model: RemoteModel): ServerKind {
  if (isObj(model.raw.fude)) return 'fude';
  if (model.ownedBy === 'vllm') return 'vllm';
  if (model.ownedBy === 'llamacpp' || isObj(model.raw.meta)) return 'llamacpp';
  return 'other';
}

/** Every name the server gives this model, most specific first. */
export function namesOf(model: RemoteModel, props?: LlamaProps): string[] {
  const names = [model.id, str(model.raw.root), str(props?.model_alias), str(props?.model_path)]
    .filter((n): n is string => n !== undefined)
    .flatMap((n) => [n, leaf(n)]);
  return [...new Set(names)];
}

/**
 * The terms that cover the model under any of its names, failing closed: a name that needs acceptance wins over
 * one that does not, and Fude's own backend's termsId counts as one more vote.
 */
function termsOf(
  family: ModelFamily,
  names: string[],
  fudeTermsId: string | null | undefined,
): { termsId: string | null; warning?: string } {
  if (fudeTermsId) return { termsId: fudeTermsId };
  let warning: string | undefined;
  for (const name of names) {
    const r = termsForFamily(family, name);
    if (r.kind === 'terms') return { termsId: r.terms.id };
    if (r.kind === 'unregistered') warning ??= `${r.reason} (${r.infoUrl})`;
  }
  return { termsId: null, ...(warning ? { warning } : {}) };
}

export function describeRemoteModel(
  model: RemoteModel,
  opts: { props?: LlamaProps; contextSizeSetting: number },
): RemoteModelFacts {
  const server = serverKind(model);
  const fude = isObj(model.raw.fude) ? model.raw.fude : undefined;
  const names = namesOf(model, opts.props);
  const fudeFamily = str(fude?.family);
  const family: ModelFamily =
    fudeFamily === 'llm-jp-3' || fudeFamily === 'fugaku-llm' || fudeFamily === 'generic'
      ? fudeFamily
      : familyFromNames(names);
  const terms = termsOf(family, names, fude ? (str(fude.termsId) ?? null) : undefined);
  const fromServer =
    positive(fude?.contextSize) ??
    model.contextLength ??
    positive(opts.props?.default_generation_settings?.n_ctx) ??
    (isObj(model.raw.meta) ? positive(model.raw.meta.n_ctx) : undefined);
  return {
    name: model.id,
    server,
    family,
    contextSize: fromServer ?? opts.contextSizeSetting,
    contextFrom: fromServer !== undefined ? 'server' : 'setting',
    fim: fude?.fim === true,
    acceptsSuffix: server === 'fude',
    termsId: terms.termsId,
    ...(terms.warning ? { termsWarning: terms.warning } : {}),
  };
}
