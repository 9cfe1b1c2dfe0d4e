// The model manager in the editor: Download Model… (catalog, fit verdict, terms, download with progress, Use This
// Model), Manage Downloaded Models…, Select Model (files found on disk, with their fit verdict, or Browse…), the
// Hugging Face token in SecretStorage, and the offer to resume an interrupted download. The work itself is
// backend/models (plain Node); the fit check runs `fude-models fit --json`.
import { dirname, resolve } from 'node:path';
import * as vscode from 'vscode';
import { downloadSource, loadCatalog, type CatalogEntry } from '../../backend/models/catalog.js';
import { defaultRoots, discoverModels, type DiscoveredModel } from '../../backend/models/discovery.js';
import { downloadModel, type DownloadEvent, type DownloadResult } from '../../backend/models/downloader.js';
import { isModelsError } from '../../backend/models/errors.js';
import { listModels, markUsed, recordDownload, removeModel, type ListedModel } from '../../backend/models/library.js';
import { formatBytes } from '../../backend/setup/format-bytes.js';
import { listTerms } from '../../common/terms/index.js';
import type { ModelsErrorCode } from '../../protocol/models.js';
import type { CliRuntime } from './cli-spec.js';
import { displayLang, fitText, memoryText, progressText, sizeText, termsText } from './describe.js';
import { runFit, type FitAnswer } from './fit-runner.js';
import { HfTokenStore } from './hf-token.js';
import { openPickState, pick, type OpenPickState } from './pick.js';
import { expandHome, readModelsSettings, type ModelsSettings } from './settings.js';

export interface ModelsDeps {
  log: vscode.LogOutputChannel;
  secrets: vscode.SecretStorage;
  /** Makes a file the model Fude uses ('' for the demo model); the core restarts the backend on the change. */
  setModelPath(path: string): Promise<void>;
  /** The model file the settings name now ('' when none). */
  currentModelPath(): string;
  /** Shows the terms (the terms gate) and resolves true once they are accepted. */
  reviewTerms(termsId: string): Promise<boolean>;
  isTermsAccepted(termsId: string): boolean;
  /** How to run fude-models (the same Node the backend uses). */
  runtime(): CliRuntime;
  settings?: () => ModelsSettings;
}

/** Read-only state for the extension's API (in-editor tests, other extensions). */
export interface ModelsApi {
  openPick(): OpenPickState | undefined;
  lastDownload(): DownloadResult | undefined;
  /** Progress events seen by the running or last download. */
  progressEvents(): number;
  downloading(): boolean;
}

interface DownloadJob {
  source: string;
  label: string;
  expectedSha256?: string;
  expectedSize?: number;
  catalogId?: string;
}

type EntryItem = vscode.QuickPickItem & { entry: CatalogEntry };

export class ModelsFeature implements vscode.Disposable {
  private readonly tokens: HfTokenStore;
  private readonly statusBar = vscode.window.createStatusBarItem(
    'fude.models.download',
    vscode.StatusBarAlignment.Right,
    99,
  );
  private running: { label: string; controller: AbortController } | undefined;
  private last: DownloadResult | undefined;
  private progressCount = 0;

  readonly api: ModelsApi = {
    openPick: () => openPickState(),
    lastDownload: () => this.last,
    progressEvents: () => this.progressCount,
    downloading: () => this.running !== undefined,
  };

  constructor(private readonly deps: ModelsDeps) {
    this.tokens = new HfTokenStore(deps.secrets);
    this.statusBar.name = vscode.l10n.t('Fude model download');
  }

  dispose(): void {
    this.running?.controller.abort();
    this.statusBar.dispose();
  }

  private settings(): ModelsSettings {
    return (this.deps.settings ?? readModelsSettings)();
  }

