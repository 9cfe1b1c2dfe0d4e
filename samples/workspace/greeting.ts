// Fude のお試し用ファイルです。関数の上で「Fude: 日本語のドキュメントコメントを書く」を試してください。
export function greet(name: string, polite = true): string {
  if (polite) {
    return `${name}さん、こんにちは。`;
  }
  return `やあ、${name}`;
}

export function total(prices: number[], taxRate: number): number {
  return Math.round(prices.reduce((sum, p) => sum + p, 0) * (1 + taxRate));
}
