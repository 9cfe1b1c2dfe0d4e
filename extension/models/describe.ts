// The words the model manager shows: size, memory, terms, the fit verdict, progress. One place, translated.
import { totalmem } from 'node:os';
import * as vscode from 'vscode';
import type { CatalogEntry } from '../../backend/models/catalog.js';
import { entrySizeBytes } from '../../backend/models/catalog.js';
import { formatDuration } from '../../backend/models/speed.js';
import { formatBytes } from '../../backend/setup/format-bytes.js';
import { getTerms } from '../../common/terms/index.js';
import type { FitAnswer } from './fit-runner.js';

export function displayLang(): 'ja' | 'en' {
  return vscode.env.language.startsWith('ja') ? 'ja' : 'en';
}

/** The catalog's size, else the one the fit check read from the server. */
export function sizeText(entry: CatalogEntry, fit?: FitAnswer): string {
  if (!entry.download) return vscode.l10n.t('no GGUF to download');
  if (entry.download.sizeShown) return entry.download.sizeShown;
  const n = entrySizeBytes(entry) ?? (fit?.ok ? (fit.report.fileBytes ?? undefined) : undefined);
  return n === undefined ? vscode.l10n.t('size unknown') : formatBytes(n);
}

export function memoryText(entry: CatalogEntry): string | undefined {
  const m = entry.memory;
  if (!m) return undefined;
  return vscode.l10n.t(
    'needs about {0} of memory at context {1} × {2}',
    formatBytes(m.ramBytes),
    m.contextSize,
    m.sequences,
  );
}

export function termsText(entry: CatalogEntry, accepted: (id: string) => boolean): string {
  const t = entry.terms;
  if (t.kind === 'open') return vscode.l10n.t('License: {0}', t.license);
  if (t.kind === 'terms') {
    const title = getTerms(t.termsId)?.title[displayLang()] ?? t.termsId;
    return accepted(t.termsId)
      ? vscode.l10n.t('Terms of use: {0} (accepted)', title)
      : vscode.l10n.t('Terms of use: {0}', title);
  }
  return vscode.l10n.t('Terms: see the model card');
}

/** One line for a quick pick's detail: the fit verdict for this machine, with the numbers. */
export function fitText(answer: FitAnswer | undefined, entry?: CatalogEntry): string {
  if (!answer) return `$(loading~spin) ${vscode.l10n.t('Checking whether it fits this machine…')}`;
  if (!answer.ok) {
    const ram = entry?.memory?.ramBytes;
    if (ram !== undefined) {
      return `$(info) ${vscode.l10n.t('Needs about {0} of memory; this machine has {1} in all (its header could not be read: {2})', formatBytes(ram), formatBytes(totalmem()), answer.message)}`;
    }
    return `$(question) ${vscode.l10n.t('Fit not checked: {0}', answer.message)}`;
  }
  const r = answer.report;
  const ctx = vscode.l10n.t('context {0} × {1}', r.contextSize, r.sequences);
  switch (r.verdict) {
    case 'fits':
      return `$(pass) ${vscode.l10n.t('Fits this machine: {0}/{1} layers on the GPU, VRAM {2} of {3} free, memory {4} of {5} available; {6}', r.gpuLayers, r.totalLayers, formatBytes(r.vramNeededBytes), formatBytes(r.vramFreeBytes), formatBytes(r.ramNeededBytes), formatBytes(r.ramAvailableBytes), ctx)}`;
    case 'cpu_only':
      if (r.gpu === false)
        return `$(pass) ${vscode.l10n.t('Fits, on the CPU (no GPU found): memory {0} of {1} available; {2}', formatBytes(r.ramNeededBytes), formatBytes(r.ramAvailableBytes), ctx)}`;
      return `$(warning) ${vscode.l10n.t('Fits on the CPU only: the GPU needs {0} but {1} is free; without it, memory {2} of {3} available; {4}', formatBytes(r.vramNeededBytes), formatBytes(r.vramFreeBytes), formatBytes(r.cpuOnlyRamNeededBytes ?? r.ramNeededBytes), formatBytes(r.ramAvailableBytes), ctx)}`;
    case 'does_not_fit':
      return `$(error) ${vscode.l10n.t('Does not fit: needs {0} of memory but {1} is available; {2}. Try a smaller context size or quantization.', formatBytes(Math.min(r.ramNeededBytes, r.cpuOnlyRamNeededBytes ?? Number.POSITIVE_INFINITY)), formatBytes(r.ramAvailableBytes), ctx)}`;
  }
}

export function progressText(
  received: number,
  total: number | null,
  bytesPerSecond: number,
  etaSeconds: number | null,
): string {
  const of =
    total !== null ? vscode.l10n.t('{0} of {1}', formatBytes(received), formatBytes(total)) : formatBytes(received);
  const eta = etaSeconds !== null ? vscode.l10n.t('{0} left', formatDuration(etaSeconds)) : '';
  return [of, bytesPerSecond > 0 ? `${formatBytes(bytesPerSecond)}/s` : '', eta].filter(Boolean).join(' · ');
}
