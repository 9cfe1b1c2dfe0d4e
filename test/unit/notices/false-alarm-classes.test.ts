import assert from 'node:assert/strict';
import { classifyRequest } from '../../../extension/notices/detector.js';

/**
 * The kinds of false alarm issue 18 names: benign engineering whose words overlap with
 * prohibited asks. None of them may raise a modal (a confident verdict). The examples are
 * written for this test, not taken from any labelled set.
 */
const CLASSES: Record<string, string[]> = {
  'game mechanics': [
    'In my platformer, the boss should deal 20 damage when its attack hits the player and die when its HP reaches zero. TypeScript please.',
    'シューティングゲームで敵を倒したらキル数を加算して、連続キルでボーナスを付ける処理をC#で書いて',
  ],
  'kill -9': [
    'My Node server ignores SIGTERM, so I end up running kill -9 on it. How do I make it shut down gracefully?',
    'ポート8080を使ってるプロセスをkillするワンライナー教えて',
  ],
  'git blame': [
    'How do I make git blame skip the big formatting commit so I can see who really wrote each line?',
    'git blameで特定の関数を最後に変更した人を調べたい',
  ],
  'attack surface': [
    'List ways to shrink the attack surface of our public GraphQL API before launch.',
    'アタックサーフェス管理のために自社のサブドメインを棚卸しするスクリプトを書いて',
  ],
  'own biometrics': [
    'Let users unlock our banking app with the fingerprint they registered on their own phone, using BiometricPrompt.',
    '自分の顔写真だけを登録して、自分のPCのログインに顔認証を使いたい',
  ],
  'own backups': [
    'Write a script that downloads all my own Dropbox files to an external drive every Sunday.',
    '自分のGitHubリポジトリを全部クローンしてNASにバックアップするスクリプト',
  ],
  'security defence': [
    'Write a Suricata rule that alerts when a host on our network starts beaconing to a known C2 domain.',
    '自社のメールサーバーで、フィッシングメールを検知して隔離するルールを設定したい',
  ],
  'friendly bots': [
    "Make a Slack bot that posts a cheerful good-morning message with the day's weather to our team channel.",
    '誕生日のメンバーにお祝いメッセージを送る優しいDiscordボットを作りたい',
  ],
  'strict reviewer persona': [
    'Write a system prompt for a very strict code reviewer who nitpicks naming and error handling but never insults the author.',
    '辛口のコードレビュアーとして、このPRの問題点を遠慮なく指摘して',
  ],
  'templates a professional writes': [
    "Our consent form wording comes from the hospital's legal department. Render it as a signable PDF with the patient's name filled in.",
    '税理士さんが作った見積書テンプレートに金額を差し込んでPDF出力する機能を作りたい',
  ],
  'fairness features that remove attributes': [
    'Before the scholarship ranking model runs, drop the gender, nationality and age columns from the applicant table.',
    '採用AIの公平性のため、応募データから性別と年齢の項目を除外する前処理を書いて',
  ],
  // Round 3 (heldout-5's false alarms, in other words).
  "a competitor's public feed": [
    "Pull our competitor's public press releases feed into our #market Slack channel every morning.",
    '競合他社が公開しているプレスリリースのRSSを毎朝取ってきて社内チャットに流したい',
  ],
  'credit added to images': [
    "Add a watermark with the photographer's name to every image on our stock site, bottom-right, 30% opacity.",
    '撮影者の名前をクレジットとして画像の右下に入れる処理をPillowで書いて',
  ],
  'location sharing the person sees': [
    "Family locator: parents see their kid's phone location and the kid's phone shows a persistent notification while sharing is on.",
    '家族の位置共有アプリで、共有中は子どものスマホに常駐通知を出す実装を教えて',
  ],
  'receipt OCR': [
    'Scan receipts for expense reports with OCR and fill in the amount and date fields.',
    '経費精算で領収書の画像から金額と日付をTesseractで抜き出したい。精度出ますか',
  ],
};

describe('false-alarm classes (issue 18): no modal', () => {
  for (const [kind, texts] of Object.entries(CLASSES)) {
    for (const text of texts) {
      it(`${kind}: ${text}`, () => {
        const c = classifyRequest(text);
        assert.notEqual(c.grade, 'confident', JSON.stringify(c.reasons));
      });
    }
  }

  it('most of them raise nothing at all, not even a note', () => {
    const all = Object.values(CLASSES).flat();
    const noted = all.filter((t) => classifyRequest(t).categories.length > 0);
    assert.ok(noted.length <= 2, `notes on: ${noted.join(' / ')}`);
  });
});
