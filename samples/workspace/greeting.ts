// Fude のお試し用ファイルです。関数の中にカーソルを置いて Ctrl+Shift+Alt+D(macOS は ⌘⇧⌥D)を押すと、
// 日本語のドキュメントコメントを書きます(右クリック → Fude からも)。
// A file to try Fude: put the cursor in a function and press Ctrl+Shift+Alt+D (⌘⇧⌥D on macOS) for a
// Japanese doc comment (or right-click → Fude).
export function greet(name: string, polite = true): string {
  if (polite) {
    return `${name}さん、こんにちは。`;
  }
  return `やあ、${name}`;
}

export function total(prices: number[], taxRate: number): number {
  return Math.round(prices.reduce((sum, p) => sum + p, 0) * (1 + taxRate));
}
