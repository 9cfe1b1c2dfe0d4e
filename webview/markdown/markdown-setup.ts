/**
 * The markdown-it instance for chat answers: no raw HTML, only http/https/mailto
 * links, links and images turned into elements the webview opens through the
 * extension, code blocks wrapped for their buttons.
 */
import MarkdownIt from 'markdown-it';
import type { Env, MarkdownIt as MarkdownItInstance, RendererRule, Token } from 'markdown-it';
import { codeBlockFromToken, renderCodeBlock, type CodeBlock } from './code-blocks.js';
import { escapeHtml } from './escape.js';
import type { Highlight } from './highlight-cache.js';
import { isAllowedLinkUrl } from '../../common/link-policy.js';

/** Per-render state the rules write into. */
export interface RenderEnv extends Env {
  codeBlocks: CodeBlock[];
  highlight: Highlight;
}

function envOf(env: Env | undefined): RenderEnv {
  if (env === undefined || !Array.isArray(env.codeBlocks) || typeof env.highlight !== 'function') {
    throw new Error("markdown rendered without Fude's render env");
  }
  return env as RenderEnv;
}

/** An element the webview script turns into "ask the extension to open this". */
function linkOpenTag(url: string, extraClass = ''): string {
  const safe = escapeHtml(url);
  const cls = extraClass === '' ? 'fude-link' : `fude-link ${extraClass}`;
  return `<a class="${cls}" data-fude-link="${safe}" title="${safe}" role="link" tabindex="0">`;
}

const renderLinkOpen: RendererRule = (tokens, idx) => {
  const href = String(tokens[idx].attrGet('href') ?? '');
  // validateLink already refused everything else; checked again so a rule change cannot open a hole.
  return isAllowedLinkUrl(href) ? linkOpenTag(href) : '<a class="fude-link-refused">';
};

// Remote images would be blocked by the CSP anyway; show them as links to open outside.
const renderImage: RendererRule = (tokens, idx, options, env, renderer) => {
  const token = tokens[idx];
  const src = String(token.attrGet('src') ?? '');
  const alt = renderer.renderInlineAsText(token.children ?? [], options, env);
  const label = escapeHtml(alt.trim() === '' ? src : alt);
  if (!isAllowedLinkUrl(src)) return label;
  return `${linkOpenTag(src, 'fude-image-link')}${label}</a>`;
};

const renderCode: RendererRule = (tokens, idx, _options, env) => {
  const { codeBlocks, highlight } = envOf(env);
  const block = codeBlockFromToken(tokens[idx], codeBlocks.length);
  codeBlocks.push(block);
  return renderCodeBlock(block, highlight);
};

// Table alignment comes as style="text-align:..."; inline styles are stripped, so use a class.
function alignToClass(token: Token): void {
  const style = token.attrGet('style');
  if (style === null) return;
  token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
  const match = /text-align:(left|right|center)/.exec(String(style));
  if (match) token.attrJoin('class', `fude-align-${match[1]}`);
}

export function createMarkdownIt(): MarkdownItInstance {
  const md = new MarkdownIt({
    html: false,
    linkify: true,
    typographer: false,
    // Models use single newlines as line breaks; without this Japanese lines run together.
    breaks: true,
  });
  // Only links with an explicit scheme: "README.md" must not become http://readme.md.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  md.linkify.add('//', null).add('ftp:', null);
  md.validateLink = isAllowedLinkUrl;

  const rules = md.renderer.rules;
  rules.link_open = renderLinkOpen;
  rules.image = renderImage;
  rules.fence = renderCode;
  rules.code_block = renderCode;
  md.core.ruler.push('fude_table_align', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'th_open' || token.type === 'td_open') alignToClass(token);
    }
  });
  return md;
}
