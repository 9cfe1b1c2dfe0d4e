// Which VS Code runs the suite. A real desktop VS Code (via @vscode/test-electron) when one is
// available; otherwise code-server, which installs from npm on machines that cannot reach
// Microsoft's download servers.
export type HostChoice =
  { kind: 'electron'; executable?: string; reason: string } | { kind: 'code-server'; reason: string };

export function chooseHost(env: NodeJS.ProcessEnv): HostChoice {
  const forced = env.FUDE_TEST_HOST?.trim();
  const executable = env.FUDE_VSCODE_EXECUTABLE?.trim() || undefined;
  if (forced === 'code-server') {
    return { kind: 'code-server', reason: 'FUDE_TEST_HOST=code-server' };
  }
  if (forced === 'electron') {
    return executable
      ? { kind: 'electron', executable, reason: `FUDE_TEST_HOST=electron, FUDE_VSCODE_EXECUTABLE=${executable}` }
      : {
          kind: 'electron',
          reason: 'FUDE_TEST_HOST=electron, no FUDE_VSCODE_EXECUTABLE: test-electron downloads VS Code',
        };
  }
  if (forced) throw new Error(`FUDE_TEST_HOST must be "electron" or "code-server", got "${forced}"`);
  if (executable) return { kind: 'electron', executable, reason: `FUDE_VSCODE_EXECUTABLE=${executable}` };
  return { kind: 'code-server', reason: 'no VS Code executable (FUDE_VSCODE_EXECUTABLE unset)' };
}
