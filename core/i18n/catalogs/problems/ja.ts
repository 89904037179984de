import type { ProblemsCatalog } from './en';

/** Japanese: what people read when the service refuses something. */
export const problemsJa: ProblemsCatalog = {
  'problem.code.session-ended': 'この 1on1 はすでに終了しています。次回に追加しますか?',
  'problem.code.session-not-started': 'この 1on1 はまだ始まっていないため、今は終了も再開もできません。',
  'problem.code.session-skipped': 'この 1on1 はスキップされました。次回に追加しますか?',
  'problem.code.session-cancelled': 'この 1on1 はカレンダーでキャンセルされました。次回に追加しますか?',
  'problem.code.reopen-expired':
    'この 1on1 は終了から時間がたっているため再開できません。足りない分は次回に追加してください。',
  'problem.code.pair-archived': 'この 1on1 はアーカイブ済みです。閲覧はできますが、変更はできません。',
  'problem.code.duplicate-pair':
    'この方との 1on1 はすでにあります。既存の 1on1 を開きますか? それとも新しく作成しますか?',
  'problem.code.not-invited': 'その方はこの会議に招待されていません。出席依頼に含まれている方を選んでください。',
  'problem.code.title-too-long': 'タイトルが長すぎます。短くして、残りは詳細に書いてください。',
  'problem.code.skip-not-undoable':
    'スキップした会議を Outlook で元に戻すことはできません。別の回の日程を変更するか、Outlook で会議を追加してください。',
  'problem.code.report-owns-plan':
    'これはメンバー本人の育成計画のため、変更できるのは本人だけです。コメントを残すか、新しい項目を提案してください。',
  'problem.type.validation': '入力内容に受け付けられないものがありました。確認して、もう一度お試しください。',
  'problem.type.unauthenticated': 'サインアウトしています。続けるにはもう一度サインインしてください。',
  'problem.type.forbidden': 'これはこの 1on1 の相手の方だけが行えます。',
  'problem.type.not-found': 'この項目はもうありません。削除された可能性があります。',
  'problem.type.method-not-allowed': 'ここではその操作はできません。',
  'problem.type.conflict': 'ほかの方が同時に変更しました。最新の内容を表示しています。もう一度お試しください。',
  'problem.type.too-large': '長すぎて保存できません。短くして、もう一度お試しください。',
  'problem.type.unsupported-media-type': '送信できませんでした。Tandem を再読み込みして、もう一度お試しください。',
  'problem.type.busy': 'Tandem は現在混み合っています。少し待ってから、もう一度お試しください。',
  'problem.type.graph-unavailable': 'Microsoft 365 が応答していません。少し待ってから、もう一度お試しください。',
  'problem.type.graph-error':
    'Microsoft 365 で拒否されました。もう一度お試しください。繰り返し起きる場合は管理者にお問い合わせください。',
  'problem.type.internal': 'こちら側で問題が発生しました。少し待ってから、もう一度お試しください。',
  'problem.type.sign-in-unavailable': '現在サインインできません。少し待ってから、もう一度お試しください。',
  'problem.type.rate-limited': '一度に多くの操作がありました。少し待ってから、もう一度お試しください。',
  'problem.type.too-many-streams':
    'Tandem を開いている場所が多すぎます。いくつかのタブを閉じて再読み込みしてください。',
  'problem.type.foreign-host': '続けるには、Tandem 本来のアドレスから開いてください。',
  'problem.fallback': 'うまくいきませんでした。少し待ってから、もう一度お試しください。',
  'problem.unreachable': 'Tandem に接続できませんでした。接続を確認して、もう一度お試しください。',
};