  private catalog(): CatalogEntry[] {
    const c = loadCatalog(
      this.settings().catalog,
      listTerms().map((t) => t.id),
    );
    if (c.problems.length > 0) {
      this.deps.log.warn(`fude.models.catalog: ${c.problems.join('; ')}`);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Fude: some entries of the fude.models.catalog setting were skipped: {0}', c.problems.join('; ')),
      );
    }
    return c.entries;
  }

  /** Fit verdicts for many targets in one fude-models process; `onAnswer` sees each as it arrives. */
  private async fit(
    targets: string[],
    signal?: AbortSignal,
    onAnswer?: (target: string, answer: FitAnswer) => void,
  ): Promise<Map<string, FitAnswer>> {
    const s = this.settings();
    return runFit(this.deps.runtime(), {
      targets,
      endpoint: s.endpoint,
      token: await this.tokens.get(),
      gpu: s.gpu,
      gpuLayers: s.gpuLayers,
      contextSize: s.contextSize,
      signal,
      onAnswer: (t, a) => {
        this.deps.log.info(`fit ${t}: ${a.ok ? a.report.summary : `not checked (${a.code}: ${a.message})`}`);
        onAnswer?.(t, a);
      },
    });
  }

  // ---- Download Model… ---------------------------------------------------------------------------------

  async downloadCommand(arg?: { id?: string }): Promise<void> {
    const s = this.settings();
    const entries = this.catalog();
    const local = await listModels(s.folder).catch(() => [] as ListedModel[]);
    const fits = new Map<string, FitAnswer>();
    const targetOf = (e: CatalogEntry) => downloadSource(e, s.endpoint)?.url;
    const item = (e: CatalogEntry): EntryItem => {
      const file = e.download ? downloadSource(e, s.endpoint)?.fileName : undefined;
      const have = local.find((m) => m.fileName === file);
      const icon = !e.download
        ? '$(server-environment)'
        : have?.partial
          ? '$(debug-pause)'
          : have
            ? '$(check)'
            : '$(cloud-download)';
      const state = !e.download
        ? ''
        : have?.partial
          ? ` — ${vscode.l10n.t('unfinished, select to resume')}`
          : have
            ? ` — ${vscode.l10n.t('downloaded')}`
            : '';
      const target = targetOf(e);
      return {
        entry: e,
        label: `${icon} ${e.name}${e.quantization ? ` ${e.quantization}` : ''}${state}`,
        description: [
          sizeText(e, target ? fits.get(target) : undefined),
          memoryText(e),
          termsText(e, (id) => this.deps.isTermsAccepted(id)),
        ]
          .filter(Boolean)
          .join(' · '),
        detail: e.download ? fitText(target ? fits.get(target) : undefined, e) : (e.description?.[displayLang()] ?? ''),
      };
    };
    let chosen: EntryItem | undefined;
    if (arg?.id) {
      const e = entries.find((x) => x.id === arg.id);
      if (!e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Fude: no catalog entry "{0}".', arg.id));
        return;
      }
      chosen = item(e);
    } else {
      chosen = await pick<EntryItem>({
        title: vscode.l10n.t('Fude: Download Model'),
        placeholder: vscode.l10n.t('Choose a model: size, memory needed, terms and whether it fits this machine'),
        items: entries.map(item),
        matchOnDetail: true,
        whileOpen: async (update, _busy, signal) => {
          const targets = entries.map(targetOf).filter((t): t is string => t !== undefined);
          await this.fit(targets, signal, (t, a) => {
            fits.set(t, a);
            update(entries.map(item));
          });
        },
      });
    }
    if (!chosen) return;
    const entry = chosen.entry;
    if (!entry.download) {
      await this.showHowToUse(entry);
      return;
    }
    const src = downloadSource(entry, s.endpoint)!;
    const have = local.find((m) => m.fileName === src.fileName && !m.partial);
    if (have) {
      // Already here and verified when it was downloaded: no need to fetch or hash it again.
      await this.modelActions(have, resolve(have.path) === resolve(this.deps.currentModelPath() || '.'));
      return;
    }
    if (entry.terms.kind === 'terms' && !this.deps.isTermsAccepted(entry.terms.termsId)) {
      // The terms come before anything downloads.
      if (!(await this.deps.reviewTerms(entry.terms.termsId))) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Fude: nothing was downloaded: the terms of use of {0} were not accepted.', entry.name),
        );
        return;
      }
    }
    if (!(await this.confirmDownload(entry, fits.get(src.url), s.folder))) return;
    await this.transfer({
      source: src.source,
      label: `${entry.name}${entry.quantization ? ` ${entry.quantization}` : ''}`,
      expectedSha256: src.sha256,
      expectedSize: src.sizeBytes,
      catalogId: entry.id,
    });
  }

  private async confirmDownload(entry: CatalogEntry, fit: FitAnswer | undefined, folder: string): Promise<boolean> {
    type Choice = vscode.QuickPickItem & { act: 'download' | 'page' | 'cancel' };
    const terms = termsText(entry, (id) => this.deps.isTermsAccepted(id));
    const notFit = fit?.ok && fit.report.verdict === 'does_not_fit';
    const page = entry.download?.repo ? `https://huggingface.co/${entry.download.repo}` : entry.download?.url;
    for (;;) {
      const choice = await pick<Choice>({
        title: vscode.l10n.t('Fude: Download {0}?', entry.name),
        placeholder: terms,
        items: [
          {
            act: 'download',
            label: `$(cloud-download) ${notFit ? vscode.l10n.t('Download anyway ({0})', sizeText(entry, fit)) : vscode.l10n.t('Download ({0})', sizeText(entry, fit))}`,
            description: vscode.l10n.t('to {0}', folder),
            detail: `${terms}${fit ? ` — ${fitText(fit, entry)}` : ''}`,
          },
          ...(page
            ? [
                {
                  act: 'page' as const,
                  label: `$(link-external) ${vscode.l10n.t('Open the model page (license, terms, card)')}`,
                  description: page,
                },
              ]
            : []),
          { act: 'cancel', label: `$(close) ${vscode.l10n.t('Cancel')}` },
        ],
      });
      if (choice?.act === 'page' && page) {
        await vscode.env.openExternal(vscode.Uri.parse(page));
        continue;
      }
      return choice?.act === 'download';
    }
  }

  private async showHowToUse(entry: CatalogEntry): Promise<void> {
    const h = entry.howToUse;
    if (!h) return;
    const lang = displayLang();
    const sizes = Object.entries(h.estimatedSizes)
      .map(([q, s]) => `${q} ${s}`)
      .join(', ');
    const content = [
      `# ${entry.name}`,
      '',
      entry.description?.[lang] ?? '',
      '',
      `## ${vscode.l10n.t('1. Serve it on a GPU server and connect Fude to it')}`,
      '',
      h.remote[lang],
      '',
      `## ${vscode.l10n.t('2. Convert it to GGUF yourself')}`,
      '',
      h.convert[lang],
      '',
      '```sh',
      ...h.convert.commands,
      '```',
      '',
      vscode.l10n.t('Sizes by arithmetic: {0}. Then choose the file with "Fude: Select Model File…".', sizes),
      '',
      termsText(entry, (id) => this.deps.isTermsAccepted(id)),
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  // ---- the download itself -------------------------------------------------------------------------------

  private noticeText(e: Extract<DownloadEvent, { event: 'notice' }>): string {
    switch (e.kind) {
      case 'retry':
        return vscode.l10n.t('The connection failed; retrying…');
      case 'restart_no_range':
        return vscode.l10n.t('The server cannot resume downloads; starting again from the beginning.');
      case 'restart_changed':
        return vscode.l10n.t(
          'The partial download does not match the file on the server; starting again from the beginning.',
        );
      case 'resume':
        return vscode.l10n.t('Resuming the interrupted download…');
      case 'already_present':
        return vscode.l10n.t('Already downloaded and verified.');
      case 'waiting':
        return vscode.l10n.t('Waiting for the server…');
    }
  }

  async transfer(job: DownloadJob): Promise<DownloadResult | undefined> {
    if (this.running) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Fude: {0} is still downloading; wait for it or cancel it first.', this.running.label),
      );
      return undefined;
    }
    const s = this.settings();
    const controller = new AbortController();
    this.running = { label: job.label, controller };
    this.progressCount = 0;
    this.statusBar.text = `$(cloud-download) ${vscode.l10n.t('Fude: downloading')}`;
    this.statusBar.tooltip = job.label;
    this.statusBar.show();
    let token = await this.tokens.get();
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await this.withProgress(job, s, token, controller);
          await recordDownload(result.path, {
            source: job.source,
            url: result.url,
            sha256: result.sha256,
            sizeBytes: result.sizeBytes,
            catalogId: job.catalogId,
          }).catch((e: unknown) => this.deps.log.warn(String(e)));
          this.last = result;
          this.deps.log.info(
            `downloaded ${result.path}: ${result.sizeBytes} bytes, SHA-256 ${result.sha256} (checked against ${result.checkedAgainst === 'none' ? 'nothing published: computed here' : result.checkedAgainst === 'given' ? 'the catalog' : "the server's metadata"})`,
          );
          void this.offerUse(result, job.label);
          return result;
        } catch (e) {
          if (isModelsError(e) && e.code === 'auth_required' && attempt === 0) {
            this.deps.log.warn(e.message);
            token = await this.tokens.ask(vscode.l10n.t('{0} needs a Hugging Face token.', job.label));
            if (token) continue;
          }
          this.showFailure(e, job);
          return undefined;
        }
      }
    } finally {
      this.running = undefined;
      this.statusBar.hide();
    }
  }

  private withProgress(
    job: DownloadJob,
    s: ModelsSettings,
    token: string | undefined,
    controller: AbortController,
  ): Thenable<DownloadResult> {
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Fude: downloading {0}', job.label),
        cancellable: true,
      },
      async (progress, cancel) => {
        const sub = cancel.onCancellationRequested(() => controller.abort());
        let shown = 0;
        try {
          return await downloadModel({
            source: job.source,
            dir: s.folder,
            endpoint: s.endpoint,
            token,
            signal: controller.signal,
            expectedSha256: job.expectedSha256,
            expectedSize: job.expectedSize,
            catalogId: job.catalogId,
            onEvent: (e) => {
              if (e.event === 'progress') {
                this.progressCount++;
                const pct = e.totalBytes ? (100 * e.receivedBytes) / e.totalBytes : 0;
                progress.report({
                  increment: Math.max(0, pct - shown),
                  message: progressText(e.receivedBytes, e.totalBytes, e.bytesPerSecond, e.etaSeconds),
                });
                shown = Math.max(shown, pct);
                this.statusBar.text = `$(cloud-download) ${vscode.l10n.t('Fude: downloading {0}%', Math.floor(pct))}`;
                this.statusBar.tooltip = `${job.label}: ${progressText(e.receivedBytes, e.totalBytes, e.bytesPerSecond, e.etaSeconds)}`;
              } else if (e.event === 'start') {
                shown = e.totalBytes ? (100 * e.resumedFromBytes) / e.totalBytes : 0;
                progress.report({
                  increment: shown,
                  message:
                    e.resumedFromBytes > 0
                      ? vscode.l10n.t('resuming from {0}', formatBytes(e.resumedFromBytes))
                      : vscode.l10n.t('starting…'),
                });
                this.deps.log.info(
                  `download ${e.url} -> ${e.target}${e.totalBytes !== null ? ` (${e.totalBytes} bytes)` : ''}${e.resumedFromBytes > 0 ? `, resuming at ${e.resumedFromBytes}` : ''}`,
                );
              } else if (e.event === 'notice') {
                this.deps.log.info(e.message);
                progress.report({ message: this.noticeText(e) });
              } else if (e.event === 'verifying') {
                progress.report({ message: vscode.l10n.t('verifying size and SHA-256…') });
              }
            },
          });
        } finally {
          sub.dispose();
        }
      },
    );
  }

  private headline(code: ModelsErrorCode): string {
    switch (code) {
      case 'auth_required':
        return vscode.l10n.t('This model needs a Hugging Face token.');
      case 'not_found':
        return vscode.l10n.t('The file was not found on the server.');
      case 'rate_limited':
        return vscode.l10n.t('The server is limiting requests; try again later.');
      case 'server_error':
        return vscode.l10n.t('The server kept failing.');
      case 'network':
        return vscode.l10n.t('The connection kept failing.');
      case 'not_gguf':
        return vscode.l10n.t('The server did not send a GGUF model; nothing was saved.');
      case 'checksum_mismatch':
        return vscode.l10n.t('The download did not match its SHA-256 and was deleted.');
      case 'size_mismatch':
        return vscode.l10n.t('The download did not have the expected size and was deleted.');
      case 'disk_full':
        return vscode.l10n.t('Not enough disk space.');
      case 'busy':
        return vscode.l10n.t('This model is already being downloaded.');
      case 'cancelled':
        return vscode.l10n.t('The download was paused. Run "Fude: Download Model…" again to resume it.');
      case 'io':
        return vscode.l10n.t('A file could not be read or written.');
      case 'bad_input':
        return vscode.l10n.t('The download could not start.');
      case 'fit_failed':
        return vscode.l10n.t('The model could not be checked.');
    }
  }

  private showFailure(e: unknown, job: DownloadJob): void {
    const code: ModelsErrorCode = isModelsError(e) ? e.code : 'io';
    const detail = isModelsError(e) ? e.message : String((e as Error | undefined)?.message ?? e);
    this.deps.log[code === 'cancelled' ? 'info' : 'error'](`download of ${job.source}: ${code}: ${detail}`);
    const retry = vscode.l10n.t('Retry');
    const openFolder = vscode.l10n.t('Open Models Folder');
    const buttons =
      code === 'cancelled' || code === 'network' || code === 'server_error' || code === 'rate_limited'
        ? [retry]
        : code === 'disk_full'
          ? [retry, openFolder]
          : [];
    const text = vscode.l10n.t('Fude: {0} {1}', this.headline(code), detail);
    const shown =
      code === 'cancelled'
        ? vscode.window.showInformationMessage(text, ...buttons)
        : vscode.window.showErrorMessage(text, ...buttons);
    void shown.then((choice) => {
      if (choice === retry) void this.transfer(job);
      if (choice === openFolder) void vscode.env.openExternal(vscode.Uri.file(this.settings().folder));
    });
  }

  private async offerUse(result: DownloadResult, label: string): Promise<void> {
    const use = vscode.l10n.t('Use This Model');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Fude: {0} is downloaded and verified ({1}).', label, formatBytes(result.sizeBytes)),
      use,
    );
    if (choice === use) await this.useModel(result.path);
  }

  async useModel(path: string): Promise<void> {
    await this.deps.setModelPath(path);
    await this.noteUse(path);
    this.deps.log.info(`model set to ${path}`);
  }

  /** Records "last used" for a file of the models folder (other files are left alone). */
  async noteUse(path: string): Promise<void> {
    await markUsed(expandHome(path), this.settings().folder).catch((e: unknown) =>
      this.deps.log.warn(`last use of ${path}: ${String(e)}`),
    );
  }

  // ---- Manage Downloaded Models… ---------------------------------------------------------------------------

  async manageCommand(): Promise<void> {
    const s = this.settings();
    const models = await listModels(s.folder);
    if (models.length === 0) {
      const download = vscode.l10n.t('Download a Model…');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Fude: no models in {0} yet.', s.folder),
        download,
      );
      if (choice === download) await vscode.commands.executeCommand('fude.models.download');
      return;
    }
    const current = resolve(this.deps.currentModelPath() || '.');
    type ModelItem = vscode.QuickPickItem & { model: ListedModel };
    const when = (iso: string | null) =>
      iso ? new Date(iso).toLocaleString(vscode.env.language) : vscode.l10n.t('never');
    const chosen = await pick<ModelItem>({
      title: vscode.l10n.t('Fude: Downloaded Models ({0})', s.folder),
      placeholder: vscode.l10n.t('Choose a model to use, reveal or delete it'),
      matchOnDetail: true,
      items: models.map((m) => ({
        model: m,
        label: `${m.partial ? '$(debug-pause)' : resolve(m.path) === current ? '$(check)' : '$(file)'} ${m.fileName}`,
        description: [
          m.partial
            ? vscode.l10n.t(
                'unfinished: {0} of {1}',
                formatBytes(m.sizeBytes),
                m.expectedSizeBytes ? formatBytes(m.expectedSizeBytes) : '?',
              )
            : formatBytes(m.sizeBytes),
          resolve(m.path) === current ? vscode.l10n.t('in use') : '',
        ]
          .filter(Boolean)
          .join(' · '),
        detail: `${m.source ?? vscode.l10n.t('added by hand')} · ${vscode.l10n.t('last used: {0}', when(m.lastUsedAt))}${m.downloadedAt ? ` · ${vscode.l10n.t('downloaded: {0}', when(m.downloadedAt))}` : ''}`,
      })),
    });
    if (!chosen) return;
    await this.modelActions(chosen.model, resolve(chosen.model.path) === current);
  }

  private async modelActions(m: ListedModel, inUse: boolean): Promise<void> {
    type Act = vscode.QuickPickItem & { act: 'use' | 'resume' | 'reveal' | 'delete' };
    const items: Act[] = m.partial
      ? [
          { act: 'resume', label: `$(cloud-download) ${vscode.l10n.t('Resume the download')}` },
          { act: 'delete', label: `$(trash) ${vscode.l10n.t('Delete the unfinished download')}` },
        ]
      : [
          { act: 'use', label: `$(check) ${vscode.l10n.t('Use This Model')}` },
          { act: 'reveal', label: `$(folder-opened) ${vscode.l10n.t('Show in the File Manager')}` },
          { act: 'delete', label: `$(trash) ${vscode.l10n.t('Delete ({0})', formatBytes(m.sizeBytes))}` },
        ];
    const a = await pick<Act>({ title: m.fileName, items });
    if (!a) return;
    if (a.act === 'use') await this.useModel(m.path);
    if (a.act === 'reveal')
      await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(m.partial ? `${m.path}.part` : m.path));
    if (a.act === 'resume') await this.resume(m);
    if (a.act === 'delete') {
      type Yes = vscode.QuickPickItem & { yes: boolean };
      const sure = await pick<Yes>({
        title: vscode.l10n.t('Delete {0}?', m.fileName),
        items: [
          { yes: false, label: vscode.l10n.t('Cancel') },
          {
            yes: true,
            label: `$(trash) ${vscode.l10n.t('Delete')}`,
            description: inUse ? vscode.l10n.t('it is the model in use: Fude goes back to the demo model') : undefined,
          },
        ],
      });
      if (!sure?.yes) return;
      try {
        await removeModel(m.path);
        this.deps.log.info(`deleted ${m.path}`);
        if (inUse) await this.deps.setModelPath('');
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Fude: {0}', (e as Error).message));
      }
    }
  }

  /** Resumes an unfinished download from where its part file says it comes from. */
  async resume(m: ListedModel): Promise<void> {
    const entry = m.catalogId ? this.catalog().find((e) => e.id === m.catalogId) : undefined;
    const src = entry ? downloadSource(entry, this.settings().endpoint) : undefined;
    if (!src && !m.source) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Fude: where {0} comes from is not recorded; delete it and download again.', m.fileName),
      );
      return;
    }
    await this.transfer({
      source: src?.source ?? m.source!,
      label: entry ? entry.name : m.fileName,
      expectedSha256: src?.sha256,
      expectedSize: src?.sizeBytes,
      catalogId: entry?.id,
    });
  }

  /** After a restart: offers to resume downloads that were interrupted. */
  async offerResume(): Promise<void> {
    const partial = (await listModels(this.settings().folder).catch(() => [] as ListedModel[])).filter(
      (m) => m.partial && m.source,
    );
    if (partial.length === 0 || this.running) return;
    const m = partial[0];
    const resumeIt = vscode.l10n.t('Resume');
    const discard = vscode.l10n.t('Delete It');
    const of = m.expectedSizeBytes
      ? vscode.l10n.t('{0} of {1}', formatBytes(m.sizeBytes), formatBytes(m.expectedSizeBytes))
      : formatBytes(m.sizeBytes);
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Fude: the download of {0} was interrupted ({1} so far). Resume it?', m.fileName, of),
      resumeIt,
      discard,
    );
    if (choice === resumeIt) await this.resume(m);
    if (choice === discard) await removeModel(m.path).catch((e: unknown) => this.deps.log.warn(String(e)));
  }

  // ---- Select Model ------------------------------------------------------------------------------------------

  async selectModelCommand(): Promise<void> {
    const s = this.settings();
    type Sel = vscode.QuickPickItem & { act: 'browse' | 'download' | 'file'; model?: DiscoveredModel };
    const found = await discoverModels(defaultRoots(s.folder)).catch(() => [] as DiscoveredModel[]);
    const fits = new Map<string, FitAnswer>();
    const originName = (o: DiscoveredModel['origin']) =>
      o === 'models-folder' ? vscode.l10n.t('Models folder') : o === 'lm-studio' ? 'LM Studio' : 'Ollama';
    const current = resolve(this.deps.currentModelPath() || '.');
    const items = (): Sel[] => {
      const out: Sel[] = [
        {
          act: 'browse',
          label: `$(folder-opened) ${vscode.l10n.t('Browse…')}`,
          description: vscode.l10n.t('choose a .gguf file'),
        },
        {
          act: 'download',
          label: `$(cloud-download) ${vscode.l10n.t('Download a Model…')}`,
          description: vscode.l10n.t('from the catalog'),
        },
      ];
      let origin: string | undefined;
      for (const m of found) {
        if (m.origin !== origin) {
          origin = m.origin;
          out.push({ act: 'file', label: originName(m.origin), kind: vscode.QuickPickItemKind.Separator });
        }
        out.push({
          act: 'file',
          model: m,
          label: `${resolve(m.path) === current ? '$(check)' : '$(file)'} ${m.name}`,
          description: `${formatBytes(m.sizeBytes)}${m.origin === 'models-folder' ? '' : ` · ${dirname(m.path)}`}`,
          detail: fitText(fits.get(m.path)),
        });
      }
      return out;
    };
    const chosen = await pick<Sel>({
      title: vscode.l10n.t('Fude: Select Model File'),
      placeholder:
        found.length > 0
          ? vscode.l10n.t('Models found on this machine, with whether each fits')
          : vscode.l10n.t('No GGUF models found in the models folder, LM Studio or Ollama'),
      items: items(),
      matchOnDetail: true,
      whileOpen:
        found.length === 0
          ? undefined
          : async (update, _busy, signal) => {
              await this.fit(
                found.slice(0, 40).map((m) => m.path),
                signal,
                (t, a) => {
                  fits.set(t, a);
                  update(items());
                },
              );
            },
    });
    if (!chosen) return;
    if (chosen.act === 'download') {
      await this.downloadCommand();
      return;
    }
    if (chosen.act === 'file' && chosen.model) {
      await this.useModel(chosen.model.path);
      return;
    }
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Use This Model'),
      filters: { [vscode.l10n.t('GGUF models')]: ['gguf'] },
      title: vscode.l10n.t('Choose a GGUF model file'),
      defaultUri: vscode.Uri.file(s.folder),
    });
    if (picked?.[0]) await this.useModel(picked[0].fsPath);
  }
}
